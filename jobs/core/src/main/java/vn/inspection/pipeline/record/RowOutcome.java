package vn.inspection.pipeline.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What became of one row of a register. */
public sealed interface RowOutcome {

    /**
     * A valid record: its typed values by field name (String, LocalDate, Boolean; a unit field holds the
     * unit code), the date that places it in a period (null for units), and its natural key hash.
     */
    record Accepted(Map<String, Object> values, LocalDate periodDate, String recordKey) implements RowOutcome {
    }

    /**
     * A valid record but for the units it names, which the units reference does not hold (yet): its values
     * (members pseudonymised; no unit field), the unit fields' text as typed ({@code units}: field name → text) and the
     * problems to report while it waits. A later units reference that names its units lets it in.
     */
    record Parked(Map<String, Object> values, Map<String, String> units, LocalDate periodDate, List<Problem> problems) implements RowOutcome {
        public Parked {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
            units = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(units));
            problems = List.copyOf(problems);
        }

        /** As a rejected row, for the rejects report (its reason says it waits). */
        public Rejected asRejected() {
            return new Rejected(problems.stream().map(p -> new Problem(p.field(), p.reason()
                    + " — parked: accepted when a units reference names it")).toList());
        }
    }

    /** A row that is a record but breaks the contract; every problem found, in field order. */
    record Rejected(List<Problem> problems) implements RowOutcome {
        public Rejected {
            problems = List.copyOf(problems);
        }

        public String field() {
            return problems.get(0).field();
        }

        /** The reason of a single problem; several are joined, each named by its field. */
        public String reason() {
            if (problems.size() == 1) {
                return problems.get(0).reason();
            }
            return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
        }
    }

    /**
     * A group row: a heading that sets {@code field} to {@code value} for the rows below it, or, when
     * {@code field} is null, a heading that names nothing the sheet lacks (skipped, as it holds no record).
     */
    record Grouped(GroupRows.Group group) implements RowOutcome {
    }

    /** One thing wrong with a rejected row. */
    record Problem(String field, String reason) {
        @Override
        public String toString() {
            return field == null ? reason : field + ": " + reason;
        }
    }
}
