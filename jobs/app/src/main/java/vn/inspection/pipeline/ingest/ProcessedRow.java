package vn.inspection.pipeline.ingest;

import vn.inspection.pipeline.record.RowOutcome;

/** A source item with what the processor made of it ({@code outcome} is null for markers). */
public record ProcessedRow(SourceItem source, RowOutcome outcome) {
}
