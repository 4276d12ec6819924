package vn.inspection.pipeline.ingest.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a sheet merged over several rows, applied to its rows as they stream past: the value of a
 * merged cell's top row is remembered and handed to the rows below it that the cell covers
 * ({@link SheetRow#mergedAbove()}). Cells merged across columns of one row (a title, a group heading
 * spanning the register) are left alone: their text is in their first cell already.
 */
final class VerticalMerges {
    /** A merged cell: rows 1-based inclusive, its first column 0-based. */
    record Region(int firstRow, int lastRow, int column) {
    }

    private final List<Region> pending;
    private final List<Region> active = new ArrayList<>();
    private final Map<Region, String> values = new HashMap<>();
    private int next;

    VerticalMerges(List<Region> regions) {
        this.pending = regions.stream().filter(r -> r.lastRow() > r.firstRow())
                .sorted(Comparator.comparingInt(Region::firstRow)).toList();
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The row with the values merged down into it (rows must come in ascending order). */
    SheetRow apply(SheetRow row) {
        if (pending.isEmpty()) {
            return row;
        }
        int number = row.rowNumber();
        active.removeIf(r -> {
            boolean over = r.lastRow() < number;
            if (over) {
                values.remove(r);
            }
            return over;
        });
        while (next < pending.size() && pending.get(next).firstRow() <= number) {
            Region region = pending.get(next++);
            if (region.lastRow() < number) {
                continue; // the whole region lay in rows the file does not have
            }
            active.add(region);
            if (region.firstRow() == number) {
                int c = region.column();
                values.put(region, c < row.cells().size() && row.cells().get(c) != null ? row.cells().get(c) : "");
            }
        }
        Map<Integer, SheetRow.Merged> merged = null;
        for (Region region : active) {
            if (region.firstRow() < number) {
                String value = values.get(region);
                if (value != null && !value.isEmpty()) {
                    if (merged == null) {
                        merged = new HashMap<>();
                    }
                    merged.put(region.column(), new SheetRow.Merged(region.firstRow(), value));
                }
            }
        }
        return merged == null ? row : new SheetRow(number, row.cells(), merged);
    }

    /** Parses an A1-style range ("B5:B9"); null for a single cell or a reference that is not a range. */
    static Region parse(String ref) {
        int colon = ref == null ? -1 : ref.indexOf(':');
        if (colon < 0) {
            return null;
        }
        int[] first = cell(ref.substring(0, colon).strip());
        int[] last = cell(ref.substring(colon + 1).strip());
        if (first == null || last == null) {
            return null;
        }
        return new Region(Math.min(first[0], last[0]), Math.max(first[0], last[0]), Math.min(first[1], last[1]));
    }

    /** {row (1-based), column (0-based)} of "AB12" (dollar signs allowed), or null. */
    private static int[] cell(String ref) {
        int i = 0;
        int column = 0;
        int n = ref.length();
        if (i < n && ref.charAt(i) == '$') {
            i++;
        }
        int letters = 0;
        while (i < n && Character.isLetter(ref.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
            letters++;
        }
        if (i < n && ref.charAt(i) == '$') {
            i++;
        }
        if (letters == 0 || letters > 3 || i == n) {
            return null;
        }
        int row = 0;
        for (; i < n; i++) {
            char c = ref.charAt(i);
            if (c < '0' || c > '9' || row > 10_000_000) {
                return null;
            }
            row = row * 10 + (c - '0');
        }
        return row == 0 ? null : new int[] {row, column - 1};
    }
}
