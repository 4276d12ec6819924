package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import vn.inspection.pipeline.record.LayoutDetector;
import vn.inspection.pipeline.record.Pseudonymiser;
import vn.inspection.pipeline.record.RowOutcome;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.support.Fixtures;

/**
 * Every clean fixture, made over by {@link LayoutMutator} as offices make their registers over (blank rows,
 * repeated headers, subtotals and totals in several wordings, column numbers, title and signature blocks, notes,
 * hidden rows, headings, sheets split with a summary sheet, CSV exported again): the reader and processor give
 * exactly the clean file's records and rejects, and every row of every sheet is accounted for.
 */
class LayoutMutationsTest {
    static final SchemaCatalog SCHEMAS = SchemaCatalog.load(Path.of("../../schemas"));
    static final LayoutDetector DETECTOR = new LayoutDetector(SCHEMAS);
    static final Pseudonymiser PSEUDONYMS = new Pseudonymiser("mutations-key-0123456789".getBytes(StandardCharsets.UTF_8));
    /** Mutants per clean fixture: about 300 in all. */
    static final int MUTANTS = 16;

    /** Each clean fixture with the units reference its records name. */
    static final Map<String, List<String>> FIXTURES = Map.of(
            "office-layouts/don-vi.xlsx", List.of("don-vi.xlsx", "l1-kiem-tra-don-vi-gop-o.xlsx", "l2-giam-sat-don-vi-gop-o.xls",
                    "l3-kiem-tra-tieu-de-nhom.xlsx", "l4-kiem-tra-ky-luat-so-lap-lai.xlsx", "l5-kiem-tra-tcvn3-chu-hoa.xlsx"),
            "messy-clean/units.csv", List.of("units.csv", "inspection.csv", "supervision.csv", "discipline.csv", "complaint.csv"),
            "ingest/don-vi.xlsx", List.of("don-vi.xlsx", "kiem-tra-2014.xlsx", "don-thu-2013.csv", "don-thu-2013-gui-lai.csv",
                    "kiem-tra-2014-bo-sung.csv", "loi.xlsx"),
            "noisy/don-vi.xlsx", List.of(NoisyRegisterFixtures.N1, NoisyRegisterFixtures.N3));

    /** The changes a mutant's recipe names: each must have been made often, or the mutator has stopped mutating. */
    static final List<String> CHANGES = List.of("repeated header", "blank", "subtotal", "column numbers", "heading", "total '",
            "signature and notes", "title block", "hidden row", "split in", "as CSV ';'", "as CSV ','", "as CSV 'tab'", "windows-1258",
            "with BOM");
    static final Map<String, Integer> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The committed samples (a bloc's year of registers, thousands of rows each): fewer mutants each. */
    static final Path SAMPLES = Path.of("../../data-samples");
    static final int SAMPLE_MUTANTS = 3;

    @TempDir
    static Path temp;

    /** What the reader and processor made of a file: its records and rejects (sorted), and each sheet's accounting. */
    record Reading(List<String> accepted, List<String> rejected, List<String> unaccounted) {
    }

    @TestFactory
    Stream<DynamicTest> mutantsGiveTheCleanFilesRecordsAndAccountForEveryRow() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<String>> family : new TreeMap<>(FIXTURES).entrySet()) {
            Path units = Fixtures.ROOT.resolve(family.getKey());
            for (String name : family.getValue()) {
                Path clean = units.resolveSibling(name);
                tests.add(DynamicTest.dynamicTest(family.getKey().split("/")[0] + "/" + name, () -> mutateAndCompare(clean, units, MUTANTS)));
            }
        }
        try (Stream<Path> samples = Files.list(SAMPLES)) {
            for (Path sample : samples.filter(f -> f.getFileName().toString().matches(".*\\.(xlsx|xls|csv)")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest("data-samples/" + sample.getFileName(),
                        () -> mutateAndCompare(sample, SAMPLES.resolve("don-vi.xlsx"), SAMPLE_MUTANTS)));
            }
        }
        tests.add(DynamicTest.dynamicTest("every kind of change was made", () -> {
            for (String change : CHANGES) {
                assertThat(MADE.getOrDefault(change, 0)).as("mutants made with " + change + ": " + MADE).isGreaterThanOrEqualTo(5);
            }
        }));
        return tests.stream();
    }

    /** Mutants of a clean file give its records and rejects, and account for every row. */
    private static void mutateAndCompare(Path clean, Path units, int mutants) throws Exception {
        String name = clean.getFileName().toString();
        Reading expected = read(clean, units);
        assertThat(expected.unaccounted()).as("the clean file's rows add up").isEmpty();
        assertThat(expected.accepted()).as("the clean file has records").isNotEmpty();
        List<LayoutMutator.Grid> grids = LayoutMutator.read(clean, DETECTOR);
        Path dir = Files.createDirectories(temp.resolve(clean.getParent().getFileName() + "-" + name));
        for (int seed = 1; seed <= mutants; seed++) {
            LayoutMutator.Mutant mutant = LayoutMutator.mutate(grids, name.hashCode() * 31L + seed, dir);
            Reading reading = read(mutant.file(), units);
            assertThat(reading.unaccounted()).as(name + " " + mutant.recipe() + ": every row accounted for").isEmpty();
            assertThat(reading.accepted()).as(name + " " + mutant.recipe() + ": the same records").isEqualTo(expected.accepted());
            assertThat(reading.rejected()).as(name + " " + mutant.recipe() + ": the same rejects").isEqualTo(expected.rejected());
            Files.delete(mutant.file());
            CHANGES.stream().filter(mutant.recipe()::contains).forEach(c -> MADE.merge(c, 1, Integer::sum));
        }
    }

    /** Reads a file as the ingest does (units from {@code units} known), without the lake. */
    static Reading read(Path file, Path units) throws Exception {
        UnitRegistry registry = new UnitRegistry();
        if (!file.getFileName().equals(units.getFileName()) || !file.getParent().equals(units.getParent())) {
            process(units, registry);
        }
        List<ProcessedRow> rows = process(file, registry);
        List<String> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> unaccounted = new ArrayList<>();
        Map<String, Long> items = new HashMap<>();
        for (ProcessedRow row : rows) {
            if (row.source() instanceof SourceItem.Row source && row.outcome() != null) {
                items.merge(source.sheet(), 1L, Long::sum);
                if (row.outcome() instanceof RowOutcome.Accepted a) {
                    accepted.add(a.recordKey() + " " + new TreeMap<>(a.values()));
                } else if (row.outcome() instanceof RowOutcome.Rejected r) {
                    rejected.add(r.reason());
                } else if (row.outcome() instanceof RowOutcome.Parked p) {
                    rejected.add(p.asRejected().reason());
                }
            } else if (row.source() instanceof SourceItem.SheetDone done) {
                long noise = done.noise().values().stream().mapToLong(Long::longValue).sum();
                long handedOn = items.getOrDefault(done.sheet(), 0L);
                if (handedOn + noise != done.rows()) {
                    unaccounted.add("sheet '" + done.sheet() + "': " + done.rows() + " rows, " + handedOn + " read as records or headings + "
                            + noise + " noise " + done.noise());
                }
            } else if (row.source() instanceof SourceItem.FileFailed failed) {
                unaccounted.add("the file failed: " + failed.reason());
            }
        }
        accepted.sort(null);
        rejected.sort(null);
        return new Reading(accepted, rejected, unaccounted);
    }

    private static List<ProcessedRow> process(Path file, UnitRegistry units) throws Exception {
        int sheets;
        try (var source = vn.inspection.pipeline.ingest.read.WorkbookSources.open(file)) {
            sheets = source.sheetNames().size();
        }
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < sheets; s++) {
            order.add(s);
        }
        IngestPlan plan = new IngestPlan(List.of(new IngestPlan.PlannedFile(file.toString(), "c", Files.size(file), IngestPlan.Status.PENDING,
                null, order, false)));
        RegisterItemReader reader = new RegisterItemReader(plan, DETECTOR, IngestProgress.none());
        RowProcessor processor = new RowProcessor(units, PSEUDONYMS, LocalDate.now());
        return RegisterItemReaderTest.readAll(reader, processor, new ExecutionContext());
    }
}
