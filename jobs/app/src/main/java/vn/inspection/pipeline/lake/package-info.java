/**
 * The Parquet lake: one dataset per record type, Hive-partitioned by year, lineage on every record, a
 * manifest entry per ingested file as the commit record, and an atomic, crash-recoverable publish
 * protocol ({@link vn.inspection.pipeline.lake.Lake}). Written with parquet-java; read back with DuckDB.
 */
package vn.inspection.pipeline.lake;
