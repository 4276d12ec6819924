/**
 * The Parquet lake: one dataset per record type, Hive-partitioned by year, lineage on every record, a
 * manifest entry per ingested file as the commit record, and an atomic, crash-recoverable publish
 * protocol ({@link vn.inspection.pipeline.lake.Lake}) that can also replace a file's parts (repair, re-ingest), and
 * the check of every part against the manifest ({@link vn.inspection.pipeline.lake.LakeVerifier}, {@code pipeline
 * verify}). Written with parquet-java; read back with DuckDB. Rejected rows (with names) are kept outside it.
 */
package vn.inspection.pipeline.lake;
