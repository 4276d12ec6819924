/**
 * From a row of cells to a record: finding a register's layout in a sheet, telling rows that hold no
 * record, and normalising and validating a data row against its schema. Plain Java, no Spring, no engine.
 */
package vn.inspection.pipeline.record;
