package vn.inspection.pipeline.period;

/**
 * A period that cannot be parsed or made, with the text or values given and what was wrong, as in
 * "Cannot parse period '2014-H3': half must be 1 or 2".
 */
public class PeriodException extends IllegalArgumentException {
    public PeriodException(String message) {
        super(message);
    }
}
