package vn.inspection.pipeline.lake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ingest knows of every record in the lake, to tell what a row brings: per natural key, the 64-bit hash
 * of its current version's content (0 once withdrawn), every version it had before, the source file its current
 * version came from (its owner), its record type and the date that places it in its period. Keys live in a
 * {@link RecordKeySet}; the rest in pages of primitives beside it (about 17 bytes a record more).
 *
 * <p>Built from the lake in commit order ({@link #load}, {@link #withdraw}), then offered each row of the run
 * ({@link #offer}). The source file being written is a unit of work: {@link #fileStarted()} marks where it began,
 * {@link #fileDropped()} undoes everything it changed, {@link #filePublished()} keeps it. The keys it held (every
 * row with a valid record, whatever became of it) are remembered until the next file starts, for
 * {@link #resent}.
 */
public final class RecordVersions {
    private static final int PAGE_SHIFT = 15;
    private static final int PAGE = 1 << PAGE_SHIFT;
    private static final int IN_PAGE = PAGE - 1;
    /** No date: the record never falls within a span. */
    public static final int NO_DATE = Integer.MIN_VALUE;

    /** What a row brought. */
    public enum Outcome {
        /** A record the lake did not hold: accepted. */
        NEW,
        /** A new version of a record the lake held with other content: supersedes it. */
        CORRECTED,
        /** A record the lake held and had withdrawn: current again. */
        RESTORED,
        /** Equal to the current version: nothing changes. */
        DUPLICATE,
        /** Equal to a version a correction already superseded (an old file sent again): nothing changes. */
        OUTDATED,
        /** A second row of the same record in the same file: the first is kept. */
        REPEATED
    }

    /**
     * The version of a record: the first 64 bits of the SHA-256 of its fields' values in schema order (a date as
     * ISO, a boolean as true/false, nothing as empty), joined by U+001F. {@link #versionSql} computes the same
     * over the lake's columns. Never 0 (0 marks a withdrawn record).
     */
    public static long versionOf(vn.inspection.pipeline.schema.RecordSchema schema, Map<String, Object> values) {
        StringBuilder text = new StringBuilder();
        boolean first = true;
        for (vn.inspection.pipeline.schema.FieldSpec field : schema.fields()) {
            if (!first) {
                text.append('\u001F');
            }
            first = false;
            Object value = values.get(field.name());
            if (value != null) {
                text.append(value);
            }
        }
        byte[] digest = SHA256.get().digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long version = 0;
        for (int i = 0; i < 8; i++) {
            version = (version << 8) | (digest[i] & 0xFF);
        }
        return version == 0 ? 1 : version;
    }

    /** Every field set: nothing known of the fields (a caller that does not say). */
    public static final int ALL_FIELDS = -1;

    /**
     * Which fields of a record hold something (not blank, not false), a bit per field in schema order; fields past the
     * 31st share the last bit. A sheet with fewer columns gives its rows blanks (or false) in the fields it lacks: when
     * the current version holds nothing there either, such a row needs nothing from it.
     */
    public static int maskOf(vn.inspection.pipeline.schema.RecordSchema schema, Map<String, Object> values) {
        int mask = 0;
        List<vn.inspection.pipeline.schema.FieldSpec> fields = schema.fields();
        for (int i = 0; i < fields.size(); i++) {
            Object value = values.get(fields.get(i).name());
            if (value != null && !Boolean.FALSE.equals(value)) {
                mask |= 1 << Math.min(i, 31);
            }
        }
        return mask;
    }

    /** {@link #maskOf} in DuckDB's SQL over a record type's lake columns. */
    public static String maskSql(vn.inspection.pipeline.schema.RecordSchema schema) {
        List<String> parts = new ArrayList<>();
        List<vn.inspection.pipeline.schema.FieldSpec> fields = schema.fields();
        for (int i = 0; i < fields.size(); i++) {
            vn.inspection.pipeline.schema.FieldSpec field = fields.get(i);
            String column = "\"" + field.column() + "\"";
            String set = field.type() == vn.inspection.pipeline.schema.FieldType.BOOLEAN ? "coalesce(" + column + ", false)" : column + " IS NOT NULL";
            parts.add("CASE WHEN " + set + " THEN " + (1 << Math.min(i, 31)) + " ELSE 0 END");
        }
        return parts.isEmpty() ? "0" : "CAST((" + String.join(" | ", parts) + ") AS INTEGER)";
    }

    /** The fields the current version of a record holds something in ({@link #maskOf}); {@link #ALL_FIELDS} when unknown. */
    public int currentMask(String key) {
        int index = keys.indexOf(key);
        return index < 0 ? ALL_FIELDS : masks[index >>> PAGE_SHIFT][index & IN_PAGE];
    }

    /** {@link #versionOf} in DuckDB's SQL over a record type's lake columns, as 16 hex digits. */
    public static String versionSql(vn.inspection.pipeline.schema.RecordSchema schema) {
        List<String> parts = new ArrayList<>();
        for (vn.inspection.pipeline.schema.FieldSpec field : schema.fields()) {
            parts.add("coalesce(CAST(\"" + field.column() + "\" AS VARCHAR), '')");
        }
        return "substr(sha256(concat_ws(chr(31), " + String.join(", ", parts) + ")), 1, 16)";
    }

    /** A version as {@link #versionSql} gives it (16 hex digits), as {@link #versionOf} does. */
    public static long version(String hex) {
        long version = java.util.HexFormat.fromHexDigitsToLong(hex, 0, 16);
        return version == 0 ? 1 : version;
    }

    private static final ThreadLocal<java.security.MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final RecordKeySet keys = new RecordKeySet();
    private long[][] versions = new long[16][];
    private int[][] owners = new int[16][];
    private int[][] dates = new int[16][];
    private byte[][] types = new byte[16][];
    /** Per record, which fields its current version holds a value other than blank (or false) in ({@link #maskOf}). */
    private int[][] masks = new int[16][];
    /** Earlier versions of the few records that had more than one. */
    private final Map<Integer, long[]> older = new HashMap<>();
    private final List<String> ownerNames = new ArrayList<>();
    private final Map<String, Integer> ownerIds = new HashMap<>();
    private final List<String> typeNames = new ArrayList<>();

    /** Per source file (owner id), the records it held (indexes): from its kept holdings, or the records its parts hold. */
    private final Map<Integer, int[]> holdings = new HashMap<>();
    private final Map<Integer, Integer> holdingsSize = new HashMap<>();

    private int mark;
    private final List<long[]> undo = new ArrayList<>();
    private BitSet held = new BitSet();

    /** The id of a source file (by checksum), as owners are kept. */
    public int owner(String checksum) {
        return ownerIds.computeIfAbsent(checksum, c -> {
            ownerNames.add(c);
            return ownerNames.size() - 1;
        });
    }

    public String ownerChecksum(int owner) {
        return ownerNames.get(owner);
    }

    /** The index of a record type (kept in a byte). */
    public int type(String recordType) {
        int at = typeNames.indexOf(recordType);
        if (at < 0) {
            typeNames.add(recordType);
            at = typeNames.size() - 1;
        }
        return at;
    }

    public String typeName(int type) {
        return typeNames.get(type);
    }

    /**
     * Loads every committed version and withdrawal of a snapshot, record type by record type, in the order they
     * became known (units references by key alone: their definitions have their own history).
     */
    public void loadLake(Lake lake, LakeSnapshot snapshot, vn.inspection.pipeline.schema.SchemaCatalog schemas) {
        List<Withdrawal> ending = snapshot.withdrawals().stream().filter(Withdrawal::ends).toList();
        for (String type : vn.inspection.pipeline.schema.SchemaCatalog.RECORD_TYPES) {
            vn.inspection.pipeline.schema.RecordSchema schema = schemas.schema(type);
            List<Map.Entry<java.time.Instant, java.nio.file.Path>> ordered = new ArrayList<>();
            for (ManifestEntry entry : snapshot.entries()) {
                for (ManifestEntry.DataFile data : entry.dataFiles()) {
                    if (data.recordType().equals(type)) {
                        ordered.add(Map.entry(entry.committedAt(data), lake.resolve(data.path())));
                    }
                }
            }
            ordered.sort(Map.Entry.comparingByKey());
            Map<java.nio.file.Path, java.time.Instant> parts = new java.util.LinkedHashMap<>();
            ordered.forEach(e -> parts.put(e.getValue(), e.getKey()));
            int typeIndex = type(type);
            java.util.ArrayDeque<Withdrawal> pending = new java.util.ArrayDeque<>(ending);
            java.util.Set<String> kept = new java.util.HashSet<>();
            for (ManifestEntry entry : snapshot.entries()) {
                if (java.nio.file.Files.exists(lake.holdings(entry.checksum()))) {
                    kept.add(entry.checksum());
                }
            }
            LakeReader.readVersions(schema, parts, row -> {
                while (!pending.isEmpty() && pending.peek().withdrawnAt().isBefore(row.committed())) {
                    withdrawAll(pending.poll(), type);
                }
                int owner = owner(row.checksum());
                load(row.key(), schema.isUnits() ? 1 : row.version(), owner, typeIndex, row.date(), row.mask());
                if (!kept.contains(row.checksum())) {
                    addHolding(owner, keys.indexOf(row.key())); // a file committed before holdings were kept: the records it wrote
                }
            });
            pending.forEach(w -> withdrawAll(w, type));
        }
        for (ManifestEntry entry : snapshot.entries()) {
            java.nio.file.Path file = lake.holdings(entry.checksum());
            if (java.nio.file.Files.exists(file)) {
                int owner = owner(entry.checksum());
                try {
                    readHoldings(file, key -> {
                        int index = keys.indexOf(key);
                        if (index >= 0) {
                            addHolding(owner, index);
                        }
                    });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot read the lake's holdings " + file + ": " + e.getMessage(), e);
                }
            }
        }
        filePublished();
    }

    /** Reads a holdings file ({@code _holdings/<checksum>.keys}: per key 16 bytes, a record type byte and a date int). */
    public static void readHoldings(java.nio.file.Path file, java.util.function.Consumer<String> into) throws java.io.IOException {
        java.util.HexFormat hex = java.util.HexFormat.of();
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16))) {
            while (true) {
                long h;
                try {
                    h = in.readLong();
                } catch (java.io.EOFException end) {
                    return;
                }
                long l = in.readLong();
                in.readUnsignedByte();
                in.readInt();
                into.accept(hex.toHexDigits(h) + hex.toHexDigits(l));
            }
        }
    }

    private void addHolding(int owner, int index) {
        int size = holdingsSize.getOrDefault(owner, 0);
        int[] list = holdings.get(owner);
        if (list == null) {
            list = new int[16];
        } else if (size == list.length) {
            list = Arrays.copyOf(list, size * 2);
        }
        list[size] = index;
        holdings.put(owner, list);
        holdingsSize.put(owner, size + 1);
    }

    private void withdrawAll(Withdrawal withdrawal, String type) {
        for (Withdrawal.Record record : withdrawal.records()) {
            if (record.recordType().equals(type)) {
                withdraw(record.recordKey());
            }
        }
    }

    /** A version of a record as committed, in commit order: it becomes the current one. */
    public void load(String key, long version, int owner, int type, int date) {
        load(key, version, owner, type, date, ALL_FIELDS);
    }

    /** {@link #load}, with the fields the version holds something in. */
    public void load(String key, long version, int owner, int type, int date, int mask) {
        int index = keys.indexOf(key);
        if (index < 0) {
            index = add(key, version, owner, type, date);
            setMask(index, mask);
            return;
        }
        setMask(index, mask);
        long current = version(index);
        if (current != version) {
            if (current != 0) {
                addOlder(index, current);
            }
            set(index, version, owner, date);
        } else if (current == version) {
            set(index, version, owner, date);
        }
    }

    /** The current version of a record (0 when withdrawn), or empty when the lake never held it. */
    public java.util.OptionalLong current(String key) {
        int index = keys.indexOf(key);
        return index < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(version(index));
    }

    /** A withdrawal in the lake's history: the record's current version ends. */
    public void withdraw(String key) {
        int index = keys.indexOf(key);
        if (index >= 0) {
            end(index);
        }
    }

    /** A key the file being written held before a restart (its staged rows are loaded apart): held again. */
    public void hold(String key) {
        int index = keys.indexOf(key);
        if (index >= 0) {
            held.set(index);
        }
    }

    /**
     * What a row of the file being written brings, and the index updated for it: a record seen for the first
     * time, or with new content, becomes current and owned by {@code owner}.
     */
    public Outcome offer(String key, long version, int owner, int type, int date) {
        return offer(key, version, owner, type, date, ALL_FIELDS);
    }

    /** {@link #offer}, with the fields the row holds something in. */
    public Outcome offer(String key, long version, int owner, int type, int date, int mask) {
        int index = keys.indexOf(key);
        if (index < 0) {
            int added = add(key, version, owner, type, date);
            setMask(added, mask);
            held.set(added);
            return Outcome.NEW;
        }
        if (held.get(index)) {
            return Outcome.REPEATED;
        }
        held.set(index);
        long current = version(index);
        if (current == version) {
            return Outcome.DUPLICATE;
        }
        if (current == 0) {
            if (index < mark) {
                remember(index);
            }
            set(index, version, owner, date);
            setMask(index, mask);
            return Outcome.RESTORED;
        }
        if (isOlder(index, version)) {
            return Outcome.OUTDATED;
        }
        if (index < mark) {
            remember(index);
        }
        addOlder(index, current);
        set(index, version, owner, date);
        setMask(index, mask);
        return Outcome.CORRECTED;
    }

    /** A file starts being written: what it changes can be undone until it is published. */
    public void fileStarted() {
        mark = keys.size();
        undo.clear();
        held = new BitSet();
    }

    /** The file was published: its changes stay. */
    public void filePublished() {
        mark = keys.size();
        undo.clear();
    }

    /** The file {@code owner} was published: its changes stay, and the records it held are its holdings from now on. */
    public void filePublished(int owner) {
        for (int index = held.nextSetBit(0); index >= 0; index = held.nextSetBit(index + 1)) {
            addHolding(owner, index);
        }
        filePublished();
    }

    /** The file failed (or its changes came from the lake after all): everything it changed is undone. */
    public void fileDropped() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            long[] u = undo.get(i);
            int index = (int) u[0];
            set(index, u[1], (int) u[2], (int) u[3]);
            setMask(index, (int) u[5]);
            if (u[4] < 0) {
                older.remove(index);
            } else {
                long[] was = older.get(index);
                older.put(index, Arrays.copyOf(was, (int) u[4]));
            }
        }
        undo.clear();
        keys.truncate(mark);
        held = new BitSet();
    }

    /** Records known (current, withdrawn or superseded). */
    public int size() {
        return keys.size();
    }

    /** A record withdrawn because a file resent another's register without it. */
    public record Withdrawn(String recordType, String recordKey, String ownerChecksum, int date) {
    }

    /**
     * The records a file that resends earlier files' registers withdraws. For each record type the file holds records
     * of with dates, an earlier file resends when the file holds more than {@code threshold} of the current records
     * of that type the earlier file held; each such record the file lacks, dated within the span of the file's own
     * records of the type, is withdrawn (when {@code apply}) or only returned (a setting turns withdrawal off).
     *
     * @param spans per record type index, the first and last date (epoch days) of the file's records
     */
    public List<Withdrawn> resent(int owner, Map<Integer, int[]> spans, double threshold, boolean apply) {
        List<Withdrawn> withdrawn = new ArrayList<>();
        if (spans.isEmpty()) {
            return withdrawn;
        }
        BitSet lacking = new BitSet();
        for (Map.Entry<Integer, int[]> file : holdings.entrySet()) {
            if (file.getKey() == owner) {
                continue;
            }
            int[] list = file.getValue();
            int size = holdingsSize.get(file.getKey());
            Map<Integer, long[]> counts = new HashMap<>(); // type -> {current, held by the new file}
            for (int i = 0; i < size; i++) {
                int index = list[i];
                if (version(index) == 0 || !spans.containsKey(type(index))) {
                    continue;
                }
                long[] c = counts.computeIfAbsent(type(index), t -> new long[2]);
                c[0]++;
                if (held.get(index)) {
                    c[1]++;
                }
            }
            for (int i = 0; i < size; i++) {
                int index = list[i];
                long[] c = counts.get(type(index));
                if (c == null || c[1] <= threshold * c[0] || version(index) == 0 || held.get(index)) {
                    continue;
                }
                int date = date(index);
                int[] span = spans.get(type(index));
                if (date != NO_DATE && date >= span[0] && date <= span[1]) {
                    lacking.set(index);
                }
            }
        }
        for (int index = lacking.nextSetBit(0); index >= 0; index = lacking.nextSetBit(index + 1)) {
            withdrawn.add(new Withdrawn(typeName(type(index)), keys.keyAt(index), ownerChecksum(owner(index)), date(index)));
            if (apply) {
                if (index < mark) {
                    remember(index);
                }
                end(index);
            }
        }
        return withdrawn;
    }

    /** The current records whose version came from a file (by owner id), with their type and date. */
    public List<Withdrawn> owned(int owner) {
        List<Withdrawn> owned = new ArrayList<>();
        for (int index = 0; index < keys.size(); index++) {
            if (version(index) != 0 && owner(index) == owner) {
                owned.add(new Withdrawn(typeName(type(index)), keys.keyAt(index), ownerChecksum(owner), date(index)));
            }
        }
        return owned;
    }

    private void end(int index) {
        long current = version(index);
        if (current != 0) {
            addOlder(index, current);
            set(index, 0, owner(index), date(index));
        }
    }

    private int add(String key, long version, int owner, int type, int date) {
        keys.add(key);
        int index = keys.size() - 1;
        int page = index >>> PAGE_SHIFT;
        if (page >= versions.length) {
            int grown = versions.length * 2;
            versions = Arrays.copyOf(versions, grown);
            owners = Arrays.copyOf(owners, grown);
            dates = Arrays.copyOf(dates, grown);
            types = Arrays.copyOf(types, grown);
            masks = Arrays.copyOf(masks, grown);
        }
        if (versions[page] == null) {
            versions[page] = new long[PAGE];
            owners[page] = new int[PAGE];
            dates[page] = new int[PAGE];
            types[page] = new byte[PAGE];
            masks[page] = new int[PAGE];
        }
        types[page][index & IN_PAGE] = (byte) type;
        set(index, version, owner, date);
        return index;
    }

    private void remember(int index) {
        long[] was = older.get(index);
        undo.add(new long[] {index, version(index), owner(index), date(index), was == null ? -1 : was.length,
                masks[index >>> PAGE_SHIFT][index & IN_PAGE]});
    }

    private void setMask(int index, int mask) {
        masks[index >>> PAGE_SHIFT][index & IN_PAGE] = mask;
    }

    private void set(int index, long version, int owner, int date) {
        int page = index >>> PAGE_SHIFT;
        int at = index & IN_PAGE;
        versions[page][at] = version;
        owners[page][at] = owner;
        dates[page][at] = date;
    }

    private void addOlder(int index, long version) {
        long[] was = older.get(index);
        if (was == null) {
            older.put(index, new long[] {version});
        } else if (!contains(was, version)) {
            long[] grown = Arrays.copyOf(was, was.length + 1);
            grown[was.length] = version;
            older.put(index, grown);
        }
    }

    private boolean isOlder(int index, long version) {
        long[] was = older.get(index);
        return was != null && contains(was, version);
    }

    private static boolean contains(long[] values, long value) {
        for (long v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private long version(int index) {
        return versions[index >>> PAGE_SHIFT][index & IN_PAGE];
    }

    private int owner(int index) {
        return owners[index >>> PAGE_SHIFT][index & IN_PAGE];
    }

    private int date(int index) {
        return dates[index >>> PAGE_SHIFT][index & IN_PAGE];
    }

    private int type(int index) {
        return types[index >>> PAGE_SHIFT][index & IN_PAGE];
    }
}
