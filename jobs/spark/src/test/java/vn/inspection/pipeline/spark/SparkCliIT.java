package vn.inspection.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code compare --engine spark} on the committed samples prints what the DuckDB engine prints: the same JSON
 * but {@code "engine":"spark"}, the same table and CSV, the same one-line errors and exit codes. The DuckDB side
 * is the application jar itself; the Spark side is {@link SparkCli}, the main the launcher runs, in local mode
 * (one Spark application for the class).
 */
class SparkCliIT {
    static SparkSessions spark;
    static Path home;

    @BeforeAll
    static void ingestTheSamplesAndStartSpark() throws Exception {
        home = SampleHome.home();
        spark = SparkSessions.obtain("local[2]", "compare on the samples");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result spark(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String[] withHome(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    /** The DuckDB document with the engine Spark names, to compare whole documents. */
    static void assertSameDocumentButTheEngine(String... args) throws Exception {
        SampleHome.Result duckdb = SampleHome.app(withHome(args));
        Result spark = spark(withHome(append(args, "--engine", "spark")));
        assertThat(duckdb.exitCode()).as(duckdb.err()).isZero();
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        JsonNode expected = json(duckdb.out());
        JsonNode actual = json(spark.out());
        assertThat(expected.get("engine").asText()).isEqualTo("duckdb");
        assertThat(actual.get("engine").asText()).isEqualTo("spark");
        ((ObjectNode) expected).put("engine", "spark");
        assertThat(actual).isEqualTo(expected);
        assertThat(spark.out().strip()).as("one JSON document, nothing else on standard output").startsWith("{").endsWith("}")
                .doesNotContain("\n");
    }

    static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void comparesTheFirstHalvesOf2013And2014LikeDuckDb() throws Exception {
        assertSameDocumentButTheEngine("compare", "2013-H1", "2014-H1", "--format", "json");
        JsonNode document = json(spark(withHome("compare", "2013-H1", "2014-H1", "--format", "json")).out());
        assertThat(document.at("/metrics/1/id").asText()).isEqualTo("inspection.members");
        assertThat(document.at("/metrics/1/values/1").asLong()).as("seed 004: 2,528 members inspected in H1 2014").isEqualTo(2528);
    }

    @Test
    void comparesOneUnitByCodeOrNameLikeDuckDb() throws Exception {
        assertSameDocumentButTheEngine("compare", "2013-H1", "2014-H1", "--unit", "DU05", "--format", "json");
        assertSameDocumentButTheEngine("compare", "2013", "2014", "--unit", "DU02", "--as-recorded", "--format", "json", "--lang", "en");
    }

    @Test
    void comparesWithTheSamePeriodOfThePreviousYearLikeDuckDb() throws Exception {
        assertSameDocumentButTheEngine("compare", "2014-H1", "--previous-year", "--format", "json");
        assertSameDocumentButTheEngine("compare", "2014-Q3", "--previous-year", "--format", "json");
        assertSameDocumentButTheEngine("compare", "2009..2011", "2012-01-15..2014-06-30", "--format", "json");   // notes on data not reached
    }

    @Test
    void printsTheSameTableAndCsv() throws Exception {
        SampleHome.Result table = SampleHome.app(withHome("compare", "2013-H1", "2014-H1"));
        assertThat(spark(withHome("compare", "2013-H1", "2014-H1", "--engine", "spark")).out())
                .isEqualTo(table.out().replace("(duckdb)", "(spark)")).contains("2.528");
        SampleHome.Result csv = SampleHome.app(withHome("compare", "2013-H1", "2014-H1", "--format", "csv", "--lang", "en"));
        assertThat(spark(withHome("compare", "2013-H1", "2014-H1", "--format", "csv", "--lang", "en")).out()).isEqualTo(csv.out());
    }

    @Test
    void readsTheLakeByUriAsOnACluster() throws Exception {
        Result byHome = spark(withHome("compare", "2013-H1", "2014-H1", "--format", "json"));
        Result byUri = spark("compare", "2013-H1", "2014-H1", "--format", "json", "--lake", SampleHome.lakeUri());
        assertThat(byUri.exitCode()).as(byUri.err()).isZero();
        assertThat(byUri.out()).isEqualTo(byHome.out());
    }

    @Test
    void explainsBadInputInOneLineWithTheExitCodesOfThePipeline(@TempDir Path empty) {
        Result badPeriod = spark(withHome("compare", "2014-H3", "2014-H1"));
        assertThat(badPeriod.exitCode()).isEqualTo(2);
        assertThat(badPeriod.err()).startsWith("pipeline compare: ").contains("2014-H3").hasLineCount(1);
        Result oneWithoutPreviousYear = spark(withHome("compare", "2014-H1"));
        assertThat(oneWithoutPreviousYear.exitCode()).isEqualTo(2);
        Result unknownUnit = spark(withHome("compare", "2013", "2014", "--unit", "XX9' OR '1'='1"));
        assertThat(unknownUnit.exitCode()).isEqualTo(1);
        assertThat(unknownUnit.err()).isEqualTo("pipeline compare: unknown unit 'XX9' OR '1'='1': give a unit code or name "
                + "(list them with: pipeline sql \"SELECT code, name FROM units\")\n");
        Result noHome = spark("--home", empty.resolve("none").toString(), "compare", "2013", "2014");
        assertThat(noHome.exitCode()).isEqualTo(1);
        assertThat(noHome.err()).startsWith("pipeline compare: no pipeline home at ").hasLineCount(1);
        Result noLake = spark("--home", empty.toString(), "compare", "2013", "2014");
        assertThat(noLake.exitCode()).isEqualTo(1);
        assertThat(noLake.err()).startsWith("pipeline compare: no lake at ").hasLineCount(1);
        Result both = spark(withHome("compare", "2013", "2014", "--lake", "file:/tmp/x"));
        assertThat(both.exitCode()).isEqualTo(2);
        Result otherEngine = spark(withHome("compare", "2013", "2014", "--engine", "duckdb"));
        assertThat(otherEngine.exitCode()).isEqualTo(2);
        assertThat(List.of(badPeriod, unknownUnit, noHome, noLake)).allSatisfy(r -> assertThat(r.out()).isEmpty())
                .allSatisfy(r -> assertThat(r.err()).doesNotContain("Exception", "\tat "));
    }
}
