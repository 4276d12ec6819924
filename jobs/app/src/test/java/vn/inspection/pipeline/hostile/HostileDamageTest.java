package vn.inspection.pipeline.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.FileTree;
import vn.inspection.pipeline.support.Fixtures;

/**
 * Hostile damage to a home (issue "Hardening, second round"): a damaged, stray or deleted manifest entry and a flipped
 * byte in a lake part are each named with the file, what is wrong and the command that restores it; no command builds
 * figures from a lake it cannot account for, and nothing else in the home changes while it refuses.
 */
class HostileDamageTest {
    @TempDir
    Path temp;
    Path home;
    Path inbox;
    JsonNode original;

    @BeforeEach
    void ingestTheFixtures() throws IOException {
        home = temp.resolve("home");
        inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx", "don-thu-2013.csv");
        Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        original = figures();
    }

    JsonNode figures() {
        Cli.Result compare = Cli.run("--home", home.toString(), "compare", "2013", "2014", "--format", "json");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        return compare.json().get("metrics");
    }

    Path source() {
        return inbox.resolve("kiem-tra-2014.xlsx").toAbsolutePath();
    }

    Path entryOf(Path source) throws Exception {
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(source)));
        return home.resolve("lake/_manifest/" + sum + ".json");
    }

    Path inspectionPart() throws IOException {
        try (Stream<Path> parts = Files.walk(home.resolve("lake/inspection"))) {
            return parts.filter(p -> p.toString().endsWith(".parquet")).sorted().reduce((a, b) -> b).orElseThrow(); // year=2014
        }
    }

    /**
     * The home's files and their SHA-256, but the logs (every command writes its own) and the job repository's H2 files
     * (opening the repository rewrites them, though no run is recorded: no {@code batch/inputs/run-N.txt} appears).
     */
    Map<String, String> homeFiles() {
        Map<String, String> files = new TreeMap<>(FileTree.snapshot(home));
        files.keySet().removeIf(p -> p.startsWith("logs/") || p.startsWith("logs\\") || p.matches("batch[/\\\\]jobs\\..*\\.db"));
        return files;
    }

    void restoredByIngestForce() {
        Cli.Result force = Cli.run("--home", home.toString(), "ingest", "--force", source().toString(), "--format", "json");
        assertThat(force.exitCode()).as(force.err()).isZero();
        assertThat(force.json().at("/files/0/status").asText()).isEqualTo("INGESTED");
        Cli.Result verify = Cli.run("--home", home.toString(), "verify");
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("3 source files, 4 Parquet files").doesNotContain("EXTRA").doesNotContain("UNCLAIMED");
        assertThat(figures()).isEqualTo(original);
    }

    @Nested
    class DamagedManifest {
        @Test
        void aTruncatedEntryIsNamedWithHowToRestoreItAndNoCommandBuildsFromTheLake() throws Exception {
            Path entry = entryOf(source());
            byte[] json = Files.readAllBytes(entry);
            Files.write(entry, java.util.Arrays.copyOf(json, json.length / 2));
            Map<String, String> before = homeFiles();

            Cli.Result verify = Cli.run("--home", home.toString(), "verify");
            Cli.Result refresh = Cli.run("--home", home.toString(), "refresh");
            Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", inbox.resolve("don-thu-2013.csv").toString());

            String restore = "pipeline ingest --force '" + source() + "'";
            assertThat(verify.exitCode()).isEqualTo(1);
            assertThat(verify.out()).contains("DAMAGED  _manifest/" + entry.getFileName() + ": a manifest entry that cannot be read: it ends in the middle of the entry")
                    .contains("(the entry of kiem-tra-2014.xlsx)").contains("restore it with " + restore);
            assertThat(refresh.exitCode()).isEqualTo(1);
            assertThat(refresh.err()).contains(entry.toString()).contains("it ends in the middle of the entry").contains(restore)
                    .doesNotContain("Unexpected end-of-input").doesNotContain("Exception");
            assertThat(ingest.exitCode()).isNotZero();
            assertThat(ingest.err() + ingest.out()).contains(entry.getFileName().toString()).contains(restore).doesNotContain("Unexpected end-of-input");
            assertThat(homeFiles()).isEqualTo(before);

            restoredByIngestForce();
        }

        @Test
        void aStrayFileInTheManifestIsNamedAndNoCommandBuildsFromTheLake() throws Exception {
            Path stray = Files.writeString(home.resolve("lake/_manifest/notes.json"), "{\"checksum\": ", StandardCharsets.UTF_8);
            Map<String, String> before = homeFiles();

            Cli.Result verify = Cli.run("--home", home.toString(), "verify", "--format", "json");
            Cli.Result refresh = Cli.run("--home", home.toString(), "refresh");

            assertThat(verify.exitCode()).isEqualTo(1);
            assertThat(verify.json().at("/damaged_manifest_entries/0/file").asText()).isEqualTo("_manifest/notes.json");
            assertThat(verify.json().at("/damaged_manifest_entries/0/restore").asText()).contains("move it out of " + stray.getParent());
            assertThat(refresh.exitCode()).isEqualTo(1);
            assertThat(refresh.err()).contains(stray.toString()).doesNotContain("Unexpected end-of-input");
            assertThat(homeFiles()).isEqualTo(before);
            assertThat(figures()).isEqualTo(original);
        }

        @Test
        void aDeletedEntryFailsVerifyNamingItsPartsAndRefreshRefusesToDropTheirRecords() throws Exception {
            Path part = inspectionPart();
            String relative = home.resolve("lake").relativize(part).toString();
            Files.delete(entryOf(source()));
            Map<String, String> before = homeFiles();

            Cli.Result verify = Cli.run("--home", home.toString(), "verify");
            Cli.Result refresh = Cli.run("--home", home.toString(), "refresh");

            assertThat(verify.exitCode()).isEqualTo(1);
            assertThat(verify.out()).contains("UNCLAIMED " + relative + ": no manifest entry claims it")
                    .contains("its records are of kiem-tra-2014.xlsx").contains("pipeline ingest --force <path of kiem-tra-2014.xlsx>");
            assertThat(refresh.exitCode()).isEqualTo(1);
            assertThat(refresh.err()).contains("no manifest entry claims (").contains(relative).contains("pipeline verify");
            assertThat(homeFiles()).isEqualTo(before);
            assertThat(figures()).isEqualTo(original);

            restoredByIngestForce();
        }
    }

    @Nested
    class DamagedPart {
        /** One byte of the part changed, its size kept: only a checksum tells. */
        void flipAByte(Path part) throws IOException {
            try (RandomAccessFile file = new RandomAccessFile(part.toFile(), "rw")) {
                long at = file.length() / 3;
                file.seek(at);
                int b = file.read();
                file.seek(at);
                file.write(b ^ 0x01);
            }
        }

        @Test
        void aFlippedByteStopsAFullRebuildNamingTheFileAndTheFix() throws Exception {
            Path part = inspectionPart();
            String relative = home.resolve("lake").relativize(part).toString();
            flipAByte(part);
            Files.delete(home.resolve("warehouse/warehouse.duckdb"));

            Cli.Result refresh = Cli.run("--home", home.toString(), "refresh");

            assertThat(refresh.exitCode()).isEqualTo(1);
            assertThat(refresh.err()).contains(relative + " is damaged (SHA-256").contains("records of kiem-tra-2014.xlsx")
                    .contains("pipeline ingest --force '" + source() + "'");

            restoredByIngestForce();
        }

        @Test
        void aFlippedByteStopsTheNightBeforeAnyReportNamingTheFileAndTheFix() throws Exception {
            Path part = inspectionPart();
            String relative = home.resolve("lake").relativize(part).toString();
            flipAByte(part);
            Files.delete(home.resolve("warehouse/warehouse.duckdb"));

            Cli.Result night = Cli.run("--home", home.toString(), "nightly", "--as-of", "2014-07-02");

            assertThat(night.exitCode()).as(night.out() + night.err()).isNotZero();
            assertThat(night.out() + night.err()).contains(relative + " is damaged").contains("pipeline ingest --force '" + source() + "'");
            try (Stream<Path> pdfs = Files.exists(home.resolve("outbox")) ? Files.walk(home.resolve("outbox")) : Stream.empty()) {
                assertThat(pdfs.filter(p -> p.toString().endsWith(".pdf"))).isEmpty();
            }
        }
    }

    /**
     * A disk that fills during an ingest: a real full file system (a small tmpfs mounted over the lake; the test needs
     * root and is skipped where mounting is not permitted), not a simulated exception.
     */
    @Nested
    class FullDisk {
        Path lake;
        Path fullHome;

        @BeforeEach
        void mountASmallDiskOverTheLake() throws Exception {
            fullHome = temp.resolve("full-home");
            lake = Files.createDirectories(fullHome.resolve("lake"));
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", lake.toString()).redirectErrorStream(true).start();
            boolean mounted = mount.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) && mount.exitValue() == 0;
            org.junit.jupiter.api.Assumptions.assumeTrue(mounted, "mounting a tmpfs is not permitted here: " + new String(mount.getInputStream().readAllBytes()));
        }

        @org.junit.jupiter.api.AfterEach
        void unmount() throws Exception {
            new ProcessBuilder("umount", "-l", lake.toString()).redirectErrorStream(true).start().waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Test
        void aDiskThatFillsDuringIngestIsSaidToBeFullWithWhatWasAndWasNotIngested() throws Exception {
            // room for the units reference (ingested first) and little more
            long usable = Files.getFileStore(lake).getUsableSpace();
            try (RandomAccessFile filler = new RandomAccessFile(lake.resolve(".filler").toFile(), "rw")) {
                filler.write(new byte[(int) Math.max(0, usable - 24 * 1024)]);
            }
            Cli.Result ingest = Cli.run("--home", fullHome.toString(), "ingest", inbox.toString());

            assertThat(ingest.exitCode()).isNotZero();
            assertThat(ingest.err()).contains("the disk is full at " + lake).contains("free space and run again; nothing was published from the file being written")
                    .contains("not ingested: ").contains("kiem-tra-2014.xlsx").doesNotContain("ended FAILED");
            // what the message says reached the lake is what verify finds committed, whole
            Cli.Result verify = Cli.run("--home", fullHome.toString(), "verify", "--format", "json");
            assertThat(verify.json().get("problems")).isEmpty();
            String said = ingest.err().replaceAll("(?s).*Ingested into the lake by this run: ([^;]*);.*", "$1").strip();
            assertThat(verify.json().get("sources").asInt()).isEqualTo(said.equals("none") ? 0 : said.split(", ").length);
        }
    }

    /** Inputs built to exhaust memory or disk: each is refused while it is read, never held whole nor copied whole. */
    @Nested
    class HugeInputs {
        @Test
        void anEndlessCsvLineIsQuarantinedInBoundedMemoryWithANoteInsteadOfACopy() throws Exception {
            Path drop = Files.createDirectories(temp.resolve("drop"));
            Path endless = drop.resolve("endless.csv");
            try (RandomAccessFile file = new RandomAccessFile(endless.toFile(), "rw")) {
                file.write("\uFEFFSTT;Đơn vị;Số đơn\n1;DU01;".getBytes(StandardCharsets.UTF_8));
                file.setLength(1L << 30); // a sparse gigabyte: one line that never ends
            }
            Map<String, String> lake = FileTree.snapshot(home.resolve("lake"));

            Process child = vn.inspection.pipeline.support.ChildJvm.start(temp.resolve("child"), "ingest", java.util.List.of(),
                    java.util.List.of("-Xmx160m"), "--home", home.toString(), "ingest", drop.toString(), "--format", "json");
            assertThat(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("finished in two minutes").isTrue();
            String out = Files.readString(temp.resolve("child/ingest.out"));
            String err = Files.readString(temp.resolve("child/ingest.err"));

            assertThat(err).doesNotContain("OutOfMemoryError").doesNotContain("out of memory");
            JsonNode file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out).at("/files/0");
            assertThat(file.get("status").asText()).as(out + err).isEqualTo("QUARANTINED");
            assertThat(file.get("reason").asText()).contains("runs past 4,194,304 characters without ending");
            try (Stream<Path> kept = Files.list(home.resolve("quarantine"))) {
                assertThat(kept.filter(p -> p.toFile().length() > (1 << 20))).as("no dense copy of the gigabyte").isEmpty();
            }
            try (Stream<Path> notes = Files.list(home.resolve("quarantine"))) {
                Path note = notes.filter(p -> p.getFileName().toString().contains("endless.csv")).findFirst().orElseThrow();
                assertThat(Files.readString(note)).contains("size: 1073741824 bytes").contains("not copied");
            }
            assertThat(FileTree.snapshot(home.resolve("lake"))).isEqualTo(lake);
        }

        @Test
        void aZipEntryThatInflatesPastItsDeclaredSizeIsRefusedWhileItIsCounted() throws Exception {
            Path drop = Files.createDirectories(temp.resolve("drop"));
            Path bomb = drop.resolve("bom.xlsx");
            byte[] declared = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(1 << 20).array();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
                zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
                zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 40; i++) {
                    zip.write(zeros); // 40 MiB, under the ratio check's floor: only the count can tell it lies
                }
                zip.closeEntry();
            }
            // the central directory declares 1 MiB for the sheet (offset 24 of its header: the uncompressed size)
            byte[] bytes = Files.readAllBytes(bomb);
            for (int i = bytes.length - 22; i >= 0; i--) {
                if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02
                        && new String(bytes, i + 46, 24, StandardCharsets.UTF_8).equals("xl/worksheets/sheet1.xml")) {
                    System.arraycopy(declared, 0, bytes, i + 24, 4);
                }
            }
            Files.write(bomb, bytes);

            Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", drop.toString(), "--format", "json");

            JsonNode file = ingest.json().at("/files/0");
            assertThat(file.get("status").asText()).isEqualTo("QUARANTINED");
            assertThat(file.get("reason").asText()).contains("entry xl/worksheets/sheet1.xml declares 1048576 bytes but inflates to more");
        }

        @Test
        void aFileOfJunkRowsKeepsTenThousandRejectsAndCountsTheRest() throws Exception {
            Path drop = Files.createDirectories(temp.resolve("drop"));
            StringBuilder csv = new StringBuilder("\uFEFFSỔ THEO DÕI ĐƠN THƯ NĂM 2013;;;;;;;;;;\n"
                    + "STT;Đơn vị;Số đơn;Ngày nhận đơn;Loại đơn;Đơn nặc danh;Đối tượng;Họ tên;Tình trạng giải quyết;Ngày giải quyết;Kết luận\n");
            for (int i = 1; i <= 12_000; i++) {
                csv.append(i).append(";DU01;").append(i).append(";99/99/2013;Tố cáo;x;Đảng viên;Người ").append(i).append(";Đã giải quyết;;\n");
            }
            Path junk = Files.writeString(drop.resolve("junk-2013.csv"), csv, StandardCharsets.UTF_8);

            Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", drop.toString(), "--format", "json");

            assertThat(ingest.exitCode()).as(ingest.err()).isIn(0, 2);
            long rejected = 0;
            for (JsonNode sheet : ingest.json().at("/files/0/sheets")) {
                rejected += sheet.get("rejected").asLong();
            }
            assertThat(rejected).as(ingest.out()).isEqualTo(12_000);
            Path kept = home.resolve("reports/rejects/" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(junk))) + ".csv");
            try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.parse(Files.newBufferedReader(kept, StandardCharsets.UTF_8))) {
                assertThat(parser.getRecords()).hasSize(10_000);
            }
            try (Stream<Path> reports = Files.list(home.resolve("reports"))) {
                Path report = reports.filter(p -> p.getFileName().toString().matches("rejects-run-\\d+\\.csv")).max(java.util.Comparator.naturalOrder()).orElseThrow();
                assertThat(Files.readString(report)).contains("and 2,000 more rejected rows, not kept: the first 10,000 of the file's 12,000 are above");
            }
        }
    }

    /** Hostile workbooks and renders outside the lake's own files. */
    @Nested
    class HostileFiles {
        @Test
        void aWorkbookWithADoctypeIsRefusedInPlainWords() throws Exception {
            Path drop = Files.createDirectories(temp.resolve("drop"));
            Path xxe = drop.resolve("xxe.xlsx");
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(inbox.resolve("kiem-tra-2014.xlsx").toFile());
                 java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(xxe))) {
                for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
                    byte[] bytes;
                    try (var data = in.getInputStream(entry)) {
                        bytes = data.readAllBytes();
                    }
                    if (entry.getName().equals("xl/workbook.xml")) {
                        String xml = new String(bytes, StandardCharsets.UTF_8).replaceFirst("\\?>", "?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
                        bytes = xml.getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    out.write(bytes);
                }
            }

            Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", drop.toString(), "--format", "json");

            assertThat(ingest.json().at("/files/0/status").asText()).isEqualTo("QUARANTINED");
            assertThat(ingest.json().at("/files/0/reason").asText()).isEqualTo("the workbook contains an external entity reference (a DOCTYPE, "
                    + "in xl/workbook.xml), which is not allowed: save it again from Excel");
        }

        @Test
        void aRenderLeavesNoFontTemporaryFileEvenWhileItRuns() throws Exception {
            Path tmp = Files.createDirectories(temp.resolve("tmp"));
            Process child = vn.inspection.pipeline.support.ChildJvm.start(temp.resolve("child"), "report", java.util.List.of(),
                    java.util.List.of("-Djava.io.tmpdir=" + tmp), "--home", home.toString(), "report", "--periods", "2013,2014",
                    "--out", temp.resolve("r.pdf").toString());
            java.util.Set<String> seen = new java.util.TreeSet<>();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (child.isAlive() && System.nanoTime() < deadline) {
                try (Stream<Path> files = Files.walk(tmp)) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("+~JF")).forEach(seen::add);
                } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                    // a file went while we walked
                }
                Thread.sleep(10);
            }
            assertThat(child.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(temp.resolve("child/report.err"))).isZero();
            assertThat(seen).as("AWT's font copies, left behind whenever a render is killed").isEmpty();
        }
    }
}
