package vn.inspection.pipeline.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.inspection.pipeline.schema.FieldSpec;
import vn.inspection.pipeline.schema.RecordSchema;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.text.VietnameseText;

/**
 * Finds the register in the first rows of a sheet: skips title rows, recognises the record type by a
 * header the schema names in {@code recognised_by} (or any alias of that header's field), maps columns to fields by header alias (ignoring
 * case, diacritics, punctuation and spacing), merges a two-row header (a merged group cell over leaf
 * cells) and skips a column-number row ("1 2 3", "(1) (2)", "A B 1 2") under the header.
 */
public final class LayoutDetector {
    /** How many rows from the top of a sheet are searched for the header. */
    public static final int HEADER_SEARCH_ROWS = 40;
    private static final Pattern COLUMN_NUMBER = Pattern.compile("\\(?\\s*(\\d{1,3}|[A-Za-z])\\s*\\)?(\\s*=\\s*.*)?");

    private final List<RecordSchema> schemas;
    private final Map<RecordSchema, Map<String, FieldSpec>> aliasIndex = new LinkedHashMap<>();
    /** Per schema, the match keys that recognise it: every header name of the fields its recognised_by names. */
    private final Map<RecordSchema, java.util.Set<String>> recognising = new LinkedHashMap<>();

    public LayoutDetector(SchemaCatalog catalog) {
        this.schemas = List.copyOf(catalog.schemas());
        for (RecordSchema schema : schemas) {
            Map<String, FieldSpec> index = new HashMap<>();
            for (FieldSpec field : schema.fields()) {
                for (String name : field.headerNames()) {
                    index.putIfAbsent(VietnameseText.matchKey(name), field);
                }
            }
            aliasIndex.put(schema, index);
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (String header : schema.recognisedBy()) {
                String key = VietnameseText.matchKey(header);
                keys.add(key);
                FieldSpec field = index.get(key);
                if (field != null) {
                    field.headerNames().forEach(name -> keys.add(VietnameseText.matchKey(name)));
                }
            }
            recognising.put(schema, keys);
        }
    }

    /** The layout of the register in these first rows of a sheet, or empty when the sheet is not a register. */
    public Optional<SheetLayout> detect(List<List<String>> firstRows) {
        int limit = Math.min(firstRows.size(), HEADER_SEARCH_ROWS);
        for (int r = 0; r < limit; r++) {
            List<String> row = firstRows.get(r);
            RecordSchema best = null;
            Map<Integer, FieldSpec> bestColumns = Map.of();
            for (RecordSchema schema : schemas) {
                if (!recognises(schema, row)) {
                    continue;
                }
                Map<Integer, FieldSpec> columns = mapColumns(schema, row, null);
                if (best == null || columns.size() > bestColumns.size()) {
                    best = schema;
                    bestColumns = columns;
                }
            }
            if (best != null) {
                return Optional.of(layout(best, firstRows, r, bestColumns));
            }
        }
        return Optional.empty();
    }

    /**
     * Why no register was found in these first rows: the headers the sheet seems to have (its row with the
     * most text cells) and, for those that name no field, the closest header the schemas know.
     */
    public record Diagnosis(List<String> headers, Map<String, String> closest) {
        public Diagnosis {
            headers = List.copyOf(headers);
            closest = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(closest));
        }
    }

    /** What a sheet that is not a register holds where a header would be: see {@link Diagnosis}. */
    public Diagnosis diagnose(List<List<String>> firstRows) {
        List<String> best = List.of();
        int limit = Math.min(firstRows.size(), HEADER_SEARCH_ROWS);
        for (int r = 0; r < limit; r++) {
            List<String> texts = new ArrayList<>();
            for (String cell : firstRows.get(r)) {
                String text = VietnameseText.clean(cell);
                if (!text.isEmpty() && !DateValues.parse(text).ok() && !VietnameseText.matchKey(text).isEmpty()
                        && !VietnameseText.matchKey(text).chars().allMatch(c -> Character.isDigit(c) || c == ' ')) {
                    texts.add(text);
                }
            }
            if (texts.size() > best.size()) {
                best = texts;
            }
        }
        Map<String, String> known = knownHeaders();
        Map<String, String> closest = new LinkedHashMap<>();
        for (String header : best) {
            String key = VietnameseText.matchKey(header);
            if (known.containsKey(key)) {
                continue;
            }
            String nearest = null;
            int nearestDistance = Integer.MAX_VALUE;
            for (Map.Entry<String, String> candidate : known.entrySet()) {
                int distance = distance(key, candidate.getKey());
                if (distance < nearestDistance) {
                    nearestDistance = distance;
                    nearest = candidate.getValue();
                }
            }
            // close enough to be a misspelling or a variant: at most a third of the letters differ
            if (nearest != null && nearestDistance * 3 <= Math.max(key.length(), 3)) {
                closest.put(header, nearest);
            }
        }
        return new Diagnosis(best, closest);
    }

    /** Whether the text is a header or alias some schema knows (compared as {@link VietnameseText#matchKey}). */
    public boolean isKnownHeader(String text) {
        return knownHeaders().containsKey(VietnameseText.matchKey(text));
    }

    /** Every header and alias of every field, by its match key. */
    private Map<String, String> knownHeaders() {
        Map<String, String> known = new LinkedHashMap<>();
        for (RecordSchema schema : schemas) {
            for (FieldSpec field : schema.fields()) {
                for (String name : field.headerNames()) {
                    known.putIfAbsent(VietnameseText.matchKey(name), name);
                }
            }
        }
        return known;
    }

    /** Every header that makes a sheet a register, by record type. */
    public Map<String, List<String>> recognisingHeaders() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        schemas.forEach(s -> headers.put(s.recordType(), s.recognisedBy()));
        return headers;
    }

    /** Levenshtein distance of two match keys. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private boolean recognises(RecordSchema schema, List<String> row) {
        java.util.Set<String> keys = recognising.get(schema);
        for (String cell : row) {
            String key = VietnameseText.matchKey(cell);
            if (!key.isEmpty() && keys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The layout around a recognising row {@code r}: a single header row; or a two-row header, the
     * recognising row being the group row (leaf row below) or the leaf row (group row above), whichever
     * maps the most fields. A leaf row that maps no more fields is still a header row when it only holds
     * labels under merged groups ("Đơn vị" over "Mã" and "Tên"), never dates.
     */
    private SheetLayout layout(RecordSchema schema, List<List<String>> rows, int r, Map<Integer, FieldSpec> single) {
        Map<Integer, FieldSpec> below = r + 1 < rows.size() ? mapColumns(schema, rows.get(r), rows.get(r + 1)) : Map.of();
        Map<Integer, FieldSpec> above = r > 0 ? mapColumns(schema, rows.get(r - 1), rows.get(r)) : Map.of();
        int headerRow = r;
        int next = r + 1;
        Map<Integer, FieldSpec> columns = single;
        List<String> headers = new ArrayList<>(rows.get(r));
        if (above.size() > Math.max(single.size(), below.size())) {
            headerRow = r - 1;
            columns = above;
            headers = combinedHeaders(rows.get(r - 1), rows.get(r));
        } else if (below.size() > single.size()
                || (below.size() == single.size() && !below.isEmpty() && isLeafRow(rows.get(r), rows.get(r + 1)))) {
            columns = below;
            headers = combinedHeaders(rows.get(r), rows.get(r + 1));
            next++;
        }
        if (next < rows.size() && isColumnNumberRow(rows.get(next))) {
            next++;
        }
        return new SheetLayout(schema, headerRow, next, columns, headers);
    }

    /** Labels under a merged group (a filled cell where the group row is blank) and no date: a header's second row. */
    private static boolean isLeafRow(List<String> groupRow, List<String> leafRow) {
        boolean underGroup = false;
        String group = "";
        for (int c = 0; c < leafRow.size(); c++) {
            String own = c < groupRow.size() ? VietnameseText.clean(groupRow.get(c)) : "";
            String leaf = VietnameseText.clean(leafRow.get(c));
            if (!leaf.isEmpty() && DateValues.parse(leaf).ok()) {
                return false;
            }
            if (own.isEmpty() && !group.isEmpty() && !leaf.isEmpty()) {
                underGroup = true;
            }
            group = own.isEmpty() ? group : own;
        }
        return underGroup && !isColumnNumberRow(leafRow);
    }

    private Map<Integer, FieldSpec> mapColumns(RecordSchema schema, List<String> groupRow, List<String> leafRow) {
        Map<String, FieldSpec> index = aliasIndex.get(schema);
        Map<Integer, FieldSpec> columns = new LinkedHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        int width = Math.max(groupRow.size(), leafRow == null ? 0 : leafRow.size());
        String group = "";
        for (int c = 0; c < width; c++) {
            String own = c < groupRow.size() ? VietnameseText.matchKey(groupRow.get(c)) : "";
            // a merged group cell holds its text in its first column only: carry it over the blanks
            group = own.isEmpty() ? group : own;
            String leaf = leafRow != null && c < leafRow.size() ? VietnameseText.matchKey(leafRow.get(c)) : "";
            List<String> candidates = new ArrayList<>(4);
            if (!leaf.isEmpty()) {
                candidates.add(leaf);
                if (!group.isEmpty()) {
                    candidates.add(leaf + " " + group);
                    candidates.add(group + " " + leaf);
                }
            }
            if (!own.isEmpty()) {
                candidates.add(own);
            }
            for (String candidate : candidates) {
                FieldSpec field = index.get(candidate);
                if (field != null && taken.add(field.name())) {
                    columns.put(c, field);
                    break;
                }
            }
        }
        return columns;
    }

    private static List<String> combinedHeaders(List<String> groupRow, List<String> leafRow) {
        List<String> headers = new ArrayList<>();
        int width = Math.max(groupRow.size(), leafRow.size());
        String group = "";
        for (int c = 0; c < width; c++) {
            String own = c < groupRow.size() ? VietnameseText.clean(groupRow.get(c)) : "";
            group = own.isEmpty() ? group : own;
            String leaf = c < leafRow.size() ? VietnameseText.clean(leafRow.get(c)) : "";
            headers.add(leaf.isEmpty() ? own : (group.isEmpty() ? leaf : group + " / " + leaf));
        }
        return headers;
    }

    /**
     * A row of column numbers: "(1) (2) (3)", "1 2 3", "A B 1 2", "6 = 4 + 5"; the numbers rise from left to
     * right (a row of counts, "12 3 1", is not one).
     */
    public static boolean isColumnNumberRow(List<String> row) {
        int filled = 0;
        int previous = Integer.MIN_VALUE;
        for (String cell : row) {
            String text = VietnameseText.clean(cell);
            if (text.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher number = COLUMN_NUMBER.matcher(text);
            if (!number.matches()) {
                return false;
            }
            String token = number.group(1);
            if (Character.isDigit(token.charAt(0))) {
                int n = Integer.parseInt(token);
                if (n <= previous) {
                    return false;
                }
                previous = n;
            }
            filled++;
        }
        return filled >= 2;
    }
}
