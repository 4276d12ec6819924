/**
 * The DuckDB warehouse: one self-contained file in the home (the records are tables) that analysts open read-only
 * from any DuckDB client, refreshed from the lake after every ingest that changed it (carrying the records it
 * already holds) and swapped in atomically; its sandboxed read connection, the only one the application and
 * {@code pipeline sql} use; and the DuckDB implementation of the metric engine. SQL lives in {@code resources/sql/warehouse/} (tables, comments,
 * data tests) and in the core's metric templates.
 */
package vn.inspection.pipeline.warehouse;
