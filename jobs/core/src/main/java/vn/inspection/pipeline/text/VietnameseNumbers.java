package vn.inspection.pipeline.text;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * Numbers as reports write them. Vietnamese: 2.528, +14,4%, −8,5% (dot for thousands, comma for the
 * decimal, the typographic minus sign U+2212); English: 2,528, +14.4%, −8.5%. Every output a person reads
 * (CLI tables, PDF reports, workbooks' text, mail bodies) formats through this class.
 */
public final class VietnameseNumbers {
    /** The minus sign reports print (U+2212), not the hyphen. */
    public static final char MINUS = '\u2212';

    private final Language language;

    public VietnameseNumbers(Language language) {
        this.language = language;
    }

    public Language language() {
        return language;
    }

    private DecimalFormat format(String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        boolean vi = language == Language.VI;
        symbols.setGroupingSeparator(vi ? '.' : ',');
        symbols.setDecimalSeparator(vi ? ',' : '.');
        symbols.setMinusSign(MINUS);
        return new DecimalFormat(pattern, symbols);
    }

    /** 2.528 (vi), 2,528 (en); negative numbers with −. */
    public String count(long n) {
        return format("#,##0").format(n);
    }

    /** +12, 0, −8: a difference, with its sign. */
    public String signed(long n) {
        return (n > 0 ? "+" : "") + count(n);
    }

    /** +14,4%, −8,5%, 0,0%; "–" when there is no percentage (the base was 0). */
    public String percent(BigDecimal change) {
        if (change == null) {
            return "\u2013";
        }
        return (change.signum() > 0 ? "+" : "") + format("#,##0.0").format(change) + "%";
    }

    /** A decimal number with one digit after the separator: 14,4 (vi), 14.4 (en). */
    public String decimal(double value) {
        return format("#,##0.0").format(value);
    }
}
