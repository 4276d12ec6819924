package vn.inspection.pipeline.ingest.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of a sheet as text cells, with the row number the office sees (1-based), and the values that
 * cells merged down from a row above hold: Excel keeps a merged cell's value in its top cell only, so a
 * unit written once in a cell merged over a group of rows is blank in every row but the first.
 * {@code mergedAbove} maps a column (0-based) to the top row and value of the merged cell covering it.
 */
public record SheetRow(int rowNumber, List<String> cells, Map<Integer, Merged> mergedAbove) {

    /** The value of a cell merged down from row {@code fromRow} (1-based). */
    public record Merged(int fromRow, String value) {
    }

    public SheetRow {
        mergedAbove = mergedAbove == null || mergedAbove.isEmpty() ? Map.of() : Map.copyOf(mergedAbove);
    }

    public SheetRow(int rowNumber, List<String> cells) {
        this(rowNumber, cells, Map.of());
    }

    /**
     * The cells with the values merged down into them from rows at or below {@code fromRow}: a merged cell
     * that starts in the header is not carried into the records.
     */
    public List<String> cellsWithMerged(int fromRow) {
        if (mergedAbove.isEmpty()) {
            return cells;
        }
        List<String> filled = null;
        for (Map.Entry<Integer, Merged> merged : mergedAbove.entrySet()) {
            int column = merged.getKey();
            if (merged.getValue().fromRow() < fromRow || merged.getValue().value() == null || merged.getValue().value().isBlank()) {
                continue;
            }
            if (column < cells.size() && cells.get(column) != null && !cells.get(column).isBlank()) {
                continue;
            }
            if (filled == null) {
                filled = new ArrayList<>(cells);
            }
            while (filled.size() <= column) {
                filled.add("");
            }
            filled.set(column, merged.getValue().value());
        }
        return filled == null ? cells : filled;
    }
}
