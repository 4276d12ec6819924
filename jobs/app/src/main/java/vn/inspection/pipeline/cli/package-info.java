/**
 * The {@code pipeline} command line (picocli): one Spring context per command, results on standard
 * output (a table, or one JSON document), diagnostics on standard error, cron-friendly exit codes.
 */
package vn.inspection.pipeline.cli;
