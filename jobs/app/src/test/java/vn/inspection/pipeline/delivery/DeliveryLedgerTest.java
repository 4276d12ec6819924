package vn.inspection.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger of what was rendered and sent: kept across runs, written whole, keyed by period and recipient list. */
class DeliveryLedgerTest {
    @TempDir
    Path outbox;

    @Test
    void remembersARenderedReportAndEachRecipientListItWasMailedTo() throws Exception {
        DeliveryLedger ledger = DeliveryLedger.load(outbox);
        DeliveryLedger.Entry entry = MailTextTest.entry("vi");
        ledger.rendered(entry);
        ledger.mailed(entry.key(), new DeliveryLedger.Mailing(DeliveryLedger.recipientsKey(List.of("b@x.vn", "A@x.vn")),
                Instant.parse("2014-07-01T19:06:00Z"), "<id@inspection-pipeline>", 1));

        DeliveryLedger again = DeliveryLedger.load(outbox);

        DeliveryLedger.Entry read = again.entry("half-year/2014-H1-vs-2013-H1").orElseThrow();
        assertThat(read.figure("inspection.members").orElseThrow().b()).isEqualTo(2528);
        assertThat(read.mailedTo("a@x.vn,b@x.vn")).isTrue();
        assertThat(read.mailedTo(DeliveryLedger.recipientsKey(List.of(" a@x.vn ", "b@x.vn", "B@X.VN")))).as("the same list, written otherwise").isTrue();
        assertThat(read.mailedTo(DeliveryLedger.recipientsKey(List.of("a@x.vn", "b@x.vn", "c@x.vn")))).as("another list").isFalse();
        try (var files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("deliveries.json");
        }
    }

    @Test
    void renderingAgainKeepsTheMailsAlreadySent() throws Exception {
        DeliveryLedger ledger = DeliveryLedger.load(outbox);
        DeliveryLedger.Entry entry = MailTextTest.entry("vi");
        ledger.rendered(entry);
        ledger.mailed(entry.key(), new DeliveryLedger.Mailing("a@x.vn", Instant.now(), "<id>", 1));

        ledger.rendered(entry);

        assertThat(DeliveryLedger.load(outbox).entry(entry.key()).orElseThrow().mailedTo("a@x.vn")).isTrue();
    }

    @Test
    void aDamagedLedgerIsRefusedWithWhatToDo() throws Exception {
        Files.writeString(outbox.resolve("deliveries.json"), "{\"reports\": [ {\"key\": ");

        assertThatThrownBy(() -> DeliveryLedger.load(outbox))
                .hasMessageStartingWith("the delivery ledger " + outbox.resolve("deliveries.json") + " cannot be read")
                .hasMessageEndingWith("restore it from a backup, or move it away to send every due report again");
    }
}
