/**
 * The metric catalog on Apache Spark SQL: {@link vn.inspection.pipeline.spark.SparkMetricEngine} runs the same SQL
 * templates as the DuckDB warehouse over the lake's committed Parquet files (read through the manifest, on any
 * Hadoop file system), so both engines give the same numbers (the engine contract, {@code jobs/contract}, holds
 * both to it); {@link vn.inspection.pipeline.spark.SparkCli} is the command the launcher runs for
 * {@code --engine spark} and the main class {@code spark-submit} runs on a cluster. Spark is provided: this
 * module ships as a thin jar.
 */
package vn.inspection.pipeline.spark;
