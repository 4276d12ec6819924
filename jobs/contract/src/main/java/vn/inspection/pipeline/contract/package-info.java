/**
 * The engine contract, as test support for the engines' modules: a lake written with parquet-java and a manifest
 * as the ingest lays them out ({@link vn.inspection.pipeline.contract.FixtureLake}), the records counted one by one
 * in plain Java ({@link vn.inspection.pipeline.contract.ReferenceCounts}), and the tests every
 * {@link vn.inspection.pipeline.metrics.MetricEngine} passes ({@link vn.inspection.pipeline.contract.MetricEngineContract}).
 */
package vn.inspection.pipeline.contract;
