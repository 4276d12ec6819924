package vn.inspection.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.inspection.pipeline.support.Cli;

/**
 * {@code pipeline explain} on the committed samples: for every metric of the catalog, in the first halves of 2014 and
 * 2013, for all units, the bloc and two committees (one of them the successor of a merged committee, also as
 * recorded), the list has as many records as {@code compare} gives; each record has its lineage, members appear by
 * pseudonym only, and the XLSX export opens and lists file, sheet and row.
 */
class ExplainCommandTest {
    static final Path SAMPLES = Path.of("../../data-samples");

    @TempDir
    static Path temp;
    static Path home;
    static String bloc;
    static List<String> metricIds;

    @BeforeAll
    static void ingestTheSamples() {
        home = temp.resolve("home");
        Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", SAMPLES.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        bloc = Cli.run("--home", home.toString(), "sql", "SELECT code FROM units WHERE parent_code IS NULL AND valid_to IS NULL", "--format", "csv")
                .out().lines().skip(1).findFirst().orElseThrow();
        metricIds = new ArrayList<>();
        Cli.run("--home", home.toString(), "metrics", "--format", "json").json().forEach(m -> metricIds.add(m.get("id").asText()));
        assertThat(metricIds).hasSizeGreaterThanOrEqualTo(19);
    }

    static Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void everyMetricListsAsManyRecordsAsCompareCountsForTheBlocAndTwoCommittees() {
        long listed = 0;
        for (List<String> unit : List.of(List.<String>of(), List.of("--unit", bloc), List.of("--unit", "DU17"), List.of("--unit", "DU05"),
                List.of("--unit", "DU17", "--as-recorded"), List.of("--unit", "DU62", "--as-recorded"))) {
            List<String> compareArgs = new ArrayList<>(List.of("compare", "2014-H1", "2013-H1", "--format", "json"));
            compareArgs.addAll(unit);
            Cli.Result compare = run(compareArgs.toArray(String[]::new));
            assertThat(compare.exitCode()).as(compare.err()).isZero();
            for (JsonNode metric : compare.json().get("metrics")) {
                String id = metric.get("id").asText();
                for (int p = 0; p < 2; p++) {
                    String period = p == 0 ? "2014-H1" : "2013-H1";
                    List<String> explainArgs = new ArrayList<>(List.of("explain", id, period, "--format", "json"));
                    explainArgs.addAll(unit);
                    Cli.Result explain = run(explainArgs.toArray(String[]::new));
                    assertThat(explain.exitCode()).as(explain.err()).isZero();
                    JsonNode json = explain.json();
                    long figure = metric.get("values").get(p).asLong();
                    assertThat(json.get("count").asLong()).as("%s %s %s", id, period, unit).isEqualTo(figure);
                    assertThat(json.get("records")).hasSize((int) figure);
                    Set<String> keys = new HashSet<>();
                    for (JsonNode record : json.get("records")) {
                        keys.add(record.get("record_key").asText());
                        assertThat(record.get("file").asText()).as("lineage").isNotBlank();
                        assertThat(record.get("sheet").asText()).isNotBlank();
                        assertThat(record.get("row").asInt()).isPositive();
                        assertThat(record.get("date").asText()).startsWith(period.substring(0, 4));
                        if (record.get("subject_type").asText().equals("MEMBER")) {
                            assertThat(record.get("subject").asText()).as("a member by pseudonym only").matches("DV-[0-9a-f]{20}");
                        }
                    }
                    assertThat(keys).as("each record once").hasSize((int) figure);
                    listed += figure;
                }
            }
        }
        assertThat(listed).as("the samples count thousands of records").isGreaterThan(10_000);
    }

    @Test
    void theTableSaysWhatIsCountedAndTheXlsxListsFileSheetAndRow() throws Exception {
        Cli.Result table = run("explain", "inspection.signs.members", "2014-H1");
        assertThat(table.exitCode()).as(table.err()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).startsWith("inspection.signs.members — Đảng viên được kiểm tra khi có dấu hiệu vi phạm — 6 tháng đầu năm 2014")
                .endsWith(": 4 bản ghi");
        assertThat(lines).hasSize(2 + 4);
        assertThat(lines.get(1)).contains("Đơn vị ghi", "Ngày", "type", "subject_type", "Tệp", "Trang tính", "Dòng");
        assertThat(lines.subList(2, 6)).allSatisfy(line -> assertThat(line).contains("SIGNS_OF_VIOLATION", "MEMBER", "DV-", "kiem-tra-2014-q"));

        Path xlsx = temp.resolve("signs.xlsx");
        Cli.Result export = run("explain", "inspection.members", "2014-H1", "--unit", "DU17", "--format", "xlsx", "--output", xlsx.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            try (var stream = workbook.getFirstSheet().openStream()) {
                stream.forEach((Row row) -> rows.add(row.stream().map(c -> c == null || c.getText() == null ? "" : c.getText())
                        .collect(Collectors.toList())));
            }
        }
        assertThat(rows.get(0).get(0)).contains("inspection.members", "DU17");
        assertThat(rows.get(1)).contains("Tệp", "Trang tính", "Dòng");
        JsonNode json = run("explain", "inspection.members", "2014-H1", "--unit", "DU17", "--format", "json").json();
        assertThat(rows).hasSize(2 + json.get("count").asInt());
        int file = rows.get(1).indexOf("Tệp");
        for (int i = 0; i < json.get("count").asInt(); i++) {
            JsonNode record = json.get("records").get(i);
            List<String> row = rows.get(2 + i);
            assertThat(row.get(file)).isEqualTo(record.get("file").asText());
            assertThat(row.get(file + 1)).isEqualTo(record.get("sheet").asText());
            assertThat(Double.parseDouble(row.get(file + 2))).isEqualTo(record.get("row").asDouble());
        }
        assertThat(export.out()).contains(json.get("count").asText() + " bản ghi", xlsx.toString());
    }

    @Test
    void compareExplainWritesASheetPerMetricWithTheRecordsOfBothPeriods() throws Exception {
        Path xlsx = temp.resolve("audit.xlsx");
        Cli.Result compare = run("compare", "2013-H1", "2014-H1", "--unit", "DU17", "--format", "json", "--explain", xlsx.toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        JsonNode figures = compare.json();
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).hasSize(1 + figures.get("metrics").size());
            assertThat(sheets.get(0).getName()).isEqualTo("Số liệu");
            int i = 1;
            for (JsonNode metric : figures.get("metrics")) {
                org.dhatim.fastexcel.reader.Sheet sheet = sheets.get(i++);
                assertThat(sheet.getName()).isEqualTo(metric.get("id").asText());
                List<List<String>> rows = new ArrayList<>();
                try (var stream = sheet.openStream()) {
                    stream.forEach((Row row) -> rows.add(row.stream().map(c -> c == null || c.getText() == null ? "" : c.getText()).toList()));
                }
                long a = metric.get("values").get(0).asLong();
                long b = metric.get("values").get(1).asLong();
                assertThat(rows).as(metric.get("id").asText()).hasSize((int) (2 + a + b));
                assertThat(rows.get(1)).startsWith("Kỳ").contains("Tệp", "Trang tính", "Dòng");
                assertThat(rows.subList(2, rows.size()).stream().map(r -> r.get(0)).toList())
                        .as("B's records, then A's").isEqualTo(java.util.stream.Stream.concat(java.util.Collections.nCopies((int) b, "2014-H1").stream(),
                                java.util.Collections.nCopies((int) a, "2013-H1").stream()).toList());
            }
        }
    }

    @Test
    void anUnknownMetricOrPeriodIsOneLineAndExitTwo() {
        Cli.Result metric = run("explain", "inspection.nothing", "2014-H1");
        assertThat(metric.exitCode()).isEqualTo(2);
        assertThat(metric.err().lines()).hasSize(1).first().asString().contains("unknown metric 'inspection.nothing'", "pipeline metrics");
        Cli.Result period = run("explain", "inspection.orgs", "2014-H3");
        assertThat(period.exitCode()).isEqualTo(2);
        assertThat(period.err().lines()).hasSize(1);
        Cli.Result unit = run("explain", "inspection.orgs", "2014-H1", "--unit", "NO-SUCH-UNIT");
        assertThat(unit.exitCode()).isEqualTo(1);
        assertThat(unit.err()).contains("unknown unit 'NO-SUCH-UNIT'");
    }
}
