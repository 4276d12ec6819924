package vn.inspection.pipeline.metrics;

import java.util.List;

import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.unit.UnitTables;

/**
 * What a {@code compare} command line names, read the same way by every engine's command: the two periods
 * (A and B, or B and the same period of the year before) and the one unit (by code or name). Both throw
 * {@link IllegalArgumentException} with a message a user can act on; the command turns it into its exit code.
 */
public final class CompareArguments {
    private CompareArguments() {
    }

    /** Periods A and B from the command line (B's previous year and B with {@code previousYear}). */
    public static Period[] periods(List<String> texts, boolean previousYear) {
        if (previousYear) {
            if (texts.size() != 1) {
                throw new IllegalArgumentException("--previous-year takes one period");
            }
            Period b = Period.parse(texts.get(0));
            return new Period[] {b.previousYear(), b};
        }
        if (texts.size() != 2) {
            throw new IllegalArgumentException("give two periods, or one with --previous-year");
        }
        return new Period[] {Period.parse(texts.get(0)), Period.parse(texts.get(1))};
    }

    /**
     * The one unit a user named by code or name.
     *
     * @throws UnknownUnitException when no unit, or several, have that name
     */
    public static UnitTables.UnitRow unit(List<UnitTables.UnitRow> units, String text) {
        List<UnitTables.UnitRow> found = UnitTables.find(units, text);
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new UnknownUnitException("unknown unit '" + text
                    + "': give a unit code or name (list them with: pipeline sql \"SELECT code, name FROM units\")");
        }
        throw new UnknownUnitException("'" + text + "' names several units ("
                + String.join(", ", found.stream().map(UnitTables.UnitRow::code).toList()) + "): give the unit code");
    }

    /** A unit name that names no unit, or several. */
    public static final class UnknownUnitException extends IllegalArgumentException {
        public UnknownUnitException(String message) {
            super(message);
        }
    }
}
