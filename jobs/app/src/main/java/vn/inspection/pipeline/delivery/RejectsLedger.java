package vn.inspection.pipeline.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.system.Json;

/**
 * Which source files' rejected rows went back to which office ({@code outbox/rejects-returned.json}), so each is
 * mailed once across runs, and a file whose mail failed is tried again the next night. It holds file names, unit codes
 * and addresses, never a row.
 */
public final class RejectsLedger {
    public static final String FILE_NAME = "rejects-returned.json";

    /**
     * One source file's rejected rows returned (or not yet) to one office.
     *
     * @param checksum   the source file's checksum (the lake's manifest key)
     * @param file       its name
     * @param unit       the office's unit code (null when the address came from the inbox folder)
     * @param recipients the recipient list as {@link DeliveryLedger#recipientsKey} keys it
     * @param rows       the rejected rows it held
     * @param sentAt     when the mail was accepted; null while it failed
     * @param messageId  the mail's Message-ID
     * @param run        the nightly run that tried last
     */
    public record Entry(@JsonProperty("checksum") String checksum, @JsonProperty("file") String file, @JsonProperty("unit") String unit,
                        @JsonProperty("recipients") String recipients, @JsonProperty("rows") long rows, @JsonProperty("sent_at") Instant sentAt,
                        @JsonProperty("message_id") String messageId, @JsonProperty("run") long run) {
    }

    record Document(@JsonProperty("returned") List<Entry> returned) {
        Document {
            returned = returned == null ? List.of() : returned;
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private RejectsLedger(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    public static RejectsLedger load(Path outbox) throws IOException {
        Path file = outbox.resolve(FILE_NAME);
        List<Entry> entries = new ArrayList<>();
        if (Files.exists(file)) {
            try {
                entries.addAll(Json.read(Files.readString(file, StandardCharsets.UTF_8), Document.class).returned());
            } catch (java.io.UncheckedIOException e) {
                throw new IOException("the ledger of returned rejects " + file + " cannot be read (" + e.getCause().getMessage()
                        + "): restore it from a backup, or move it away to return every file's rejects again", e);
            }
        }
        return new RejectsLedger(file, entries);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Whether the file's rejects were mailed to this recipient list. */
    public boolean sent(String checksum, String recipients) {
        return entries.stream().anyMatch(e -> e.checksum().equals(checksum) && e.recipients().equals(recipients) && e.sentAt() != null);
    }

    /** Files tried and not sent yet (their checksums). */
    public List<String> pending() {
        return entries.stream().filter(e -> e.sentAt() == null).map(Entry::checksum)
                .filter(c -> entries.stream().noneMatch(e -> e.checksum().equals(c) && e.sentAt() != null)).distinct().toList();
    }

    /** Records an attempt (sent or failed) and saves at once. */
    public void record(Entry entry) throws IOException {
        entries.removeIf(e -> e.checksum().equals(entry.checksum()) && e.recipients().equals(entry.recipients()));
        entries.add(entry);
        Files.createDirectories(file.getParent());
        Lake.writeAtomically(file, (Json.write(new Document(List.copyOf(entries))) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
