package vn.inspection.pipeline.nightly;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the nightly job did with a report due: rendered it, found it rendered by an earlier night, left it waiting for
 * data, or failed to render it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportOutcome(@JsonProperty("report") String report,
                            @JsonProperty("key") String key,
                            @JsonProperty("periods") java.util.List<String> periods,
                            @JsonProperty("due_on") LocalDate dueOn,
                            @JsonProperty("title") String title,
                            @JsonProperty("status") Status status,
                            @JsonProperty("file") String file,
                            @JsonProperty("pages") Integer pages,
                            @JsonProperty("note") String note) {

    public enum Status {
        /** Rendered by this run into the outbox. */
        RENDERED,
        /** Rendered by an earlier run: not rendered again. */
        ALREADY_RENDERED,
        /** Due, but the records do not reach one of its periods yet ({@code pipeline.nightly.wait-for-data}). */
        WAITING_FOR_DATA,
        /** It could not be rendered: the note says why. */
        FAILED
    }

    /** Whether its PDF is in the outbox, to be delivered. */
    public boolean inOutbox() {
        return status == Status.RENDERED || status == Status.ALREADY_RENDERED;
    }
}
