package vn.inspection.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.support.LakeQueries;

/** Atomic publish: a reader that follows the manifest sees a source file whole or not at all, even across a crash. */
class LakeTest {
    static final SchemaCatalog CATALOG = SchemaCatalog.load(Path.of("../../schemas"));

    @TempDir
    Path root;

    private List<String> stage(Lake lake, String checksum) throws IOException {
        return stage(lake, 7, checksum);
    }

    private List<String> stage(Lake lake, long runId, String checksum) throws IOException {
        Path staging = lake.stagingDir(runId, checksum);
        Path a = staging.resolve("data/units/part-000000.parquet");
        Path b = staging.resolve("data/units/part-000001.parquet");
        Files.createDirectories(a.getParent());
        for (Path part : List.of(a, b)) {
            try (ParquetPartWriter writer = new ParquetPartWriter(part, CATALOG.schema("units"), CompressionCodecName.ZSTD)) {
                String code = "U" + part.getFileName().toString().charAt(10);
                writer.write(new LakeRow(Map.of("code", code, "name", "Đơn vị " + code), "0123456789abcdef0123456789abcde" + code.charAt(1),
                        "don-vi.xlsx", checksum, "Sheet1", 2));
            }
        }
        return List.of("data/units/part-000000.parquet", "data/units/part-000001.parquet");
    }

    private static ManifestEntry draft(String checksum) {
        return new ManifestEntry(checksum, "don-vi.xlsx", "/inbox/don-vi.xlsx", 10, Instant.parse("2026-11-22T00:00:00Z"), 7, List.of(), List.of(), null);
    }

    @Test
    void publishesAllPartsAndThenTheManifestEntry() throws IOException {
        Lake lake = new Lake(root);
        String checksum = "a".repeat(64);

        ManifestEntry entry = lake.publish(7, draft(checksum), stage(lake, checksum), null);

        assertThat(entry.dataFiles()).extracting(ManifestEntry.DataFile::path)
                .containsExactly("units/part-aaaaaaaaaaaaaaaa-000000.parquet", "units/part-aaaaaaaaaaaaaaaa-000001.parquet");
        for (ManifestEntry.DataFile file : entry.dataFiles()) {
            Path inLake = root.resolve(file.path());
            assertThat(file.rows()).isEqualTo(1);
            assertThat(file.bytes()).isEqualTo(Files.size(inLake));
            assertThat(file.sha256()).isEqualTo(Lake.sha256(inLake));
        }
        assertThat(lake.manifestEntry(checksum)).contains(entry);
        assertThat(lake.dataFiles("units")).hasSize(2).allMatch(Files::exists);
        assertThat(lake.stagingDir(7, checksum)).doesNotExist();
        assertThat(LakeQueries.rows("SELECT code FROM read_parquet(" + files(lake) + ") ORDER BY code"))
                .extracting(r -> r.get("code")).containsExactly("U0", "U1");
    }

    @Test
    void aCrashBeforeTheIntentLeavesNothingVisible() throws IOException {
        Lake lake = new Lake(root);
        String checksum = "b".repeat(64);
        stage(lake, checksum);

        // the process dies here: staged parts exist, no intent was written
        assertThat(lake.manifestEntry(checksum)).isEmpty();
        assertThat(lake.dataFiles("units")).isEmpty();
        assertThat(lake.recover()).isZero();
        assertThat(lake.snapshot().entries()).isEmpty();
        assertThat(root.resolve("units")).doesNotExist();
    }

    @Test
    void aCrashHalfWayThroughTheMovesIsCompletedOnRecovery() throws IOException {
        Lake lake = new Lake(root);
        String checksum = "c".repeat(64);
        List<String> staged = stage(lake, checksum);
        // simulate the crash: write the intent as publish would, move only the first part, stop
        Path staging = lake.stagingDir(7, checksum);
        Path target0 = root.resolve("units/part-cccccccccccccccc-000000.parquet");
        Files.createDirectories(target0.getParent());
        String intent = "{\"entry\":" + vn.inspection.pipeline.system.Json.write(new ManifestEntry(checksum, "don-vi.xlsx", "/inbox/don-vi.xlsx", 10,
                Instant.parse("2026-11-22T00:00:00Z"), 7, List.of(), List.of(ManifestEntry.DataFile.ofPath("units/part-cccccccccccccccc-000000.parquet"),
                ManifestEntry.DataFile.ofPath("units/part-cccccccccccccccc-000001.parquet")), null))
                + ",\"moves\":[{\"from\":\"" + staging.resolve(staged.get(0)) + "\",\"to\":\"" + target0 + "\"},"
                + "{\"from\":\"" + staging.resolve(staged.get(1)) + "\",\"to\":\"" + root.resolve("units/part-cccccccccccccccc-000001.parquet") + "\"}]}";
        Lake.writeAtomically(staging.resolve(Lake.INTENT), intent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.move(staging.resolve(staged.get(0)), target0);

        // a reader that follows the manifest sees none of it yet
        assertThat(lake.manifestEntry(checksum)).isEmpty();
        assertThat(lake.dataFiles("units")).isEmpty();

        assertThat(new Lake(root).recover()).isEqualTo(1);

        assertThat(lake.manifestEntry(checksum)).isPresent();
        assertThat(lake.dataFiles("units")).hasSize(2).allMatch(Files::exists);
        assertThat(staging).doesNotExist();
        assertThat(LakeQueries.count("SELECT count(*) FROM read_parquet(" + files(lake) + ")")).isEqualTo(2);
    }

    @Test
    void aCrashAfterTheManifestEntryOnlyLeavesStagingToTidy() throws IOException {
        Lake lake = new Lake(root);
        String checksum = "d".repeat(64);
        lake.publish(7, draft(checksum), stage(lake, checksum), null);
        Map<String, Object> before = Map.of("entry", lake.manifestEntry(checksum).orElseThrow(), "files", lake.dataFiles("units"));

        assertThat(lake.recover()).isZero();

        assertThat(Map.of("entry", lake.manifestEntry(checksum).orElseThrow(), "files", lake.dataFiles("units"))).isEqualTo(before);
    }

    @Test
    void republishingAFileReplacesItsEntryAndPartsWithoutEverOverwritingACommittedPart() throws IOException {
        Lake lake = new Lake(root);
        String checksum = "e".repeat(64);
        ManifestEntry first = lake.publish(7, draft(checksum), stage(lake, 7, checksum), null);
        List<Path> firstParts = lake.dataFiles("units");

        ManifestEntry second = lake.publish(8, draft(checksum), stage(lake, 8, checksum), null);

        assertThat(second.runId()).isEqualTo(8);
        assertThat(second.dataFiles()).extracting(ManifestEntry.DataFile::path)
                .containsExactly("units/part-eeeeeeeeeeeeeeee-run8-000000.parquet", "units/part-eeeeeeeeeeeeeeee-run8-000001.parquet");
        assertThat(lake.manifestEntry(checksum)).contains(second);
        assertThat(firstParts).noneMatch(Files::exists);
        assertThat(lake.dataFiles("units")).hasSize(2).allMatch(Files::exists);
        assertThat(first.dataFiles()).extracting(ManifestEntry.DataFile::sha256).isEqualTo(second.dataFiles().stream().map(ManifestEntry.DataFile::sha256).toList());
        assertThat(new LakeVerifier(lake).verify().ok()).isTrue();
    }

    @Test
    void aReplacementCutShortAfterItsMovesIsCompletedAndTheOldPartsDeletedOnRecovery() throws IOException {
        Lake lake = new Lake(root);
        String checksum = "f".repeat(64);
        lake.publish(7, draft(checksum), stage(lake, 7, checksum), null);
        List<Path> oldParts = lake.dataFiles("units");
        List<String> staged = stage(lake, 8, checksum);
        Path staging = lake.stagingDir(8, checksum);
        Path newPart = root.resolve("units/part-ffffffffffffffff-run8-000000.parquet");
        ManifestEntry entry = new ManifestEntry(checksum, "don-vi.xlsx", "/inbox/don-vi.xlsx", 10, Instant.parse("2026-11-23T00:00:00Z"), 8,
                List.of(), List.of(ManifestEntry.DataFile.ofPath("units/part-ffffffffffffffff-run8-000000.parquet")), null);
        Lake.Intent intent = new Lake.Intent(entry, List.of(new Lake.Move(staging.resolve(staged.get(0)).toString(), newPart.toString())),
                oldParts.stream().map(Path::toString).toList());
        Lake.writeAtomically(staging.resolve(Lake.INTENT), LakeManifest.json().writeValueAsBytes(intent));
        Files.move(staging.resolve(staged.get(0)), newPart);
        // the process dies here: the old entry is still the commit, and its parts are all there
        assertThat(lake.manifestEntry(checksum).orElseThrow().runId()).isEqualTo(7);
        assertThat(oldParts).allMatch(Files::exists);

        assertThat(new Lake(root).recover()).isEqualTo(1);

        assertThat(lake.manifestEntry(checksum).orElseThrow().runId()).isEqualTo(8);
        assertThat(lake.dataFiles("units")).containsExactly(newPart);
        assertThat(oldParts).noneMatch(Files::exists);
    }

    private static String files(Lake lake) {
        return "[" + String.join(",", lake.dataFiles("units").stream().map(p -> "'" + p + "'").toList()) + "]";
    }
}
