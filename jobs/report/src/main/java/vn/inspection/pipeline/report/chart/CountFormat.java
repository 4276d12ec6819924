package vn.inspection.pipeline.report.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.text.VietnameseNumbers;

/**
 * {@link VietnameseNumbers#count} as a {@link NumberFormat}, for the places a chart library asks for one
 * (axis ticks, bar labels): 2.528 in Vietnamese, 2,528 in English, −8 with the true minus sign. Counts are whole
 * numbers, so a fraction is rounded.
 */
public final class CountFormat extends NumberFormat {
    private final transient VietnameseNumbers numbers;

    public CountFormat(Language language) {
        this.numbers = new VietnameseNumbers(language);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(numbers.count(Math.round(number)));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(numbers.count(number));
    }

    /** Reading numbers back is not needed by charts: always fails (returns null without moving {@code pos}). */
    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }
}
