package vn.inspection.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.support.LakeQueries;

/**
 * {@code pipeline rekey} on a lake written with other natural keys: the lake written before the year joined
 * the keys of inspections and disciplines, and the other way round.
 */
class LakeRekeyTest {
    static final Path LAYOUTS = Fixtures.ROOT.resolve("office-layouts");
    /** Inspections and disciplines by decision number with the same number in 2013 and 2014, plus the units. */
    static final String[] FILES = {"don-vi.xlsx", "l4-kiem-tra-ky-luat-so-lap-lai.xlsx"};

    /** A copy of schemas/ whose inspection and discipline keys have no year: the keys before issue 13. */
    static Path keysWithoutYear(Path target) throws IOException {
        Path schemas = Fixtures.copySchemas(target);
        for (String type : List.of("inspection", "discipline")) {
            Path file = schemas.resolve(type + ".json");
            Files.writeString(file, Files.readString(file).replaceAll("\"year\\([a-z_]+\\)\", ", ""));
            assertThat(Files.readString(file)).doesNotContain("year(");
        }
        return schemas;
    }

    static Cli.Result withSchemas(Path schemas, String... args) {
        System.setProperty("pipeline.schemas-dir", schemas.toString());
        try {
            return Cli.run(args);
        } finally {
            System.clearProperty("pipeline.schemas-dir");
        }
    }

    @Test
    void rewritesTheKeysOfALakeWrittenWithTheOldKeysAndNamesTheFilesToIngestAgain(@TempDir Path temp) throws IOException {
        Path inbox = Fixtures.copy(LAYOUTS, temp.resolve("inbox"), FILES);
        Path home = temp.resolve("home");
        Path lake = home.resolve("lake");
        Cli.Result old = withSchemas(keysWithoutYear(temp.resolve("old-schemas")), "--home", home.toString(), "ingest", inbox.toString(), "--format", "json");
        assertThat(old.exitCode()).as(old.err()).isZero();
        // under the old keys next year's "05-QĐ/UBKT" and "02-QĐ/UBKT" were skipped as duplicates: not in the lake
        assertThat(LakeQueries.count("SELECT count(*) FROM " + LakeQueries.table(lake, "inspection"))).isEqualTo(1);
        assertThat(LakeQueries.count("SELECT count(*) FROM " + LakeQueries.table(lake, "discipline"))).isEqualTo(2);
        List<String> before = files(lake);

        Cli.Result rekey = Cli.run("--home", home.toString(), "rekey", "--format", "json");

        assertThat(rekey.exitCode()).as("some source files must be ingested again: " + rekey.err()).isEqualTo(3);
        JsonNode json = rekey.json();
        assertThat(json.get("keys_changed").get("inspection").asLong()).isEqualTo(1);
        assertThat(json.get("keys_changed").get("discipline").asLong()).isEqualTo(2);
        assertThat(json.get("revealed_duplicates")).isEmpty();
        assertThat(json.get("maybe_hidden")).extracting(h -> h.get("record_type").asText() + " " + h.get("source_file").asText() + " "
                        + h.get("sheet").asText() + " " + h.get("skipped_as_duplicates").asLong())
                .containsExactlyInAnyOrder("inspection l4-kiem-tra-ky-luat-so-lap-lai.xlsx Kiểm tra 2013-2014 1",
                        "discipline l4-kiem-tra-ky-luat-so-lap-lai.xlsx Kỷ luật 2013-2014 1");
        assertThat(json.get("note").asText()).contains("ingest their source files again");

        // every record carries the key the ingest computes now, the manifest names exactly the files there are
        Cli.Result fresh = Cli.run("--home", temp.resolve("fresh").toString(), "ingest", inbox.toString());
        assertThat(fresh.exitCode()).isZero();
        assertThat(LakeQueries.rows("SELECT record_key FROM " + LakeQueries.table(lake, "discipline") + " ORDER BY record_key"))
                .isSubsetOf(LakeQueries.rows("SELECT record_key FROM " + LakeQueries.table(temp.resolve("fresh/lake"), "discipline") + " ORDER BY record_key"));
        assertThat(LakeQueries.rows("SELECT record_key FROM " + LakeQueries.table(lake, "inspection")))
                .isSubsetOf(LakeQueries.rows("SELECT record_key FROM " + LakeQueries.table(temp.resolve("fresh/lake"), "inspection")));
        assertManifestMatchesTheFiles(lake);
        assertThat(files(lake)).as("old parts deleted, new parts in").isNotEqualTo(before).hasSameSizeAs(before);
        assertThat(Files.list(home.resolve("reports")).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("rekey-"));

        // the warehouse was refreshed from the rekeyed lake, and its data tests pass
        JsonNode tests = Cli.run("--home", home.toString(), "sql", "SELECT name, passed FROM data_tests ORDER BY name", "--format", "json").json();
        assertThat(tests).allSatisfy(t -> assertThat(t.get("passed").asBoolean()).as(t.get("name").asText()).isTrue());
        // it holds the new keys: rekey keeps each file's entry and run, which a refresh that carries records by file and run would not see
        JsonNode warehouseKeys = Cli.run("--home", home.toString(), "sql", "SELECT record_key FROM discipline ORDER BY record_key", "--format", "json").json();
        assertThat(warehouseKeys.findValuesAsText("record_key")).isEqualTo(LakeQueries.rows("SELECT record_key FROM "
                + LakeQueries.table(lake, "discipline") + " ORDER BY record_key").stream().map(r -> (String) r.get("record_key")).toList());

        Cli.Result again = Cli.run("--home", home.toString(), "rekey");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("every key is current; nothing to rewrite");
    }

    @Test
    void dropsTheLaterCopyOfRecordsANewCoarserKeyMakesTheSameAndCountsItAsADuplicate(@TempDir Path temp) throws IOException {
        Path inbox = Fixtures.copy(LAYOUTS, temp.resolve("inbox"), FILES);
        Path home = temp.resolve("home");
        Path lake = home.resolve("lake");
        assertThat(Cli.run("--home", home.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        assertThat(LakeQueries.count("SELECT count(*) FROM " + LakeQueries.table(lake, "inspection"))).isEqualTo(2);

        Cli.Result dry = withSchemas(keysWithoutYear(temp.resolve("coarser")), "--home", home.toString(), "rekey", "--dry-run", "--format", "json");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.json().get("revealed_duplicates")).hasSize(2);
        assertThat(LakeQueries.count("SELECT count(*) FROM " + LakeQueries.table(lake, "inspection"))).as("a dry run writes nothing").isEqualTo(2);

        Cli.Result rekey = withSchemas(temp.resolve("coarser"), "--home", home.toString(), "rekey");

        assertThat(rekey.exitCode()).as(rekey.err()).isZero();
        assertThat(rekey.out()).contains("Duplicates the new keys reveal (2;")
                .contains("l4-kiem-tra-ky-luat-so-lap-lai.xlsx, sheet 'Kiểm tra 2013-2014', row 3 = l4-kiem-tra-ky-luat-so-lap-lai.xlsx, sheet 'Kiểm tra 2013-2014', row 2");
        assertThat(LakeQueries.rows("SELECT decision_no, start_date FROM " + LakeQueries.table(lake, "inspection")))
                .extracting(r -> r.get("decision_no") + " " + r.get("start_date")).containsExactly("05-QĐ/UBKT 2013-03-12");
        JsonNode sheets = manifestEntry(lake, "l4-kiem-tra-ky-luat-so-lap-lai.xlsx").get("sheets");
        assertThat(sheets).extracting(s -> s.get("sheet").asText() + " " + s.get("accepted").asLong() + "/" + s.get("duplicates").asLong())
                .containsExactlyInAnyOrder("Kiểm tra 2013-2014 1/1", "Kỷ luật 2013-2014 2/1");
        assertManifestMatchesTheFiles(lake);
    }

    @Test
    void aRekeyCutShortAfterItsIntentIsCompletedByTheNextRun(@TempDir Path temp) throws IOException {
        Path home = temp.resolve("home");
        assertThat(Cli.run("--home", home.toString(), "ingest", Fixtures.copy(LAYOUTS, temp.resolve("inbox"), FILES).toString()).exitCode()).isZero();
        Lake lake = new Lake(home.resolve("lake"));
        ManifestEntry entry = lake.snapshot().entries().stream().filter(e -> e.fileName().startsWith("l4-")).findFirst().orElseThrow();
        ManifestEntry.DataFile old = entry.dataFiles().get(0);
        Path staging = lake.root().resolve(Lake.STAGING_DIR).resolve("rekey-k1").resolve(entry.checksum());
        Path staged = staging.resolve("data/part-000000.parquet");
        Files.createDirectories(staged.getParent());
        Files.copy(lake.resolve(old.path()), staged);
        String target = old.path().replace("part-" + entry.checksum().substring(0, 16) + "-", "part-" + entry.checksum().substring(0, 16) + "-k1-");
        List<ManifestEntry.DataFile> files = new java.util.ArrayList<>(entry.dataFiles());
        files.set(0, new ManifestEntry.DataFile(target, old.rows(), old.bytes(), old.sha256()));
        ManifestEntry rewritten = new ManifestEntry(entry.checksum(), entry.fileName(), entry.sourcePath(), entry.size(), entry.ingestedAt(),
                entry.runId(), entry.sheets(), files, entry.rejectsFile());
        // the process dies right after writing its intent: nothing is moved, the old part is still named
        Files.write(staging.resolve(Lake.INTENT), LakeManifest.json().writeValueAsBytes(new Lake.Intent(rewritten,
                List.of(new Lake.Move(staged.toString(), lake.resolve(target).toString())), List.of(lake.resolve(old.path()).toString()))));

        assertThat(lake.recover()).isEqualTo(1);

        assertThat(lake.resolve(old.path())).doesNotExist();
        assertThat(lake.resolve(target)).exists();
        assertThat(lake.manifestEntry(entry.checksum()).orElseThrow().dataFiles()).extracting(ManifestEntry.DataFile::path).contains(target)
                .doesNotContain(old.path());
        assertThat(lake.root().resolve(Lake.STAGING_DIR).resolve("rekey-k1").resolve(entry.checksum())).doesNotExist();
        assertManifestMatchesTheFiles(lake.root());
    }

    /** Every data file the manifest names exists with the rows, size and checksum it records; no other part is in the lake. */
    static void assertManifestMatchesTheFiles(Path lake) throws IOException {
        List<String> named = new java.util.ArrayList<>();
        try (Stream<Path> entries = Files.list(lake.resolve("_manifest"))) {
            for (Path file : entries.filter(p -> p.toString().endsWith(".json")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (ManifestEntry.DataFile data : LakeManifest.parse(in).dataFiles()) {
                        Path part = lake.resolve(data.path());
                        assertThat(part).exists();
                        assertThat(ParquetFiles.rowCount(part)).isEqualTo(data.rows());
                        assertThat(Files.size(part)).isEqualTo(data.bytes());
                        assertThat(Lake.sha256(part)).isEqualTo(data.sha256());
                        named.add(data.path());
                    }
                }
            }
        }
        assertThat(files(lake)).containsExactlyInAnyOrderElementsOf(named);
    }

    static List<String> files(Path lake) throws IOException {
        try (Stream<Path> walk = Files.walk(lake)) {
            return walk.filter(p -> p.toString().endsWith(".parquet")).map(p -> lake.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    static JsonNode manifestEntry(Path lake, String fileName) throws IOException {
        try (Stream<Path> entries = Files.list(lake.resolve("_manifest"))) {
            for (Path file : entries.toList()) {
                JsonNode entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
                if (entry.get("file_name").asText().equals(fileName)) {
                    return entry;
                }
            }
        }
        throw new AssertionError(fileName + " not in the manifest");
    }
}
