package vn.inspection.pipeline.period;

import vn.inspection.pipeline.text.Language;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class Parsing {

        @ParameterizedTest(name = "{0} is a {1} from {2} to {3}")
        @CsvSource(delimiter = '|', value = {
                "2014                   | YEAR    | 2014-01-01 | 2014-12-31",
                "2016                   | YEAR    | 2016-01-01 | 2016-12-31",
                "2014-H1                | HALF    | 2014-01-01 | 2014-06-30",
                "2014-H2                | HALF    | 2014-07-01 | 2014-12-31",
                "2014-Q1                | QUARTER | 2014-01-01 | 2014-03-31",
                "2014-Q2                | QUARTER | 2014-04-01 | 2014-06-30",
                "2014-Q3                | QUARTER | 2014-07-01 | 2014-09-30",
                "2014-Q4                | QUARTER | 2014-10-01 | 2014-12-31",
                "2016-Q1                | QUARTER | 2016-01-01 | 2016-03-31",
                "2014-01                | MONTH   | 2014-01-01 | 2014-01-31",
                "2014-02                | MONTH   | 2014-02-01 | 2014-02-28",
                "2016-02                | MONTH   | 2016-02-01 | 2016-02-29",
                "2014-03                | MONTH   | 2014-03-01 | 2014-03-31",
                "2014-04                | MONTH   | 2014-04-01 | 2014-04-30",
                "2014-12                | MONTH   | 2014-12-01 | 2014-12-31",
                "2010..2015             | TERM    | 2010-01-01 | 2015-12-31",
                "2014..2014             | TERM    | 2014-01-01 | 2014-12-31",
                "2014-01-15..2014-06-30 | RANGE   | 2014-01-15 | 2014-06-30",
                "2016-02-29..2016-02-29 | RANGE   | 2016-02-29 | 2016-02-29",
                "2013-07-01..2014-06-30 | RANGE   | 2013-07-01 | 2014-06-30",
                "1930                   | YEAR    | 1930-01-01 | 1930-12-31",
                "2100-12                | MONTH   | 2100-12-01 | 2100-12-31",
        })
        void readsEveryFormIntoItsKindAndInclusiveDates(String text, PeriodKind kind, LocalDate from, LocalDate to) {
            Period period = Period.parse(text);

            assertThat(period.kind()).isEqualTo(kind);
            assertThat(period.from()).isEqualTo(from);
            assertThat(period.to()).isEqualTo(to);
        }

        @ParameterizedTest
        @ValueSource(strings = {" 2014-H1", "2014-H1 ", "  2014-H1  ", "\t2014-H1\n", "\u00A02014-H1\u00A0"})
        void ignoresSurroundingSpaces(String text) {
            assertThat(Period.parse(text)).isEqualTo(Period.parse("2014-H1"));
        }

        @Test
        void agreesWithTheNamedFactories() {
            assertThat(Period.parse("2014")).isEqualTo(Period.year(2014));
            assertThat(Period.parse("2014-H2")).isEqualTo(Period.half(2014, 2));
            assertThat(Period.parse("2014-Q3")).isEqualTo(Period.quarter(2014, 3));
            assertThat(Period.parse("2014-03")).isEqualTo(Period.month(2014, 3));
            assertThat(Period.parse("2010..2015")).isEqualTo(Period.term(2010, 2015));
            assertThat(Period.parse("2014-01-15..2014-06-30"))
                    .isEqualTo(Period.range(day("2014-01-15"), day("2014-06-30")));
        }

        @Test
        void tellsAOneYearTermFromTheYearItCovers() {
            Period term = Period.parse("2014..2014");
            Period year = Period.parse("2014");

            assertThat(term.from()).isEqualTo(year.from());
            assertThat(term.to()).isEqualTo(year.to());
            assertThat(term).isNotEqualTo(year);
        }
    }

    @Nested
    class Ids {

        @ParameterizedTest
        @ValueSource(strings = {"2014", "2014-H1", "2014-H2", "2014-Q1", "2014-Q4", "2014-03", "2014-12",
                "2010..2015", "2014..2014", "2014-01-15..2014-06-30", "2016-02-29..2016-03-01"})
        void writesTheCanonicalTextItWasParsedFrom(String text) {
            Period period = Period.parse(text);

            assertThat(period.id()).isEqualTo(text);
            assertThat(Period.parse(period.id())).isEqualTo(period);
            assertThat(period).hasToString(text);
        }

        @Test
        void writesTheCanonicalTextOfSurroundedInput() {
            assertThat(Period.parse("  2014-Q3 ").id()).isEqualTo("2014-Q3");
        }

        @Test
        void roundTripsEveryStandardPeriod() {
            assertThat(Period.standardPeriods(2012, 2016))
                    .allSatisfy(period -> assertThat(Period.parse(period.id())).isEqualTo(period));
        }

        @Test
        void roundTripsEveryFactoryMadePeriod() {
            List<Period> made = List.of(Period.year(1930), Period.half(2100, 2), Period.quarter(2016, 1),
                    Period.month(2016, 2), Period.term(1930, 2100), Period.range(day("2014-01-01"), day("2014-01-01")));

            assertThat(made).allSatisfy(period -> assertThat(Period.parse(period.id())).isEqualTo(period));
        }
    }

    @Nested
    class ParseErrors {

        @ParameterizedTest(name = "''{0}'' -> {1}")
        @CsvSource(delimiter = '|', value = {
                "2014-H3                | half must be 1 or 2",
                "2014-H0                | half must be 1 or 2",
                "2014-H01               | half must be 1 or 2",
                "2014-Q5                | quarter must be 1 to 4",
                "2014-Q0                | quarter must be 1 to 4",
                "2014-Q12               | quarter must be 1 to 4",
                "2014-13                | month must be 1 to 12",
                "2014-00                | month must be 1 to 12",
                "2014-3                 | month must have two digits, as in 2014-03",
                "2015..2010             | the term ends before it starts",
                "2014-02-30..2014-03-01 | 2014-02-30 is not a date",
                "2014-01-01..2015-02-29 | 2015-02-29 is not a date",
                "2014-13-01..2014-12-31 | 2014-13-01 is not a date",
                "2014-06-30..2014-01-15 | the range ends before it starts",
                "1929                   | year must be 1930 to 2100",
                "2101                   | year must be 1930 to 2100",
                "0000-H1                | year must be 1930 to 2100",
                "1929-Q4                | year must be 1930 to 2100",
                "2101-01                | year must be 1930 to 2100",
                "1925..2015             | year must be 1930 to 2100",
                "1929-12-31..2014-01-01 | year must be 1930 to 2100",
                "2014-01-01..2101-01-01 | year must be 1930 to 2100",
        })
        void saysWhatIsWrongWithAnAlmostPeriod(String text, String reason) {
            assertThatThrownBy(() -> Period.parse(text))
                    .isInstanceOf(PeriodException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot parse period '" + text + "': " + reason);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "", "   ", "14", "20145", "2014-h1", "2014-q3", "2014-H", "2014-Q",
                "2014-001", "H1-2014", "Q3/2014", "03/2014", "2014-03-15", "2010 .. 2015", "2010..", "..2015",
                "2010...2015", "2010-2015", "2014-1-15..2014-6-30", "2014..2014-06-30", "2014-01-15..2015",
                "2014-01-15..2014-06-30..2014-12-31", "2014 H1", "２０１４", "+2014", "-2014"})
        void namesTheFormsItAcceptsForAnythingElse(String text) {
            assertThatThrownBy(() -> Period.parse(text))
                    .isInstanceOf(PeriodException.class)
                    .hasMessage("Cannot parse period '" + text + "': expected 2014, 2014-H1, 2014-Q3, 2014-03, "
                            + "2010..2015 or 2014-01-15..2014-06-30");
        }

        @Test
        void quotesTheTextAsGivenWithItsSpaces() {
            assertThatThrownBy(() -> Period.parse(" 2014-H3 "))
                    .hasMessage("Cannot parse period ' 2014-H3 ': half must be 1 or 2");
        }

        @Test
        void rejectsNullAsAProgrammingError() {
            assertThatThrownBy(() -> Period.parse(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("period text");
        }
    }

    @Nested
    class Factories {

        @Test
        void rejectsAHalfOtherThanOneOrTwo() {
            assertThatThrownBy(() -> Period.half(2014, 3))
                    .isInstanceOf(PeriodException.class)
                    .hasMessage("Cannot make period 2014-H3: half must be 1 or 2");
        }

        @Test
        void rejectsAQuarterOutsideOneToFour() {
            assertThatThrownBy(() -> Period.quarter(2014, 0))
                    .hasMessage("Cannot make period 2014-Q0: quarter must be 1 to 4");
        }

        @Test
        void rejectsAMonthOutsideOneToTwelve() {
            assertThatThrownBy(() -> Period.month(2014, 13))
                    .hasMessage("Cannot make period 2014-13: month must be 1 to 12");
        }

        @Test
        void rejectsAYearOutsideTheSupportedOnes() {
            assertThatThrownBy(() -> Period.year(1900))
                    .hasMessage("Cannot make period 1900: year must be 1930 to 2100");
        }

        @Test
        void rejectsATermThatEndsBeforeItStarts() {
            assertThatThrownBy(() -> Period.term(2015, 2010))
                    .hasMessage("Cannot make period 2015..2010: the term ends before it starts");
        }

        @Test
        void rejectsARangeThatEndsBeforeItStarts() {
            assertThatThrownBy(() -> Period.range(day("2014-06-30"), day("2014-01-15")))
                    .hasMessage("Cannot make period 2014-06-30..2014-01-15: the range ends before it starts");
        }

        @Test
        void rejectsDatesThatAreNotTheShapeOfTheKind() {
            assertThatThrownBy(() -> new Period(PeriodKind.HALF, day("2014-02-01"), day("2014-07-31"), "2014-H1"))
                    .isInstanceOf(PeriodException.class)
                    .hasMessage("Cannot make period HALF 2014-02-01 to 2014-07-31: the dates are not a whole half");
        }

        @Test
        void rejectsAnIdThatIsNotTheCanonicalTextOfTheDates() {
            assertThatThrownBy(() -> new Period(PeriodKind.QUARTER, day("2014-07-01"), day("2014-09-30"), "2014-Q2"))
                    .isInstanceOf(PeriodException.class)
                    .hasMessage("Cannot make period QUARTER 2014-07-01 to 2014-09-30: its id is '2014-Q3', not '2014-Q2'");
        }

        @Test
        void acceptsTheCanonicalConstructionOfAValidPeriod() {
            assertThat(new Period(PeriodKind.MONTH, day("2016-02-01"), day("2016-02-29"), "2016-02"))
                    .isEqualTo(Period.parse("2016-02"));
        }
    }

    @Nested
    class Labels {

        @ParameterizedTest(name = "{0}: {1} / {2}")
        @CsvSource(delimiter = '|', value = {
                "2014                   | Năm 2014                     | Year 2014",
                "2014-H1                | 6 tháng đầu năm 2014         | First half of 2014",
                "2014-H2                | 6 tháng cuối năm 2014        | Second half of 2014",
                "2014-Q1                | Quý I/2014                   | Q1 2014",
                "2014-Q2                | Quý II/2014                  | Q2 2014",
                "2014-Q3                | Quý III/2014                 | Q3 2014",
                "2014-Q4                | Quý IV/2014                  | Q4 2014",
                "2014-03                | Tháng 3/2014                 | March 2014",
                "2014-12                | Tháng 12/2014                | December 2014",
                "2010..2015             | Nhiệm kỳ 2010–2015           | Term 2010–2015",
                "2014-01-15..2014-06-30 | Từ 15/01/2014 đến 30/06/2014 | 15 Jan 2014 to 30 Jun 2014",
                "2014-09-01..2014-12-05 | Từ 01/09/2014 đến 05/12/2014 | 1 Sep 2014 to 5 Dec 2014",
        })
        void namesThePeriodInVietnameseAndEnglish(String text, String vietnamese, String english) {
            Period period = Period.parse(text);

            assertThat(period.label(Language.VI)).isEqualTo(vietnamese);
            assertThat(period.label(Language.EN)).isEqualTo(english);
        }

        @Test
        void joinsTheYearsOfATermWithAnEnDash() {
            assertThat(Period.parse("2010..2015").label(Language.VI)).contains("\u2013").doesNotContain("-");
        }

        @Test
        void writesVietnameseInComposedUnicode() {
            String label = Period.parse("2014-H1").label(Language.VI);

            assertThat(label).isEqualTo(java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFC));
        }

        @Test
        void rejectsALanguageItHasNoLabelsFor() {
            assertThatThrownBy(() -> Language.parse("fr"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown language 'fr': expected vi (Vietnamese) or en (English)");
        }
    }

    @Nested
    class PreviousYear {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "2014                   | 2013",
                "2014-H1                | 2013-H1",
                "2014-H2                | 2013-H2",
                "2014-Q1                | 2013-Q1",
                "2014-Q4                | 2013-Q4",
                "2014-03                | 2013-03",
                "2017-02                | 2016-02",
                "2014-01-15..2014-06-30 | 2013-01-15..2013-06-30",
                "2014-01-01..2014-02-28 | 2013-01-01..2013-02-28",
        })
        void givesTheSamePeriodOneYearEarlier(String text, String expected) {
            assertThat(Period.parse(text).previousYear()).isEqualTo(Period.parse(expected));
        }

        @Test
        void keepsTheWholeMonthWhenFebruaryLosesItsLeapDay() {
            assertThat(Period.parse("2016-02").previousYear().to()).isEqualTo(day("2015-02-28"));
            assertThat(Period.parse("2016-Q1").previousYear().to()).isEqualTo(day("2015-03-31"));
        }

        @Test
        void clampsARangeEndingOnTheTwentyNinthOfFebruaryToTheTwentyEighth() {
            assertThat(Period.parse("2016-01-01..2016-02-29").previousYear())
                    .isEqualTo(Period.parse("2015-01-01..2015-02-28"));
        }

        @Test
        void clampsARangeStartingOnTheTwentyNinthOfFebruaryToTheTwentyEighth() {
            assertThat(Period.parse("2016-02-29..2016-03-31").previousYear())
                    .isEqualTo(Period.parse("2015-02-28..2015-03-31"));
        }

        @Test
        void keepsARangeOfOneLeapDayARangeOfOneDay() {
            assertThat(Period.parse("2016-02-29..2016-02-29").previousYear())
                    .isEqualTo(Period.parse("2015-02-28..2015-02-28"));
        }

        @Test
        void givesATermTheTermBeforeItOfTheSameLength() {
            assertThat(Period.parse("2010..2015").previousYear()).isEqualTo(Period.parse("2004..2009"));
            assertThat(Period.parse("2014..2014").previousYear()).isEqualTo(Period.parse("2013..2013"));
        }

        @Test
        void keepsTheKind() {
            assertThat(Period.standardPeriods(2014, 2014))
                    .allSatisfy(period -> assertThat(period.previousYear().kind()).isEqualTo(period.kind()));
        }

        @Test
        void refusesToGoBeforeTheFirstSupportedYear() {
            assertThatThrownBy(() -> Period.parse("1930-H1").previousYear())
                    .isInstanceOf(PeriodException.class)
                    .hasMessage("Cannot take the period a year before 1930-H1: year must be 1930 to 2100");
        }

        @Test
        void refusesATermBeforeTheFirstSupportedYear() {
            assertThatThrownBy(() -> Period.parse("1931..1935").previousYear())
                    .hasMessage("Cannot take the period a year before 1931..1935: year must be 1930 to 2100");
        }
    }

    @Nested
    class Contains {

        @Test
        void includesBothEnds() {
            Period half = Period.parse("2014-H1");

            assertThat(half.contains(day("2014-01-01"))).isTrue();
            assertThat(half.contains(day("2014-06-30"))).isTrue();
        }

        @Test
        void excludesTheDaysJustOutside() {
            Period half = Period.parse("2014-H1");

            assertThat(half.contains(day("2013-12-31"))).isFalse();
            assertThat(half.contains(day("2014-07-01"))).isFalse();
        }

        @Test
        void includesTheLeapDayOfALeapFebruary() {
            assertThat(Period.parse("2016-02").contains(day("2016-02-29"))).isTrue();
            assertThat(Period.parse("2016-02").contains(day("2016-03-01"))).isFalse();
        }

        @Test
        void coversEveryYearOfATerm() {
            Period term = Period.parse("2010..2015");

            assertThat(term.contains(day("2010-01-01"))).isTrue();
            assertThat(term.contains(day("2012-06-15"))).isTrue();
            assertThat(term.contains(day("2015-12-31"))).isTrue();
            assertThat(term.contains(day("2016-01-01"))).isFalse();
        }

        @Test
        void holdsOnlyItsDayForAOneDayRange() {
            Period range = Period.parse("2014-03-15..2014-03-15");

            assertThat(range.contains(day("2014-03-15"))).isTrue();
            assertThat(range.contains(day("2014-03-14"))).isFalse();
            assertThat(range.contains(day("2014-03-16"))).isFalse();
        }
    }

    @Nested
    class StandardPeriods {

        @Test
        void givesNineteenPeriodsForOneYear() {
            List<Period> periods = Period.standardPeriods(2014, 2014);

            assertThat(periods).hasSize(1 + 2 + 4 + 12);
            assertThat(periods).extracting(Period::id).containsExactly(
                    "2014", "2014-H1", "2014-H2", "2014-Q1", "2014-Q2", "2014-Q3", "2014-Q4",
                    "2014-01", "2014-02", "2014-03", "2014-04", "2014-05", "2014-06",
                    "2014-07", "2014-08", "2014-09", "2014-10", "2014-11", "2014-12");
        }

        @Test
        void givesNineteenPeriodsForEachYear() {
            assertThat(Period.standardPeriods(2010, 2015)).hasSize(6 * 19).doesNotHaveDuplicates();
        }

        @Test
        void groupsByKindInTheOrderYearHalfQuarterMonth() {
            List<Period> periods = Period.standardPeriods(2013, 2014);

            assertThat(periods).extracting(Period::kind)
                    .isSortedAccordingTo(Enum::compareTo)
                    .containsOnly(PeriodKind.YEAR, PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH);
            assertThat(periods.subList(0, 2)).extracting(Period::id).containsExactly("2013", "2014");
            assertThat(periods.subList(2, 6)).extracting(Period::id)
                    .containsExactly("2013-H1", "2013-H2", "2014-H1", "2014-H2");
        }

        @Test
        void listsEachKindChronologically() {
            List<Period> periods = Period.standardPeriods(2013, 2015);

            for (PeriodKind kind : List.of(PeriodKind.YEAR, PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH)) {
                List<Period> ofKind = periods.stream().filter(period -> period.kind() == kind).toList();
                assertThat(ofKind).extracting(Period::from).isSorted().doesNotHaveDuplicates();
                for (int i = 1; i < ofKind.size(); i++) {
                    assertThat(ofKind.get(i).from()).as("%s follows %s", ofKind.get(i), ofKind.get(i - 1))
                            .isEqualTo(ofKind.get(i - 1).to().plusDays(1));
                }
            }
        }

        @Test
        void coversTheYearsExactly() {
            List<Period> periods = Period.standardPeriods(2013, 2015);

            assertThat(periods).extracting(Period::from).allMatch(from -> !from.isBefore(day("2013-01-01")));
            assertThat(periods).extracting(Period::to).allMatch(to -> !to.isAfter(day("2015-12-31")));
            assertThat(periods.get(periods.size() - 1).id()).isEqualTo("2015-12");
        }

        @Test
        void cannotBeChangedByTheCaller() {
            List<Period> periods = Period.standardPeriods(2014, 2014);

            assertThatThrownBy(() -> periods.add(Period.year(2015)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void rejectsYearsGivenBackwards() {
            assertThatThrownBy(() -> Period.standardPeriods(2015, 2010))
                    .isInstanceOf(PeriodException.class)
                    .hasMessage("Cannot list standard periods of 2015 to 2010: the range ends before it starts");
        }

        @Test
        void rejectsUnsupportedYears() {
            assertThatThrownBy(() -> Period.standardPeriods(2014, 2101))
                    .isInstanceOf(PeriodException.class)
                    .hasMessage("Cannot list standard periods of 2014 to 2101: year must be 1930 to 2100");
        }
    }
}
