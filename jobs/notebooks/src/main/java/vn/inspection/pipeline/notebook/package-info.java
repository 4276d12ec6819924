/**
 * What the analysts' notebooks ({@code notebooks/} at the repository root) load into the Java kernel besides the
 * report module and DuckDB JDBC: where the warehouse and the home are ({@link vn.inspection.pipeline.notebook.NotebookPaths})
 * and query results shown as tables and handed to the report's charts ({@link vn.inspection.pipeline.notebook.ResultTable}).
 * The notebooks open the warehouse themselves, read-only, with plain JDBC, as an analyst's own code would.
 */
package vn.inspection.pipeline.notebook;
