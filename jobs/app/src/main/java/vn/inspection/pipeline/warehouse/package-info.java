/**
 * The DuckDB warehouse: one file in the home that analysts open read-only from any DuckDB client, rebuilt
 * from the lake after every ingest that changed it and swapped in atomically; and the DuckDB
 * implementation of the metric engine. SQL lives in {@code resources/sql/warehouse/} (tables, comments,
 * data tests) and in the core's metric templates.
 */
package vn.inspection.pipeline.warehouse;
