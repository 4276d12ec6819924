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
