package vn.inspection.pipeline.ingest;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.LakeRow;
import vn.inspection.pipeline.lake.ParquetCompactor;
import vn.inspection.pipeline.lake.ParquetPartWriter;
import vn.inspection.pipeline.schema.RecordSchema;

/**
 * Where a run stages each source file until it is published, outside the lake's committed folders:
 * {@code data/<type>/[year=Y/]part-<chunk>.parquet} per chunk (uncompressed, the cheapest to write), the rejected
 * rows' {@code rejects/part-<chunk>.csv} apart from the lake (they hold the clerk's original values, names
 * included), and at publish {@code final/<type>/[year=Y/]part-000000.parquet}, the parts of each record type and
 * year compacted into one compressed file.
 *
 * <p>Every part is named by the chunk's sequence number, committed with the chunk: after a crash the parts of
 * chunks that never committed, and a compaction cut short, are deleted, and the run resumes from the last commit.
 */
final class RunStaging {
    static final String DATA = "data";
    static final String FINAL = "final";
    static final String REJECT_PARTS = "rejects";
    static final String HELD = "held";
    static final String PARKED = "parked";
    private static final Pattern PART = Pattern.compile("part-(\\d+)\\.(parquet|csv|keys|jsonl)");

    /** A key a file held (a valid record, whatever became of it), its record type index and date (epoch day). */
    record Held(String key, int type, int date) {
    }

    /** The keys a file's committed chunks held, in chunk order (read back when a restart resumes the file). */
    List<Held> held(int file) throws IOException {
        Path folder = of(file).resolve(HELD);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> parts;
        try (Stream<Path> files = Files.list(folder)) {
            parts = files.filter(p -> PART.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        List<Held> held = new ArrayList<>();
        java.util.HexFormat hex = java.util.HexFormat.of();
        for (Path part : parts) {
            try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(part)))) {
                while (true) {
                    long h;
                    try {
                        h = in.readLong();
                    } catch (java.io.EOFException end) {
                        break;
                    }
                    long l = in.readLong();
                    int type = in.readUnsignedByte();
                    int date = in.readInt();
                    held.add(new Held(hex.toHexDigits(h) + hex.toHexDigits(l), type, date));
                }
            }
        }
        return held;
    }

    private final Lake lake;
    private final long runId;
    private final IngestPlan plan;

    RunStaging(Lake lake, long runId, IngestPlan plan) {
        this.lake = lake;
        this.runId = runId;
        this.plan = plan;
    }

    /** The staging folder of a planned file. */
    Path of(int file) {
        return lake.stagingDir(runId, plan.files().get(file).checksum());
    }

    private Path rejectsOf(int file) {
        return lake.rejectsStagingDir(runId, plan.files().get(file).checksum());
    }

    /** Deletes the parts of chunks numbered {@code sequence} and later (never committed) and every half-made compaction. */
    void dropUncommitted(long sequence) throws IOException {
        for (Path runStaging : List.of(lake.root().resolve(Lake.STAGING_DIR).resolve("run-" + runId), lake.rejectsRunStaging(runId))) {
            if (!Files.isDirectory(runStaging)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(runStaging)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = PART.matcher(file.getFileName().toString());
                    boolean compacted = runStaging.relativize(file).getNameCount() > 1 && runStaging.relativize(file).getName(1).toString().equals(FINAL);
                    if (compacted || (m.matches() && Long.parseLong(m.group(1)) >= sequence)) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    /** The staged Parquet parts of a file (of one record type, or all when null), in chunk order. */
    List<Path> parts(int file, String recordType) throws IOException {
        Path data = of(file).resolve(DATA);
        Path root = recordType == null ? data : data.resolve(recordType);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    /**
     * Compacts a file's parts into one file per record type and year; returns them as paths relative to the file's
     * staging folder, as {@link Lake#publish} takes them.
     */
    List<String> compact(int file, ParquetCompactor compactor) throws IOException {
        Path staging = of(file);
        Path data = staging.resolve(DATA);
        Map<Path, List<Path>> byFolder = new LinkedHashMap<>();
        for (Path part : parts(file, null)) {
            byFolder.computeIfAbsent(data.relativize(part.getParent()), f -> new ArrayList<>()).add(part);
        }
        List<String> compacted = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> folder : byFolder.entrySet()) {
            Path target = staging.resolve(FINAL).resolve(folder.getKey()).resolve("part-000000.parquet");
            compactor.compact(folder.getValue(), target);
            compacted.add(staging.relativize(target).toString().replace('\\', '/'));
        }
        return compacted;
    }

    /**
     * Rejected rows kept per file: a file of junk rows must not make a rejects file as large as itself. Every rejected
     * row is still counted (the sheet counts of the summary and the manifest); only the first are kept to look at.
     */
    public static final long MAX_REJECTS_KEPT = 10_000;
    /** Rejected rows seen per file by this process (a resumed run starts counting again, so keeps at most twice the cap). */
    private final Map<Integer, Long> rejectsKept = new java.util.concurrent.ConcurrentHashMap<>();

    /** The file's rejected rows, its chunks' parts one after the other, or null when it had none. */
    Path rejects(int file) throws IOException {
        Path staging = rejectsOf(file);
        Path folder = staging.resolve(REJECT_PARTS);
        if (!Files.isDirectory(folder)) {
            return null;
        }
        List<Path> parts;
        try (Stream<Path> files = Files.list(folder)) {
            parts = files.filter(p -> PART.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        if (parts.isEmpty()) {
            return null;
        }
        Path all = staging.resolve("rejects.csv");
        try (var out = Files.newOutputStream(all)) {
            for (Path part : parts) {
                Files.copy(part, out);
            }
        }
        return all;
    }

    /** The keys the file held, its chunks' parts one after the other, or null when it held none. */
    Path heldFile(int file) throws IOException {
        return concatenated(file, HELD, "held.keys");
    }

    /** The rows the file parked, its chunks' parts one after the other, or null when it parked none. */
    Path parkedFile(int file) throws IOException {
        return concatenated(file, PARKED, "parked.jsonl");
    }

    private Path concatenated(int file, String kind, String name) throws IOException {
        Path folder = of(file).resolve(kind);
        if (!Files.isDirectory(folder)) {
            return null;
        }
        List<Path> parts;
        try (Stream<Path> files = Files.list(folder)) {
            parts = files.filter(p -> PART.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        Path all = of(file).resolve(name);
        try (var out = Files.newOutputStream(all)) {
            for (Path part : parts) {
                Files.copy(part, out);
            }
        }
        return all;
    }

    /** Drops what was staged for a file (it failed, or was published before a crash). */
    void discard(int file) throws IOException {
        lake.discardStaging(runId, plan.files().get(file).checksum());
    }

    /** The writers of one chunk: a Parquet part per file, record type and year, a rejects part per file. */
    Chunk chunk(long sequence) {
        return new Chunk(sequence);
    }

    final class Chunk implements Closeable {
        private final long sequence;
        private final Map<String, ParquetPartWriter> parts = new HashMap<>();
        private final Map<Integer, CSVPrinter> rejects = new HashMap<>();
        private final Map<Integer, java.io.DataOutputStream> held = new HashMap<>();
        private final Map<Integer, BufferedWriter> parked = new HashMap<>();
        private String lastKey;
        private ParquetPartWriter lastWriter;

        private Chunk(long sequence) {
            this.sequence = sequence;
        }

        void write(int file, RecordSchema schema, LocalDate periodDate, LakeRow row) throws IOException {
            String folder = schema.recordType() + (periodDate == null ? "" : "/year=" + periodDate.getYear());
            String key = file + "/" + folder;
            if (!key.equals(lastKey)) {
                lastWriter = parts.computeIfAbsent(key, k -> open(of(file).resolve(DATA).resolve(folder), schema));
                lastKey = key;
            }
            lastWriter.write(row);
        }

        private ParquetPartWriter open(Path folder, RecordSchema schema) {
            try {
                Files.createDirectories(folder);
                return ParquetPartWriter.staged(folder.resolve(String.format("part-%06d.parquet", sequence)), schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Notes that the file held a record (so a restart knows every key the file held, not only those it wrote). */
        void hold(int file, String key, int type, int date) throws IOException {
            java.io.DataOutputStream out = held.get(file);
            if (out == null) {
                Path path = of(file).resolve(HELD).resolve(String.format("part-%06d.keys", sequence));
                Files.createDirectories(path.getParent());
                out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
                held.put(file, out);
            }
            out.writeLong(java.util.HexFormat.fromHexDigitsToLong(key, 0, 16));
            out.writeLong(java.util.HexFormat.fromHexDigitsToLong(key, 16, 32));
            out.writeByte(type);
            out.writeInt(date);
        }

        /** Keeps a row that waits for the units reference. */
        void park(int file, ParkedRows.Row row) throws IOException {
            BufferedWriter out = parked.get(file);
            if (out == null) {
                Path path = of(file).resolve(PARKED).resolve(String.format("part-%06d.jsonl", sequence));
                Files.createDirectories(path.getParent());
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                parked.put(file, out);
            }
            ParkedRows.append(out, row);
        }

        void reject(int file, List<String> record) throws IOException {
            if (rejectsKept.merge(file, 1L, Long::sum) > MAX_REJECTS_KEPT) {
                return; // counted in the file's sheet counts (the summary, the manifest); its rows are not kept past the cap
            }
            CSVPrinter printer = rejects.get(file);
            if (printer == null) {
                Path path = rejectsOf(file).resolve(REJECT_PARTS).resolve(String.format("part-%06d.csv", sequence));
                Files.createDirectories(path.getParent());
                Writer writer = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
                printer = new CSVPrinter(writer, CSVFormat.RFC4180);
                rejects.put(file, printer);
            }
            printer.printRecord(vn.inspection.pipeline.text.SpreadsheetCsv.row(record)); // file, sheet and cells typed by people: never a formula
        }

        /** Closes what this chunk wrote for a file, before the file is published or discarded. */
        void closeFile(int file) throws IOException {
            String prefix = file + "/";
            for (var it = parts.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                if (entry.getKey().startsWith(prefix)) {
                    entry.getValue().close();
                    it.remove();
                }
            }
            lastKey = null;
            lastWriter = null;
            CSVPrinter printer = rejects.remove(file);
            if (printer != null) {
                printer.close();
            }
            java.io.DataOutputStream out = held.remove(file);
            if (out != null) {
                out.close();
            }
            BufferedWriter waiting = parked.remove(file);
            if (waiting != null) {
                waiting.close();
            }
        }

        @Override
        public void close() throws IOException {
            for (ParquetPartWriter writer : parts.values()) {
                writer.close();
            }
            for (CSVPrinter printer : rejects.values()) {
                printer.close();
            }
            for (java.io.DataOutputStream out : held.values()) {
                out.close();
            }
            for (BufferedWriter out : parked.values()) {
                out.close();
            }
            parked.clear();
            parts.clear();
            rejects.clear();
            held.clear();
        }
    }
}
