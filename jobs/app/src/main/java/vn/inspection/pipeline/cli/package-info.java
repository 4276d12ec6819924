/**
 * The {@code pipeline} command line (picocli): results on standard output (a table, or one JSON document), every
 * failure as one or two lines on standard error, cron-friendly exit codes (0, 1, 2, 3, 4 for a busy home). Write
 * commands (ingest, refresh) take the home's lock first, and the ingest starts a Spring context; read commands
 * (compare, sql, metrics, verify) run in plain Java through {@code ReadContext}: no Spring, no job repository, no
 * lock, nothing written, and {@code sql} only through the warehouse's sandbox.
 */
package vn.inspection.pipeline.cli;
