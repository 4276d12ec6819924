/**
 * The ingest job: spreadsheets in, validated and deduplicated records into the lake.
 *
 * <p>Promises: every data row ends in exactly one place (accepted, skipped as a duplicate of a record the
 * lake or the batch already holds, or rejected with a reason in the rejects report); a file appears in the
 * lake whole or not at all; a file whose content is already in the lake changes nothing; a crashed run,
 * rerun with the same inputs, resumes from its last committed chunk and ends with the lake of a clean run.
 * The job is wired in {@link vn.inspection.pipeline.ingest.IngestJobConfiguration}; its logic lives in
 * plain classes (the planner, the reader, the processor over the core's {@code RecordNormaliser}, the
 * writer).
 */
package vn.inspection.pipeline.ingest;
