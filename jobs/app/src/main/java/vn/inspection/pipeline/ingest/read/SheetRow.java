package vn.inspection.pipeline.ingest.read;

import java.util.List;

/** One row of a sheet as text cells, with the row number the office sees (1-based). */
public record SheetRow(int rowNumber, List<String> cells) {
}
