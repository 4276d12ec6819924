package vn.inspection.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.Cli;

class RegisterGeneratorTest {

    @TempDir
    Path temp;

    @Test
    void theSameSeedGivesByteIdenticalCsv() throws IOException {
        Cli.Result first = Cli.run("generate", "--rows", "5000", "--format", "csv", "--out", temp.resolve("a").toString(), "--seed", "11");
        Cli.Result second = Cli.run("generate", "--rows", "5000", "--format", "csv", "--out", temp.resolve("b").toString(), "--seed", "11");
        Cli.Result other = Cli.run("generate", "--rows", "5000", "--format", "csv", "--out", temp.resolve("c").toString(), "--seed", "12");

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(other.exitCode()).isZero();
        for (String name : new String[] {"units.csv", "inspection.csv", "supervision.csv", "discipline.csv", "complaint.csv"}) {
            assertThat(Files.readAllBytes(temp.resolve("a").resolve(name))).as(name).isEqualTo(Files.readAllBytes(temp.resolve("b").resolve(name)));
        }
        assertThat(Files.readAllBytes(temp.resolve("a/inspection.csv"))).isNotEqualTo(Files.readAllBytes(temp.resolve("c/inspection.csv")));
        assertThat(Files.readAllLines(temp.resolve("a/inspection.csv"))).hasSize(1 + 5000 * 35 / 100);
    }

    @Test
    void generatedWorkbooksIngestWithNoRejectAndNoDuplicate() {
        Path out = temp.resolve("xlsx");
        assertThat(Cli.run("generate", "--rows", "4000", "--format", "xlsx", "--out", out.toString()).exitCode()).isZero();

        Cli.Result result = Cli.run("--home", temp.resolve("home").toString(), "ingest", out.toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode totals = result.json().get("totals");
        assertThat(totals.at("/units/accepted").asLong()).isEqualTo(1 + RegisterGenerator.COMMITTEES * (1 + RegisterGenerator.BRANCHES_PER_COMMITTEE));
        assertThat(totals.at("/inspection/accepted").asLong()).isEqualTo(1400);
        assertThat(totals.at("/supervision/accepted").asLong()).isEqualTo(1400);
        assertThat(totals.at("/discipline/accepted").asLong()).isEqualTo(400);
        assertThat(totals.at("/complaint/accepted").asLong()).isEqualTo(800);
        totals.forEach(t -> {
            assertThat(t.get("rejected").asLong()).isZero();
            assertThat(t.get("duplicates").asLong()).isZero();
        });
    }
}
