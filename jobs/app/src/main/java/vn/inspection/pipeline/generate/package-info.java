/** Deterministic generated registers for tests and benchmarks ({@code pipeline generate}); never sample data. */
package vn.inspection.pipeline.generate;
