package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.support.LakeQueries;

/**
 * What a run says about what it could not ingest: a file with no recognised register, a folder with no
 * spreadsheet, an inbox inside the pipeline home.
 */
class HonestOutcomesTest {
    /** A disciplines register whose form column carries a header no schema knows. */
    static final String UNKNOWN_HEADERS = "STT,Đơn vị,Số quyết định,Ngày QĐ ký,Đối tượng,Tên đối tượng,Hình thức xử lý\r\n"
            + "1,DU01,07-QĐ/ĐU,10/05/2014,Đảng viên,Trần Thị Bình,Khiển trách\r\n";

    @Test
    void aFileWithNoRecognisedRegisterIsNotIngestedAndIsReadAgainOnceItsHeaderIsKnown(@TempDir Path temp) throws IOException {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        Files.writeString(inbox.resolve("ky-luat-mau-moi.csv"), UNKNOWN_HEADERS, StandardCharsets.UTF_8);
        Path home = temp.resolve("home");

        Cli.Result first = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");

        assertThat(first.exitCode()).as("counted like a quarantined file").isEqualTo(3);
        JsonNode csv = file(first.json(), "ky-luat-mau-moi.csv");
        assertThat(csv.get("status").asText()).isEqualTo("NOT_RECOGNISED");
        assertThat(csv.get("reason").asText())
                .startsWith("no register recognised: headers found 'STT', 'Đơn vị', 'Số quyết định', 'Ngày QĐ ký', 'Đối tượng', 'Tên đối tượng', 'Hình thức xử lý'")
                .contains("closest known headers: 'Ngày QĐ ký' → 'Ngày QĐ'")
                .contains("'Hình thức kỷ luật'");
        assertThat(Files.readString(Path.of(first.json().get("rejects_report").asText()), StandardCharsets.UTF_8))
                .contains("ky-luat-mau-moi.csv").contains("file not recognised: no register recognised");
        try (Stream<Path> entries = Files.list(home.resolve("lake/_manifest"))) {
            assertThat(entries.count()).as("only the units reference is in the manifest").isEqualTo(1);
        }

        // the office's header becomes an alias of the form: the same file is read on the next run
        Path schemas = Fixtures.copySchemas(temp.resolve("schemas"));
        Path discipline = schemas.resolve("discipline.json");
        Files.writeString(discipline, Files.readString(discipline).replace("\"header\": \"Hình thức kỷ luật\", \"aliases\": []",
                "\"header\": \"Hình thức kỷ luật\", \"aliases\": [\"Hình thức xử lý\"]"));
        Files.writeString(discipline, Files.readString(discipline).replace("\"header\": \"Ngày quyết định\", \"aliases\": [",
                "\"header\": \"Ngày quyết định\", \"aliases\": [\"Ngày QĐ ký\", "));
        System.setProperty("pipeline.schemas-dir", schemas.toString());
        try {
            Cli.Result second = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(file(second.json(), "ky-luat-mau-moi.csv").get("status").asText()).isEqualTo("INGESTED");
            assertThat(LakeQueries.rows("SELECT unit_code, decision_no, form FROM " + LakeQueries.table(home.resolve("lake"), "discipline")))
                    .extracting(r -> r.get("unit_code") + " " + r.get("decision_no") + " " + r.get("form"))
                    .containsExactly("DU01 07-QĐ/ĐU REPRIMAND");
        } finally {
            System.clearProperty("pipeline.schemas-dir");
        }
    }

    @Test
    void aFolderWithNoSpreadsheetSaysSo(@TempDir Path temp) throws IOException {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Files.writeString(inbox.resolve("README.md"), "Hộp thư đến\n");

        Cli.Result table = Cli.run("--home", temp.resolve("home").toString(), "ingest", inbox.toString());
        Cli.Result json = Cli.run("--home", temp.resolve("home").toString(), "ingest", inbox.toString(), "--format", "json");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).startsWith("No spreadsheet found in " + inbox);
        assertThat(table.err()).contains("pipeline ingest: no spreadsheet found in " + inbox);
        assertThat(json.json().get("files")).isEmpty();
        assertThat(json.json().get("note").asText()).startsWith("no spreadsheet found in " + inbox);
    }

    @Test
    void anInboxInsideTheHomeIsReadButTheHomesOwnFoldersAreNot(@TempDir Path temp) throws IOException {
        Path home = temp.resolve("home");
        Fixtures.copy(Fixtures.INGEST, home.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        // spreadsheets the pipeline keeps in its own folders are never inputs
        Fixtures.copy(Fixtures.INGEST, home.resolve("quarantine"), "loi.xlsx");
        Fixtures.copy(Fixtures.INGEST, home.resolve("reports"), "don-thu-2013.csv");

        Cli.Result inbox = Cli.run("--home", home.toString(), "ingest", home.resolve("inbox").toString(), "--format", "json");
        Cli.Result whole = Cli.run("--home", home.toString(), "ingest", home.toString(), "--format", "json");

        assertThat(inbox.exitCode()).as(inbox.err()).isZero();
        assertThat(inbox.json().get("files")).extracting(f -> Path.of(f.get("path").asText()).getFileName().toString() + " " + f.get("status").asText())
                .containsExactlyInAnyOrder("don-vi.xlsx INGESTED", "kiem-tra-2014.xlsx INGESTED");
        assertThat(whole.json().get("files")).extracting(f -> Path.of(f.get("path").asText()).getFileName().toString() + " " + f.get("status").asText())
                .containsExactlyInAnyOrder("don-vi.xlsx ALREADY_INGESTED", "kiem-tra-2014.xlsx ALREADY_INGESTED");
    }

    static JsonNode file(JsonNode run, String name) {
        for (JsonNode file : run.get("files")) {
            if (Path.of(file.get("path").asText()).getFileName().toString().equals(name)) {
                return file;
            }
        }
        throw new AssertionError(name + " not in " + run);
    }
}
