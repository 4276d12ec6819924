package vn.inspection.pipeline.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateValuesTest {

    private static LocalDate parsed(String text) {
        DateValues.Parsed parsed = DateValues.parse(text);
        assertThat(parsed.ok()).as("'%s' parses (error: %s)", text, parsed.error()).isTrue();
        assertThat(parsed.error()).isNull();
        return parsed.date();
    }

    @Nested
    class WrittenDates {

        @ParameterizedTest(name = "\"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
                "15/03/2014 | 2014-03-15",
                "5/3/2014   | 2014-03-05",
                "05/3/2014  | 2014-03-05",
                "15-03-2014 | 2014-03-15",
                "15.03.2014 | 2014-03-15",
                "15 / 03 / 2014 | 2014-03-15",
                "2014-03-15 | 2014-03-15",
                "2014-3-5   | 2014-03-05",
                "2014-03-15T00:00:00 | 2014-03-15",
                "2014-03-15 00:00:00 | 2014-03-15",
                "15/03/2014 08:30 | 2014-03-15",
        })
        void parsesTheFormatsOfficesWrite(String text, LocalDate expected) {
            assertThat(parsed(text)).isEqualTo(expected);
        }

        @Test
        void readsDayFirstEvenWhenTheDayCouldBeAMonth() {
            assertThat(parsed("03/04/2014")).isEqualTo(LocalDate.of(2014, 4, 3));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ngày 15 tháng 3 năm 2014", "Ngày 15 tháng 03 năm 2014", "NGÀY 15 THÁNG 3 NĂM 2014",
                "15 tháng 3 năm 2014", "ngay 15 thang 3 nam 2014"})
        void parsesADateWrittenInWords(String text) {
            assertThat(parsed(text)).isEqualTo(LocalDate.of(2014, 3, 15));
        }

        @Test
        void ignoresSurroundingAndNonBreakingSpaces() {
            assertThat(parsed("\u00A0 15/03/2014 ")).isEqualTo(LocalDate.of(2014, 3, 15));
        }
    }

    @Nested
    class ExcelSerials {

        @Test
        void parsesAnExcelSerialNumber() {
            assertThat(parsed("41654")).isEqualTo(LocalDate.of(2014, 1, 15));
            assertThat(DateValues.toExcelSerial(LocalDate.of(2014, 1, 15))).isEqualTo(41654);
        }

        @Test
        void dropsTheTimeOfDayOfAFractionalSerial() {
            assertThat(parsed("41654.75")).isEqualTo(LocalDate.of(2014, 1, 15));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1930-01-01", "2000-02-29", "2014-06-30", "2026-11-22"})
        void roundTripsThroughTheExcelSerial(LocalDate date) {
            assertThat(parsed(Long.toString(DateValues.toExcelSerial(date)))).isEqualTo(date);
        }

        @Test
        void countsSerialsFromExcelsEpoch() {
            assertThat(DateValues.toExcelSerial(LocalDate.of(1900, 3, 1))).isEqualTo(61);
            assertThat(DateValues.toExcelSerial(LocalDate.of(1899, 12, 31))).isEqualTo(1);
        }
    }

    @Nested
    class Failures {

        @Test
        void saysTheThirtyFirstOfFebruaryDoesNotExist() {
            DateValues.Parsed parsed = DateValues.parse("31/02/2014");

            assertThat(parsed.ok()).isFalse();
            assertThat(parsed.date()).isNull();
            assertThat(parsed.error()).startsWith("'31/02/2014' is not a date that exists");
        }

        @Test
        void saysAThirteenthMonthDoesNotExist() {
            assertThat(DateValues.parse("15/13/2014").error()).startsWith("'15/13/2014' is not a date that exists");
        }

        @Test
        void saysTheTwentyNinthOfFebruaryOfACommonYearDoesNotExist() {
            assertThat(DateValues.parse("2014-02-29").error()).startsWith("'2014-02-29' is not a date that exists");
        }

        @ParameterizedTest
        @ValueSource(strings = {"không rõ", "15/03", "Quý I/2014", "15/03/14", "abc 2014", "41654,5"})
        void quotesTheTextThatIsNotADate(String text) {
            DateValues.Parsed parsed = DateValues.parse(text);

            assertThat(parsed.ok()).isFalse();
            assertThat(parsed.error()).isEqualTo("'" + text + "' is not a date (expected dd/MM/yyyy, yyyy-MM-dd, an Excel date or"
                    + " \"ngày d tháng M năm yyyy\")");
        }

        @Test
        void quotesTheCleanedText() {
            assertThat(DateValues.parse("  ngày   mai ").error()).startsWith("'ngày mai' is not a date");
        }

        @Test
        void failsOnBlankText() {
            assertThat(DateValues.parse("").ok()).isFalse();
            assertThat(DateValues.parse(null).ok()).isFalse();
        }
    }
}
