/**
 * The lake's read side, engine-agnostic: the manifest (which Parquet files are committed, per record type,
 * with their size, row count and checksum) and the snapshot every reader works from. Writing the lake is the
 * application's (Parquet, staging, publish); reading it is shared by the DuckDB warehouse and the Spark engine.
 */
package vn.inspection.pipeline.lake;
