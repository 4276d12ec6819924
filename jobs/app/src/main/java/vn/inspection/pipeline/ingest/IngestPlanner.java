package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
import vn.inspection.pipeline.system.PipelineHome;

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
     */
    public static List<Path> expand(List<Path> inputs, Path home) throws IOException {
        PipelineHome pipelineHome = new PipelineHome(home);
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            Path path = input.toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> !pipelineHome.owns(p))
                            .filter(Files::isRegularFile)
                            .filter(p -> !isHiddenOrLock(p) && !isDocumentation(p))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new java.nio.file.NoSuchFileException(input.toString(), null, "no such file or folder");
            }
        }
        return files.stream().distinct().toList();
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
        Map<String, String> seen = new HashMap<>();
        LakeVerifier verifier = new LakeVerifier(lake);
        for (Path file : files) {
            long size = Files.size(file);
            String checksum = sha256(file);
            String twin = seen.putIfAbsent(checksum, file.getFileName().toString());
            if (twin != null) {
                planned.add(new PlannedFile(file.toString(), checksum, size, Status.ALREADY_INGESTED,
                        "same content as " + twin + " in this batch", List.of(), false));
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
                } else {
                    List<LakeVerifier.Problem> problems = verifier.check(entry.get());
                    if (problems.isEmpty()) {
                        planned.add(new PlannedFile(file.toString(), checksum, size, Status.ALREADY_INGESTED,
                                "already ingested " + WHEN.format(entry.get().ingestedAt()) + " as " + entry.get().fileName(), List.of(), false));
                        continue;
                    }
                    LakeVerifier.Problem first = problems.get(0);
                    replacing = "read again to repair the lake: its file " + first.file().path() + " was " + first.what() + " (" + first.detail() + ")"
                            + (problems.size() > 1 ? ", and " + (problems.size() - 1) + " more" : "");
                    log.warn("{}: {}", file.getFileName(), replacing);
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
                log.warn("not recognised {}: {}", file, reason);
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

    /** "sheet 'X': headers found 'A', 'B'; closest known: 'Ngay QD ky' → 'Ngày QĐ'". */
    private static String diagnosis(String sheet, LayoutDetector.Diagnosis diagnosis) {
        StringBuilder text = new StringBuilder(sheet == null ? "" : "sheet '" + sheet + "': ");
        if (diagnosis.headers().isEmpty()) {
            return text.append("no header text in the first ").append(LayoutDetector.HEADER_SEARCH_ROWS).append(" rows").toString();
        }
        text.append("headers found ").append(diagnosis.headers().stream().limit(12).map(h -> "'" + h + "'")
                .collect(java.util.stream.Collectors.joining(", ")));
        if (!diagnosis.closest().isEmpty()) {
            text.append("; closest known headers: ").append(diagnosis.closest().entrySet().stream().limit(12)
                    .map(e -> "'" + e.getKey() + "' → '" + e.getValue() + "'").collect(java.util.stream.Collectors.joining(", ")));
        }
        return text.toString();
    }

    private PlannedFile quarantined(Path file, String checksum, long size, String reason) throws IOException {
        log.warn("quarantining {}: {}", file, reason);
        quarantine.quarantine(file, checksum, reason);
        return new PlannedFile(file.toString(), checksum, size, Status.QUARANTINED, reason, List.of(), false);
    }

    public static String sha256(Path file) throws IOException {
        return Lake.sha256(file);
    }
}
