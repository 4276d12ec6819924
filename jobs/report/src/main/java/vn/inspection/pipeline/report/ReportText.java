package vn.inspection.pipeline.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.period.PeriodKind;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.text.VietnameseNumbers;

/** The words a report prints around its figures, in Vietnamese or English. */
final class ReportText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Language language;
    private final boolean vi;
    final VietnameseNumbers numbers;

    ReportText(Language language) {
        this.language = language;
        this.vi = language == Language.VI;
        this.numbers = new VietnameseNumbers(language);
    }

    Language language() {
        return language;
    }

    String pick(String vietnamese, String english) {
        return vi ? vietnamese : english;
    }

    /** "6 tháng đầu năm 2014 so với cùng kỳ năm 2013", "Năm 2014 so với năm 2013". */
    String comparison(Period a, Period b) {
        String bLabel = b.label(language);
        boolean lastYear = !a.equals(b) && b.kind() != PeriodKind.TERM && a.equals(b.previousYear());
        if (lastYear && b.kind() == PeriodKind.YEAR) {
            return vi ? bLabel + " so với năm " + a.from().getYear() : bLabel + " compared with " + a.from().getYear();
        }
        if (lastYear) {
            return vi ? bLabel + " so với cùng kỳ năm " + a.from().getYear() : bLabel + " compared with the same period of " + a.from().getYear();
        }
        return bLabel + (vi ? " so với " : " compared with ") + lowerFirst(a.label(language));
    }

    /** "01/01/2014 – 30/06/2014". */
    String days(Period period) {
        return day(period.from()) + " \u2013 " + day(period.to());
    }

    String day(java.time.LocalDate date) {
        return vi ? DAY.format(date) : EN_DAY.format(date);
    }

    /** "14:05 ngày 05/07/2026", "14:05 on 5 Jul 2026". */
    String moment(ZonedDateTime time) {
        return TIME.format(time) + (vi ? " ngày " : " on ") + day(time.toLocalDate());
    }

    String moment(Instant instant, ZoneId zone) {
        return moment(instant.atZone(zone));
    }

    /** I, II, III… for section numbers. */
    static String roman(int number) {
        return number >= 1 && number <= ROMAN.length ? ROMAN[number - 1] : String.valueOf(number);
    }

    String upper(String text) {
        return text.toUpperCase(vi ? VIETNAMESE : Locale.ENGLISH);
    }

    static String lowerFirst(String text) {
        if (text.isEmpty() || (text.length() > 1 && Character.isUpperCase(text.charAt(1)))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    String allUnits() {
        return pick("Tất cả các đơn vị", "All units");
    }

    String notRecorded() {
        return pick("Không ghi", "Not recorded");
    }

    String noData() {
        return pick("Không có số liệu", "No data");
    }
}
