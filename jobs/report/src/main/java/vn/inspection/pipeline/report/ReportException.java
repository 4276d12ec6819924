package vn.inspection.pipeline.report;

/** A report that cannot be made as asked (an unknown or ambiguous unit…), with a message for the person who asked. */
public class ReportException extends RuntimeException {
    public ReportException(String message) {
        super(message);
    }
}
