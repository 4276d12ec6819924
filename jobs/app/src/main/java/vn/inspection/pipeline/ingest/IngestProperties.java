package vn.inspection.pipeline.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ingest job.
 *
 * @param chunkSize rows per chunk (default 5000): each chunk is one transaction of the job repository and
 *                  one Parquet part per record type and year; a crash loses at most one chunk of work
 * @param resendThreshold a file resends an earlier file's register when it holds more than this share of the
 *                  records whose current version came from that file (default 0.5: most of them)
 * @param withdrawOnResend whether a resend withdraws the earlier file's records it lacks within the dates it
 *                  covers (default true); false lists them in the corrections report only
 */
@ConfigurationProperties("ingest")
public record IngestProperties(@DefaultValue("5000") int chunkSize,
                               @DefaultValue("0.5") double resendThreshold,
                               @DefaultValue("true") boolean withdrawOnResend) {

    public IngestProperties {
        if (!(resendThreshold >= 0 && resendThreshold < 1)) {
            throw new IllegalArgumentException("ingest.resend-threshold must be at least 0 and below 1 (a share of an earlier file's records), not "
                    + resendThreshold);
        }
    }

    /** What a resend does, as the writer takes it. */
    public Resends resends() {
        return new Resends(resendThreshold, withdrawOnResend);
    }

    /** @see IngestProperties#resendThreshold @see IngestProperties#withdrawOnResend */
    public record Resends(double threshold, boolean withdraw) {
        public static final Resends DEFAULT = new Resends(0.5, true);
    }
}
