package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.inspection.pipeline.ingest.IngestPlan.PlannedFile;
import vn.inspection.pipeline.ingest.IngestPlan.Status;
import vn.inspection.pipeline.ingest.read.SheetRow;
import vn.inspection.pipeline.ingest.read.UnreadableFileException;
import vn.inspection.pipeline.ingest.read.WorkbookSource;
import vn.inspection.pipeline.ingest.read.WorkbookSources;
import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.lake.LakeVerifier;
import vn.inspection.pipeline.lake.ManifestEntry;
import vn.inspection.pipeline.record.LayoutDetector;
import vn.inspection.pipeline.record.SheetLayout;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.system.Printable;

/**
 * Makes the plan of a run: expands folders (recursively; hidden files, Excel's "~$" lock files and
 * README/Markdown notes left out; a file of another type is planned, to be quarantined with its reason), checksums every file, marks files whose content the lake already
 * holds (or that appear twice in the batch), quarantines files that cannot be opened, and orders the rest
 * so that units references are applied first.
 */
public final class IngestPlanner {
    private static final Logger log = LoggerFactory.getLogger(IngestPlanner.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ISO_INSTANT;

    private final Lake lake;
    private final LayoutDetector detector;
    private final Quarantine quarantine;

    public IngestPlanner(Lake lake, LayoutDetector detector, Quarantine quarantine) {
        this.lake = lake;
        this.detector = detector;
        this.quarantine = quarantine;
    }

    /**
     * The files named by the inputs: files as given, folders expanded to the spreadsheets below them
     * (leaving out the pipeline home's own folders and key, which may sit inside an input folder; an inbox
     * inside the home is read).
     *
     * <p>A folder is walked without following symbolic links: a link below it (to a file or to a folder) is listed
     * as it is, and {@link #plan} reports it as not read, so nothing outside the folder is ever read or copied
     * through it; so is anything else that is not a regular file (a FIFO, a device). A folder given on the command
     * line is walked even when its own path is a link (the user named it). A file given on the command line that is a
     * symbolic link is refused before any run starts ({@link RefusedInputException}).
     */
    public static List<Path> expand(List<Path> inputs, Path home) throws IOException {
        PipelineHome pipelineHome = new PipelineHome(home);
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            Path path = input.toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                List<Path> found = new ArrayList<>();
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return pipelineHome.owns(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        // links (attrs are the link's own, not its target's), FIFOs and devices are kept, to be reported
                        if (!pipelineHome.owns(file) && !isHiddenOrLock(file) && !isDocumentation(file)) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        // a folder or file that cannot be listed or read: kept, to be reported, never blocking the others
                        if (!pipelineHome.owns(file) && !isHiddenOrLock(file)) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
                found.sort(Comparator.naturalOrder());
                files.addAll(found);
            } else {
                checkInput(input);
                files.add(path);
            }
        }
        return files.stream().distinct().toList();
    }

    /**
     * Refuses an input given on the command line that is not read (before anything is started or recorded): a path
     * that does not exist, a symbolic link to a file (or a broken one), anything else that is neither a folder nor a
     * regular file.
     */
    public static void checkInput(Path input) throws IOException {
        Path path = input.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            return;
        }
        if (Files.isSymbolicLink(path)) {
            throw new RefusedInputException(Printable.path(input) + " is a symbolic link: not read; give the file itself");
        }
        if (Files.isRegularFile(path)) {
            return;
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedInputException(Printable.path(input) + " is not a regular file: not read");
        }
        throw new java.nio.file.NoSuchFileException(Printable.path(input) + (input.toString().indexOf('\uFFFD') >= 0
                ? " (its name as given is not valid in the file system's encoding, " + fileSystemEncoding() + ")" : ""),
                null, "no such file or folder");
    }

    /** An input given on the command line that the ingest does not read (a symbolic link, a device): nothing is run. */
    public static final class RefusedInputException extends IOException {
        public RefusedInputException(String message) {
            super(message);
        }
    }

    /**
     * Why a listed path is not read, or null when it is a regular file whose name Java can name again: a symbolic
     * link, anything else that is not a regular file, a name not valid in the file system's encoding (its text would
     * not find the file again, so it could not be read, moved or reported by name), a file that cannot be read.
     */
    public static String notRead(Path file) {
        if (!namesItself(file)) {
            return "not read: its name is not valid in the file system's encoding (" + fileSystemEncoding()
                    + "); rename the file (e.g. with a name in Vietnamese or ASCII letters) and it is read on the next run"
                    + (fileSystemEncoding().toUpperCase(java.util.Locale.ROOT).contains("UTF") ? ""
                    : ", or run the pipeline with a UTF-8 locale (LANG=C.UTF-8)");
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return "not read: " + Errors.describe(e);
        }
        if (attrs.isSymbolicLink()) {
            return "not read: a symbolic link; copy the file itself into the inbox";
        }
        if (attrs.isDirectory()) {
            return Files.isReadable(file) ? null : "not read: a folder that cannot be listed (permission denied)";
        }
        if (!attrs.isRegularFile()) {
            return "not read: not a regular file (a pipe, socket or device)";
        }
        if (!Files.isReadable(file)) {
            return "not read: permission denied";
        }
        return null;
    }

    /** Whether the path's text names the same file again (not so when Java decoded a byte of its name as U+FFFD or '?'). */
    private static boolean namesItself(Path file) {
        try {
            return file.equals(file.getFileSystem().getPath(file.toString()));
        } catch (java.nio.file.InvalidPathException e) {
            return false; // the text cannot even be encoded back (U+FFFD under an ASCII locale)
        }
    }

    private static String fileSystemEncoding() {
        return System.getProperty("sun.jnu.encoding", java.nio.charset.Charset.defaultCharset().name());
    }

    /** A README or Markdown note beside the registers: not an input, not quarantined. */
    private static boolean isDocumentation(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.startsWith("readme") || name.endsWith(".md");
    }

    private static boolean isHiddenOrLock(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") || name.startsWith("~$");
    }

    public IngestPlan plan(List<Path> files) throws IOException {
        return plan(files, IngestRunner.Known.SKIP);
    }

    /**
     * The plan of a run. A file the lake already holds is skipped as ALREADY_INGESTED, unless {@code known} is
     * REINGEST ({@code ingest --force}) or its lake files are damaged (missing, or not as committed): then it is
     * read again and its publish replaces what the lake held of it, so a damaged part is repaired by re-ingesting
     * its source, never silently skipped.
     */
    public IngestPlan plan(List<Path> files, IngestRunner.Known known) throws IOException {
        List<PlannedFile> planned = new ArrayList<>();
        withdrawals = null;
        Map<String, String> seen = new HashMap<>();
        LakeVerifier verifier = new LakeVerifier(lake);
        for (Path file : files) {
            String notRead = notRead(file);
            if (notRead != null) {
                // not opened, not hashed, not copied: the checksum stands for the path, so each is listed once
                log.warn("{}: {}", Printable.path(file), notRead);
                planned.add(new PlannedFile(file.toString(), pathChecksum(file),
                        0, Status.NOT_RECOGNISED, notRead, List.of(), false));
                continue;
            }
            long size;
            String checksum;
            try {
                size = Files.size(file);
                checksum = sha256(file);
            } catch (IOException e) {
                String reason = "not read: " + Errors.describe(e);
                log.warn("{}: {}", Printable.path(file), reason);
                planned.add(new PlannedFile(file.toString(), pathChecksum(file),
                        0, Status.NOT_RECOGNISED, reason, List.of(), false));
                continue;
            }
            String twin = seen.putIfAbsent(checksum, file.getFileName().toString());
            if (twin != null) {
                planned.add(new PlannedFile(file.toString(), checksum, size, Status.ALREADY_INGESTED,
                        "same content as " + Printable.text(twin) + " in this batch", List.of(), false));
                continue;
            }
            // an entry without a register (left by versions that committed unrecognised files) does not hold the file
            Optional<ManifestEntry> entry;
            try {
                entry = lake.manifestEntry(checksum).filter(e -> e.sheets().stream().anyMatch(s -> s.recordType() != null));
            } catch (vn.inspection.pipeline.lake.ManifestDamagedException e) {
                // its entry cannot be read: read the file again, and its publish writes the entry anew
                String replacing = "read again to restore its damaged manifest entry (" + e.damaged().get(0).problem() + ")";
                log.warn("{}: {}", file.getFileName(), replacing);
                PlannedFile inspected = inspect(file, checksum, size);
                planned.add(inspected.status() == Status.PENDING ? inspected.replacing(replacing) : inspected);
                continue;
            }
            if (entry.isPresent()) {
                String replacing;
                if (known == IngestRunner.Known.REINGEST) {
                    replacing = "re-ingested (--force): replaces its lake files of " + WHEN.format(entry.get().ingestedAt());
                } else if (withdrawals().stream().anyMatch(w -> vn.inspection.pipeline.lake.Withdrawal.WITHDRAWN.equals(w.reason())
                        && checksum.equals(w.file()) && w.withdrawnAt().isAfter(entry.get().lastCommitted()))) {
                    PlannedFile inspected = inspect(file, checksum, size);
                    planned.add(inspected.status() == Status.PENDING ? inspected.readmitting("ingested again after it was withdrawn: its records "
                            + "count again") : inspected);
                    continue;
                } else {
                    List<LakeVerifier.Problem> problems = verifier.check(entry.get());
                    if (problems.isEmpty()) {
                        planned.add(new PlannedFile(file.toString(), checksum, size, Status.ALREADY_INGESTED,
                                "already ingested " + WHEN.format(entry.get().ingestedAt()) + " as " + Printable.text(entry.get().fileName()), List.of(), false));
                        continue;
                    }
                    LakeVerifier.Problem first = problems.get(0);
                    replacing = "read again to repair the lake: its file " + first.file().path() + " was " + first.what() + " (" + first.detail() + ")"
                            + (problems.size() > 1 ? ", and " + (problems.size() - 1) + " more" : "");
                    log.warn("{}: {}", Printable.name(file), replacing);
                }
                PlannedFile inspected = inspect(file, checksum, size);
                planned.add(inspected.status() == Status.PENDING ? inspected.replacing(replacing) : inspected);
                continue;
            }
            planned.add(inspect(file, checksum, size));
        }
        planned.sort(Comparator.comparing((PlannedFile f) -> !f.hasUnits()).thenComparing(PlannedFile::path));
        return new IngestPlan(planned);
    }

    private List<vn.inspection.pipeline.lake.Withdrawal> withdrawals;

    /** The lake's withdrawals, read once a plan. */
    private List<vn.inspection.pipeline.lake.Withdrawal> withdrawals() {
        if (withdrawals == null) {
            withdrawals = lake.manifest().withdrawals();
        }
        return withdrawals;
    }

    private PlannedFile inspect(Path file, String checksum, long size) throws IOException {
        try (WorkbookSource source = WorkbookSources.open(file)) {
            List<Integer> units = new ArrayList<>();
            List<Integer> others = new ArrayList<>();
            boolean anyRegister = false;
            List<String> diagnoses = new ArrayList<>();
            for (int s = 0; s < source.sheetNames().size(); s++) {
                List<List<String>> head = head(source, s);
                Optional<SheetLayout> layout = detector.detect(head);
                anyRegister |= layout.isPresent();
                if (layout.isPresent() && layout.get().schema().isUnits()) {
                    units.add(s);
                } else {
                    others.add(s);
                }
                if (layout.isEmpty()) {
                    diagnoses.add(diagnosis(source.sheetNames().size() > 1 ? source.sheetNames().get(s) : null, detector.diagnose(head)));
                }
            }
            if (!anyRegister) {
                String reason = "no register recognised: " + String.join("; ", diagnoses) + ". A register is recognised by one of the headers "
                        + detector.recognisingHeaders().values().stream().flatMap(List::stream).map(h -> "'" + h + "'")
                        .collect(java.util.stream.Collectors.joining(", "))
                        + " (or their aliases in schemas/); add the office's header as an alias and run the ingest again";
                log.warn("not recognised {}: {}", Printable.path(file), reason);
                return new PlannedFile(file.toString(), checksum, size, Status.NOT_RECOGNISED, reason, List.of(), false);
            }
            List<Integer> order = new ArrayList<>(units);
            order.addAll(others);
            return new PlannedFile(file.toString(), checksum, size, Status.PENDING, null, order, !units.isEmpty());
        } catch (UnreadableFileException e) {
            return quarantined(file, checksum, size, e.getMessage());
        } catch (WorkbookSources.OversizedCellException e) {
            return quarantined(file, checksum, size, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return quarantined(file, checksum, size, "cannot read the file: " + WorkbookSources.describe(e));
        }
    }

    private static List<List<String>> head(WorkbookSource source, int sheet) throws IOException {
        List<List<String>> head = new ArrayList<>();
        try (WorkbookSource.RowStream rows = source.rows(sheet)) {
            while (rows.hasNext() && head.size() < LayoutDetector.HEADER_SEARCH_ROWS) {
                SheetRow row = rows.next();
                head.add(row.cells());
            }
        }
        return head;
    }

    /**
     * "sheet 'X': headers found 'A', 'B'; closest known: 'Ngay QD ky' → 'Ngày QĐ'". The texts found may be a row of data
     * (a register without its header row) and so hold members' names, and this reason goes to the log, the summaries and
     * cron's mail: a text is shown as it is only when it is header-like (a header some schema knows, or close to one),
     * or when the row it comes from is a header row (at least two texts, and two thirds of them, header-like: then its
     * unknown headers are shown too, for the clerk to add as aliases). Any other text is only counted.
     */
    private String diagnosis(String sheet, LayoutDetector.Diagnosis diagnosis) {
        StringBuilder text = new StringBuilder(sheet == null ? "" : "sheet '" + Printable.text(sheet) + "': ");
        if (diagnosis.headers().isEmpty()) {
            return text.append("no header text in the first ").append(LayoutDetector.HEADER_SEARCH_ROWS).append(" rows").toString();
        }
        List<String> headerLike = diagnosis.headers().stream()
                .filter(h -> detector.isKnownHeader(h) || diagnosis.closest().containsKey(h)).toList();
        boolean headerRow = headerLike.size() >= 2 && headerLike.size() * 3 >= diagnosis.headers().size() * 2;
        List<String> shown = headerRow ? diagnosis.headers() : headerLike;
        int hidden = diagnosis.headers().size() - shown.size();
        if (shown.isEmpty()) {
            text.append("no header found (").append(hidden).append(hidden == 1 ? " cell" : " cells")
                    .append(" of text not shown here: it may be a row of data, with members' names)");
        } else {
            text.append("headers found ").append(shown.stream().limit(12).map(h -> "'" + Printable.text(h) + "'")
                    .collect(java.util.stream.Collectors.joining(", ")));
            if (hidden > 0) {
                text.append(" (and ").append(hidden).append(hidden == 1 ? " other cell" : " other cells")
                        .append(" of text not shown here: it may be a row of data, with members' names)");
            }
        }
        if (!diagnosis.closest().isEmpty()) {
            text.append("; closest known headers: ").append(diagnosis.closest().entrySet().stream().limit(12)
                    .map(e -> "'" + Printable.text(e.getKey()) + "' → '" + e.getValue() + "'").collect(java.util.stream.Collectors.joining(", ")));
        }
        return text.toString();
    }

    private PlannedFile quarantined(Path file, String checksum, long size, String reason) throws IOException {
        log.warn("quarantining {}: {}", Printable.path(file), reason);
        quarantine.quarantine(file, checksum, reason);
        return new PlannedFile(file.toString(), checksum, size, Status.QUARANTINED, reason, List.of(), false);
    }

    /** What stands for the checksum of a file not read: "path:" and the SHA-256 of its path's text, so it is listed once. */
    private static String pathChecksum(Path file) {
        try {
            return "path:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) throws IOException {
        return Lake.sha256(file);
    }
}
