package vn.inspection.pipeline.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ingest job.
 *
 * @param chunkSize rows per chunk (default 5000): each chunk is one transaction of the job repository and
 *                  one Parquet part per record type and year; a crash loses at most one chunk of work
 */
@ConfigurationProperties("ingest")
public record IngestProperties(@DefaultValue("5000") int chunkSize) {
}
