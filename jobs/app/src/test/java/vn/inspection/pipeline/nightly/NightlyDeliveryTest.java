package vn.inspection.pipeline.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;
import vn.inspection.pipeline.support.Cli;

/**
 * The nightly job end to end on the committed samples, as cron runs it (its own JVM), against a real SMTP server:
 * the half-year report on 2014-H1 is due on 2 July 2014, lands in the outbox and arrives by mail with the PDF attached
 * and the key figures in the body (HTML with the table and the chart inline, plain text beside it); the next night sends
 * nothing.
 */
class NightlyDeliveryTest {
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

    @Test
    void mailsTheDueReportOnceWithThePdfAndTheKeyFigures() throws Exception {
        Path home = temp.resolve("home");

        Cli.Result first = NightlyRuns.nightly(home, NightlyRuns.mailTo(port), "--inbox", NightlyRuns.SAMPLES.toString(), "--as-of", "2014-07-02",
                "--format", "json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).as("a run that went well says nothing on stderr").isEmpty();
        JsonNode summary = first.json();
        assertThat(summary.at("/status").asText()).isEqualTo("COMPLETED");
        assertThat(summary.at("/files/found").asInt()).isEqualTo(19);
        assertThat(summary.at("/files/ingested").asInt()).isEqualTo(18);
        assertThat(summary.at("/records/inspection/accepted").asLong()).isEqualTo(11_962);
        assertThat(summary.at("/warehouse").asText()).startsWith("refreshed");
        assertThat(summary.at("/reports/0/report").asText()).isEqualTo("half-year");
        assertThat(summary.at("/reports/0/status").asText()).isEqualTo("RENDERED");
        assertThat(summary.at("/reports/1/report").asText()).isEqualTo("year-end");
        assertThat(summary.at("/reports/1/status").asText()).as("2013 against 2012, which holds no record").isEqualTo("WAITING_FOR_DATA");
        assertThat(summary.at("/deliveries/0/status").asText()).isEqualTo("SENT");
        assertThat(summary.at("/steps").findValuesAsText("step")).containsExactly("ingest", "processed", "refresh", "render", "deliver", "rejects");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        Mails mail = Mails.of(received[0]);
        assertThat(received[0].getFrom()[0].toString()).isEqualTo(NightlyRuns.FROM);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(NightlyRuns.TO);
        assertThat(mail.subject()).isEqualTo("Báo cáo kết quả công tác kiểm tra, giám sát, thi hành kỷ luật đảng \u2014 6 tháng đầu năm 2014 so với cùng kỳ năm 2013");
        assertThat(mail.messageId()).endsWith(".half-year@inspection-pipeline>");
        assertThat(mail.body())
                .contains("- Tổ chức đảng được kiểm tra: 423 (6 tháng đầu năm 2013: ")
                .contains("- Đảng viên được kiểm tra: 2.528 (6 tháng đầu năm 2013: ")
                .contains("- Tổ chức đảng được giám sát: 363")
                .contains("- Đảng viên được giám sát: 3.050")
                .contains("- Đơn thư nhận được: 71 (6 tháng đầu năm 2013: 92; \u2212");
        // an HTML mail as report subscriptions send: the table and the chart inline, the plain text beside it, the PDF attached
        assertThat(mail.structure())
                .isEqualTo("multipart/mixed[multipart/related[multipart/alternative[text/plain,text/html],image/png],application/pdf]");
        assertThat(mail.inlines()).hasSize(1);
        Mails.Inline chart = mail.inlines().get(0);
        assertThat(chart.contentType()).startsWith("image/png");
        String cid = chart.contentId().replaceAll("^<|>$", "");
        assertThat(mail.html()).contains("<img src=\"cid:" + cid + "\"")
                .contains("<td style=\"padding:4px 8px;border-bottom:1px solid #d4d4d4;\">Tổ chức đảng được kiểm tra</td>")
                .contains(">423</td>").contains(">2.528</td>").contains(">3.050</td>");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(chart.bytes())).getWidth()).isGreaterThan(600);
        assertThat(mail.attachments()).hasSize(1);
        Mails.Attachment pdf = mail.attachments().get(0);
        assertThat(pdf.fileName()).isEqualTo("half-year_2014-H1_vs_2013-H1.pdf");
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.pdfPages()).isEqualTo(7);
        String text = pdf.pdfText().replaceAll("\\s+", " "); // the title wraps
        assertThat(text).contains("BÁO CÁO Kết quả công tác kiểm tra, giám sát, thi hành kỷ luật đảng")
                .contains("6 tháng đầu năm 2014").contains("6 tháng đầu năm 2013").contains("2.528").contains("423");
        Path outboxPdf = home.resolve("outbox/half-year_2014-H1_vs_2013-H1.pdf");
        assertThat(Files.readAllBytes(outboxPdf)).as("the mail carries the outbox's PDF").isEqualTo(pdf.bytes());

        Cli.Result second = NightlyRuns.nightly(home, NightlyRuns.mailTo(port), "--inbox", NightlyRuns.SAMPLES.toString(), "--as-of", "2014-07-02",
                "--format", "json");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(smtp.getReceivedMessages()).as("the second night sends nothing").hasSize(1);
        assertThat(second.json().at("/files/ingested").asInt()).isZero();
        assertThat(second.json().at("/reports/0/status").asText()).isEqualTo("ALREADY_RENDERED");
        assertThat(second.json().at("/deliveries/0/status").asText()).isEqualTo("ALREADY_SENT");
        assertThat(second.json().at("/steps").findValuesAsText("step")).as("nothing new in the inbox: no ingest, no refresh")
                .containsExactly("render", "deliver", "rejects");
        assertThat(Files.readAllBytes(outboxPdf)).as("not rendered again").isEqualTo(pdf.bytes());

        try (var runs = Files.list(home.resolve("runs"))) {
            assertThat(runs.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(4)
                    .allMatch(n -> n.matches("\\d{4}-\\d{2}-\\d{2}T\\d{6}-nightly-run-[12]\\.(txt|json)"));
        }
        List<String> outbox;
        try (var files = Files.list(home.resolve("outbox"))) {
            outbox = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(outbox).containsExactly("deliveries.json", "half-year_2014-H1_vs_2013-H1.pdf");
        assertThat(NightlyRuns.SAMPLES.resolve("don-vi.xlsx")).as("the inbox is never modified").exists();
    }
}
