package vn.inspection.pipeline.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;
import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;

/**
 * A report already mailed whose figures a later correction changes: the next night mails exactly one updated edition
 * ("Bản cập nhật"), its first page saying what changed (value sent → value now) and why; the night after sends
 * nothing; and {@code report --known-at} with the first edition's instant gives its figures again.
 */
class NightlyUpdatedEditionTest {
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
    void mailsOneUpdatedEditionWhenACorrectionChangesAMailedFigure() throws Exception {
        Path home = temp.resolve("home");
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        try (Stream<Path> samples = Files.list(NightlyRuns.SAMPLES)) {
            for (Path sample : samples.filter(Files::isRegularFile).toList()) {
                Files.copy(sample, inbox.resolve(sample.getFileName()));
            }
        }
        Cli.Result first = NightlyRuns.nightly(home, NightlyRuns.mailTo(port), "--inbox", inbox.toString(), "--as-of", "2014-07-02", "--format", "json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        // September: the 2013 letters register sent again with five letters of H1 2013 resolved
        Files.copy(Fixtures.ROOT.resolve("living/don-thu-2013-thang-9.csv"), inbox.resolve("don-thu-2013-thang-9.csv"));
        Cli.Result second = NightlyRuns.nightly(home, NightlyRuns.mailTo(port), "--inbox", inbox.toString(), "--as-of", "2014-07-03",
                "--format", "json");
        assertThat(second.exitCode()).as(second.err()).isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("one updated edition").hasSize(2);
        Mails update = Mails.of(received[1]);
        assertThat(update.subject()).startsWith("Bản cập nhật: Báo cáo kết quả công tác kiểm tra");
        assertThat(second.json().at("/reports").findValuesAsText("status")).contains("RENDERED");
        Mails.Attachment pdf = update.attachments().get(0);
        assertThat(pdf.fileName()).isEqualTo("half-year_2014-H1_vs_2013-H1_cap-nhat-1.pdf");
        String text = pdf.pdfText().replaceAll("\\s+", " ");
        assertThat(text).contains("Bản cập nhật của báo cáo đã gửi lúc")
                .contains("Đơn thư đã giải quyết: 6 tháng đầu năm 2013 57 → 62")
                .contains("Vì sao: 5 bản ghi được đính chính, 0 bản ghi bị rút, 0 dòng được nhận muộn kể từ bản trước.");

        Cli.Result third = NightlyRuns.nightly(home, NightlyRuns.mailTo(port), "--inbox", inbox.toString(), "--as-of", "2014-07-04",
                "--format", "json");
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(smtp.getReceivedMessages()).as("the third night sends nothing").hasSize(2);

        // the first edition's figures, as known when it was computed
        String ledger = Files.readString(home.resolve("outbox/deliveries.json"));
        String renderedAt = ledger.replaceAll("(?s).*?\"rendered_at\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Cli.Result then = Cli.run("--home", home.toString(), "compare", "2014-H1", "--previous-year", "--format", "json", "--known-at", renderedAt);
        assertThat(then.exitCode()).as(then.err()).isZero();
        for (var m : then.json().get("metrics")) {
            if (m.get("id").asText().equals("complaint.resolved")) {
                assertThat(m.get("values").get(0).asLong()).isEqualTo(57);
            }
        }
    }
}
