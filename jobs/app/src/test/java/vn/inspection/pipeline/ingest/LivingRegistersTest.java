package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.support.LakeQueries;
import vn.inspection.pipeline.support.ReportFiles;

/**
 * Registers are living documents ({@code fixtures/living/}, made by its {@code make-fixtures.py}): the letters register
 * of 2013 sent again in September with five letters resolved, then the June register sent again by mistake; an
 * inspections register sent again with a misspelt name fixed; Q1 then the cumulative Jan–Jun register; a monthly
 * file. Each step's figures, summary and corrections report, and the figures as known before it.
 */
class LivingRegistersTest {
    static final Path LIVING = Fixtures.ROOT.resolve("living");
    static final Path SAMPLES = Path.of("../../data-samples");

    /** The value of a metric for a period (compare's JSON), optionally as known at an instant. */
    static long figure(Path home, String metric, String period, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--home", home.toString(), "compare", period, "--previous-year", "--format", "json"));
        args.addAll(List.of(more));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        for (JsonNode m : result.json().get("metrics")) {
            if (m.get("id").asText().equals(metric)) {
                return m.get("values").get(1).asLong();
            }
        }
        throw new AssertionError("no metric " + metric + " in " + result.out());
    }

    static Cli.Result ingest(Path home, Path... files) throws Exception {
        Path inbox = Files.createTempDirectory(home.getParent(), "inbox");
        for (Path file : files) {
            Files.copy(file, inbox.resolve(file.getFileName()));
        }
        Cli.Result result = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return result;
    }

    static JsonNode file(Cli.Result run, String name) {
        for (JsonNode f : run.json().get("files")) {
            if (f.get("path").asText().endsWith("/" + name)) {
                return f;
            }
        }
        throw new AssertionError("no " + name + " in " + run.out());
    }

    static long sum(JsonNode file, String field) {
        long n = 0;
        for (JsonNode sheet : file.get("sheets")) {
            n += sheet.path(field).asLong();
        }
        return n;
    }

    /** Waits until the clock has moved past an instant (known-at resolves to the microsecond). */
    static Instant tick() throws InterruptedException {
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }

    @Nested
    class LettersSentAgain {
        @TempDir
        Path temp;

        @Test
        void statusesProgressedChangeTheFiguresAndAnOlderFileChangesNothing() throws Exception {
            Path home = temp.resolve("home");
            ingest(home, SAMPLES.resolve("don-vi.xlsx"), SAMPLES.resolve("don-thu-2013.csv"));
            assertThat(figure(home, "complaint.resolved", "2013-H1")).isEqualTo(57);
            long received = figure(home, "complaint.received", "2013-H1");
            Instant june = tick();

            // (a) September's register: five letters of H1 resolved since
            Cli.Result september = ingest(home, LIVING.resolve("don-thu-2013-thang-9.csv"));
            JsonNode sent = file(september, "don-thu-2013-thang-9.csv");
            assertThat(sum(sent, "corrected")).isEqualTo(5);
            assertThat(sum(sent, "accepted")).isZero();
            assertThat(sum(sent, "duplicates")).isEqualTo(172);
            assertThat(sent.get("withdrawn").asLong()).isZero();
            assertThat(figure(home, "complaint.resolved", "2013-H1")).isEqualTo(62);
            assertThat(figure(home, "complaint.received", "2013-H1")).as("nothing counted twice").isEqualTo(received);
            List<org.apache.commons.csv.CSVRecord> corrections = ReportFiles.csv(Path.of(september.json().get("corrections_report").asText()));
            assertThat(corrections).allSatisfy(line -> assertThat(line.get("change")).isEqualTo("corrected"));
            assertThat(corrections.stream().map(l -> l.get("record_key")).distinct()).hasSize(5);
            assertThat(corrections).filteredOn(l -> l.get("field").equals("status"))
                    .extracting(l -> l.get("before") + " → " + l.get("after")).containsOnly("FILED → RESOLVED").hasSize(5);
            assertThat(corrections).filteredOn(l -> l.get("field").equals("resolved_date")).extracting(l -> l.get("after"))
                    .containsExactlyInAnyOrder("2013-05-24", "2013-06-10", "2013-06-28", "2013-05-14", "2013-06-30");
            assertThat(corrections).allSatisfy(l -> assertThat(l.get("earlier_file")).isEqualTo("don-thu-2013.csv"));
            Instant september1 = tick();

            // (d) the June register sent again after September's: outdated, nothing changes
            Cli.Result old = ingest(home, LIVING.resolve("don-thu-2013-ban-cu.csv"));
            JsonNode resent = file(old, "don-thu-2013-ban-cu.csv");
            assertThat(sum(resent, "outdated")).isEqualTo(5);
            assertThat(sum(resent, "corrected") + sum(resent, "accepted")).isZero();
            assertThat(resent.get("withdrawn").asLong()).isZero();
            assertThat(figure(home, "complaint.resolved", "2013-H1")).isEqualTo(62);
            Cli.Result table = Cli.run("--home", home.toString(), "ingest", LIVING.resolve("don-thu-2013-ban-cu.csv").toString(), "--force");
            assertThat(table.out()).contains("5 rows are as the record was before a later correction (an older register sent again): nothing changed");

            // (g) figures as known before each step
            assertThat(figure(home, "complaint.resolved", "2013-H1", "--known-at", june.toString())).isEqualTo(57);
            assertThat(figure(home, "complaint.resolved", "2013-H1", "--known-at", september1.toString())).isEqualTo(62);
            assertThat(figure(home, "complaint.received", "2013-H1", "--known-at", june.toString())).isEqualTo(received);
            assertThat(LakeQueries.warehouseRows(home, "SELECT count(*) AS n FROM complaint_versions WHERE ended_by = 'corrected'").get(0).get("n"))
                    .isEqualTo(5L);
        }
    }

    @Nested
    class InspectionsSentAgain {
        @TempDir
        Path temp;

        @Test
        void aFixedNameWithdrawsTheMisspeltRecordAndACumulativeRegisterWithdrawsNothing() throws Exception {
            Path home = temp.resolve("home");
            ingest(home, Fixtures.INGEST.resolve("don-vi.xlsx"), LIVING.resolve("kiem-tra-2014-quy-1.csv"));
            assertThat(figure(home, "inspection.members", "2014-Q1")).isEqualTo(6);
            assertThat(figure(home, "inspection.orgs", "2014-Q1")).isEqualTo(2);
            Instant before = tick();

            // (b) the name fixed: a new record by key, and the misspelt one withdrawn by the resend
            Cli.Result fixed = ingest(home, LIVING.resolve("kiem-tra-2014-quy-1-sua-ten.csv"));
            JsonNode sent = file(fixed, "kiem-tra-2014-quy-1-sua-ten.csv");
            assertThat(sum(sent, "accepted")).isEqualTo(1);
            assertThat(sum(sent, "duplicates")).isEqualTo(7);
            assertThat(sent.get("withdrawn").asLong()).isEqualTo(1);
            assertThat(figure(home, "inspection.members", "2014-Q1")).as("counted once").isEqualTo(6);
            List<org.apache.commons.csv.CSVRecord> corrections = ReportFiles.csv(Path.of(fixed.json().get("corrections_report").asText()));
            assertThat(corrections).extracting(l -> l.get("change"), l -> l.get("earlier_file"), l -> l.get("before"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("withdrawn", "kiem-tra-2014-quy-1.csv", "2014-01-22"));
            assertThat(String.join("\n", Files.readAllLines(Path.of(fixed.json().get("corrections_report").asText()))))
                    .doesNotContain("Bính").doesNotContain("Bình");
            assertThat(figure(home, "inspection.members", "2014-Q1", "--known-at", before.toString())).isEqualTo(6);
            assertThat(LakeQueries.warehouseRows(home, "SELECT count(*) AS n FROM inspection_versions WHERE ended_by = 'withdrawn'").get(0).get("n"))
                    .isEqualTo(1L);

            // the cumulative Jan–Jun register, made from the register as first sent (the name misspelt again), is the latest word:
            // the fixed record it lacks is withdrawn, the misspelt one comes back; Q2 is new; each record counted once
            Cli.Result cumulative = ingest(home, LIVING.resolve("kiem-tra-2014-6-thang.csv"));
            JsonNode six = file(cumulative, "kiem-tra-2014-6-thang.csv");
            assertThat(sum(six, "accepted")).isEqualTo(4 + 1);
            assertThat(six.get("withdrawn").asLong()).isEqualTo(1);
            assertThat(figure(home, "inspection.members", "2014-Q1")).isEqualTo(6);
            assertThat(figure(home, "inspection.members", "2014-H1")).isEqualTo(9);
            assertThat(figure(home, "inspection.orgs", "2014-H1")).isEqualTo(3);
        }

        @Test
        void aQuarterThenTheCumulativeHalfYearAndMonthlyFilesWithdrawNothing() throws Exception {
            Path home = temp.resolve("home");
            ingest(home, Fixtures.INGEST.resolve("don-vi.xlsx"), LIVING.resolve("kiem-tra-2014-quy-1.csv"));
            Cli.Result april = ingest(home, LIVING.resolve("kiem-tra-2014-thang-4.csv"));
            assertThat(file(april, "kiem-tra-2014-thang-4.csv").get("withdrawn").asLong()).isZero();
            Cli.Result six = ingest(home, LIVING.resolve("kiem-tra-2014-6-thang.csv"));
            JsonNode sent = file(six, "kiem-tra-2014-6-thang.csv");
            assertThat(sent.get("withdrawn").asLong()).isZero();
            assertThat(sum(sent, "accepted")).isEqualTo(2);
            assertThat(sum(sent, "duplicates")).isEqualTo(10);
            assertThat(six.json().has("corrections_report")).isFalse();
            assertThat(figure(home, "inspection.members", "2014-H1")).isEqualTo(9);
            assertThat(figure(home, "inspection.orgs", "2014-H1")).isEqualTo(3);
        }
    }
}
