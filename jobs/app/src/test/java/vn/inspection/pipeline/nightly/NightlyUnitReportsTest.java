package vn.inspection.pipeline.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.text.VietnameseNumbers;

/**
 * A report per unit with an address, as cron runs the nightly (its own JVM) against a real SMTP server: the samples'
 * units reference, given addresses for the bloc, three of its committees and one branch, with the levels served set to
 * the bloc and its direct subordinates: the half-year report due on 2 July 2014 is mailed four times, each to its unit,
 * titled for it and with its own figures (as {@code compare --unit} gives them) in the PDF's text; the branch, below the
 * levels served, gets none; a second night sends none.
 */
class NightlyUnitReportsTest {
    @TempDir
    Path temp;
    int port;
    GreenMail smtp;

    @BeforeEach
    void startTheMailServer() throws Exception {
        port = NightlyRuns.freePort();
        smtp = NightlyRuns.smtp(port);
        smtp.start();
    }

    @AfterEach
    void stopTheMailServer() {
        smtp.stop();
    }

    List<String> mail() {
        return List.of("-Dspring.mail.host=127.0.0.1", "-Dspring.mail.port=" + port, "-Dpipeline.delivery.mail.from=" + NightlyRuns.FROM,
                "-Dpipeline.unit-reports.depths=0,1", "-Dpipeline.nightly.reports=half-year");
    }

    static String address(String code) {
        return code.toLowerCase(java.util.Locale.ROOT) + "@vanxuan.example";
    }

    @Test
    void eachUnitWithAnAddressReceivesItsOwnReportOnce() throws Exception {
        // the samples' units, as a reference with an e-mail column: read them back from a home that ingested the samples
        Path scratch = temp.resolve("scratch");
        Cli.Result ingest = Cli.run("--home", scratch.toString(), "ingest", NightlyRuns.SAMPLES.resolve("don-vi.xlsx").toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        String dump = Cli.run("--home", scratch.toString(), "sql",
                "SELECT code, name, parent_code, level, aliases, valid_from, valid_to, successor_code, depth FROM units ORDER BY path",
                "--format", "csv").out();
        List<List<String>> units = new ArrayList<>();
        CSVFormat.DEFAULT.builder().setSkipHeaderRecord(true).setHeader().get().parse(new java.io.StringReader(dump))
                .forEach(r -> units.add(r.toList()));
        String bloc = units.stream().filter(u -> u.get(8).equals("0")).findFirst().orElseThrow().get(0);
        List<String> committees = units.stream().filter(u -> u.get(8).equals("1") && u.get(7).isEmpty()).map(u -> u.get(0)).limit(3).toList();
        // a fourth committee whose address was mistyped in the reference: told, and the others' reports still go out
        String mistyped = units.stream().filter(u -> u.get(8).equals("1") && u.get(7).isEmpty()).map(u -> u.get(0)).skip(3).findFirst().orElseThrow();
        String branch = units.stream().filter(u -> u.get(8).equals("2")).findFirst().orElseThrow().get(0);
        List<String> served = Stream.concat(Stream.of(bloc), committees.stream()).toList();
        Map<String, String> names = new LinkedHashMap<>();
        units.forEach(u -> names.put(u.get(0), u.get(1)));

        Path inbox = temp.resolve("inbox");
        Files.createDirectories(inbox);
        try (Stream<Path> samples = Files.list(NightlyRuns.SAMPLES)) {
            for (Path file : samples.filter(f -> !f.getFileName().toString().equals("don-vi.xlsx") && !f.getFileName().toString().endsWith(".md")).toList()) {
                Files.copy(file, inbox.resolve(file.getFileName()));
            }
        }
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(inbox.resolve("don-vi.csv"), StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            csv.printRecord("Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Tên gọi khác", "Hiệu lực từ", "Hiệu lực đến", "Mã đơn vị kế thừa",
                    "Email");
            for (List<String> u : units) {
                boolean addressed = served.contains(u.get(0)) || u.get(0).equals(branch);
                csv.printRecord(u.get(0), u.get(1), u.get(2), u.get(3), u.get(4), u.get(5), u.get(6), u.get(7),
                        addressed ? address(u.get(0)) : u.get(0).equals(mistyped) ? "van thu bo bon" : "");
            }
        }
        Path home = temp.resolve("home");

        Cli.Result first = NightlyRuns.nightly(home, mail(), "--inbox", inbox.toString(), "--as-of", "2014-07-02", "--format", "json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode summary = first.json();
        List<String> sent = new ArrayList<>();
        summary.at("/deliveries").forEach(d -> {
            if (d.get("status").asText().equals("SENT")) {
                sent.add(d.get("key").asText());
            }
        });
        assertThat(sent).containsExactlyInAnyOrderElementsOf(served.stream().map(u -> "half-year/2014-H1-vs-2013-H1/" + u).toList());
        assertThat(summary.at("/deliveries").findValuesAsText("status")).as("the bloc-wide report: no pipeline.delivery.mail.to")
                .contains("OUTBOX_ONLY");
        JsonNode failed = null;
        for (JsonNode d : summary.at("/deliveries")) {
            if (d.get("key").asText().endsWith("/" + mistyped)) {
                failed = d;
            }
        }
        assertThat(failed).as("the mistyped address's report").isNotNull();
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("note").asText()).startsWith("unit " + mistyped + " in the units reference: 'van thu bo bon' is not an e-mail address");
        assertThat(first.exitCode()).as("the night completed: the other units' reports went out").isZero();

        Map<String, MimeMessage> reports = new LinkedHashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Mails mail = Mails.of(message);
            if (mail.attachments().stream().anyMatch(a -> a.contentType().startsWith("application/pdf"))) {
                String to = Arrays.stream(message.getAllRecipients()).map(Address::toString).collect(Collectors.joining(","));
                assertThat(reports.put(to, message)).as("one report to %s", to).isNull();
            }
        }
        assertThat(reports).containsOnlyKeys(served.stream().map(NightlyUnitReportsTest::address).toList());

        VietnameseNumbers numbers = new VietnameseNumbers(Language.VI);
        for (String unit : served) {
            JsonNode figures = Cli.run("--home", home.toString(), "compare", "2013-H1", "2014-H1", "--unit", unit, "--format", "json").json();
            Mails mail = Mails.of(reports.get(address(unit)));
            assertThat(mail.body()).contains(names.get(unit));
            String text = mail.attachments().get(0).pdfText().replaceAll("\\s+", " ");
            assertThat(text).as("titled for %s", unit).contains(names.get(unit));
            for (JsonNode metric : figures.get("metrics")) {
                if (List.of("inspection.members", "supervision.members").contains(metric.get("id").asText())) {
                    String label = metric.get("label").asText();
                    String a = numbers.count(metric.get("values").get(0).asLong());
                    String b = numbers.count(metric.get("values").get(1).asLong());
                    assertThat(text.contains(label + " " + a + " " + b) || text.contains(label + " " + b + " " + a))
                            .as("%s: its own figures %s %s %s in %s", unit, label, a, b, text).isTrue();
                }
            }
        }
        assertThat(Mails.of(reports.get(address(committees.get(0)))).attachments().get(0).pdfText()).doesNotContain("2.528");

        Cli.Result second = NightlyRuns.nightly(home, mail(), "--inbox", inbox.toString(), "--as-of", "2014-07-03", "--format", "json");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.json().at("/deliveries").findValuesAsText("status")).doesNotContain("SENT");
        assertThat(smtp.getReceivedMessages()).as("the second night sends nothing").hasSize(countAfter(first));

        // the operator sees it per unit: the run's summary and the history
        String text;
        try (Stream<Path> runs = Files.list(home.resolve("runs"))) {
            text = Files.readString(runs.filter(f -> f.getFileName().toString().endsWith("-run-1.txt")).findFirst().orElseThrow());
        }
        assertThat(text).contains("PER UNIT");
        for (String unit : served) {
            assertThat(text).containsPattern("\\n  " + java.util.regex.Pattern.quote(unit) + " +1 report ");
        }
        JsonNode history = Cli.run("--home", home.toString(), "history", "--format", "json").json();
        assertThat(history.at("/runs/1/run").asLong()).isEqualTo(1);
        assertThat(history.at("/runs/1/units_mailed").asInt()).isEqualTo(4);
        assertThat(history.at("/runs/0/units_mailed").asInt()).isZero();
        Cli.Result table = Cli.run("--home", home.toString(), "history");
        assertThat(table.out().lines().findFirst().orElseThrow()).contains("UNITS", "RETURNED");
    }

    /** Mails the first night sent: reports and returned rejects. */
    int countAfter(Cli.Result first) {
        int reports = (int) first.json().at("/deliveries").findValuesAsText("status").stream().filter("SENT"::equals).count();
        int rejects = 0;
        for (JsonNode r : first.json().at("/rejects_returned")) {
            if (r.get("status").asText().equals("SENT")) {
                rejects += r.get("recipients").asText().split(",").length;
            }
        }
        return reports + rejects;
    }
}
