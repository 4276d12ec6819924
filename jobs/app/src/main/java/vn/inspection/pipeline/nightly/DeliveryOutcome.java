package vn.inspection.pipeline.nightly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the nightly job did to deliver a report in the outbox. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryOutcome(@JsonProperty("report") String report,
                              @JsonProperty("key") String key,
                              @JsonProperty("file") String file,
                              @JsonProperty("to") List<String> to,
                              @JsonProperty("status") Status status,
                              @JsonProperty("message_id") String messageId,
                              @JsonProperty("note") String note) {

    public enum Status {
        /** Mailed by this run. */
        SENT,
        /** Mailed to this recipient list by an earlier run: not sent again. */
        ALREADY_SENT,
        /** Mail is off (no {@code pipeline.delivery.mail.to}): the outbox is the delivery. */
        OUTBOX_ONLY,
        /** The mail could not be sent: the note says why; the next run sends it. */
        FAILED
    }
}
