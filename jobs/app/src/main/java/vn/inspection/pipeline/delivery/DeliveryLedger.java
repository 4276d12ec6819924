package vn.inspection.pipeline.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.system.Json;

/**
 * What was rendered and delivered, kept in the home ({@code <home>/outbox/deliveries.json}) and rewritten whole and
 * atomically after every change: one entry per report and period pair, with its PDF in the outbox, the key figures
 * the mail sums up, and every recipient list it was mailed to.
 *
 * <p>A ledger in the home rather than the job repository: it must outlive any one run (a report rendered by a night
 * whose mail failed is mailed, not rendered again, by a later night), a person must be able to read it, and
 * clearing the job repository ({@code <home>/batch/}) must not send a year of reports again. Read and written only
 * under the home's lock.
 */
public final class DeliveryLedger {
    public static final String FILE_NAME = "deliveries.json";

    private final Path file;
    private final Map<String, Entry> entries;

    private DeliveryLedger(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** The ledger of an outbox folder (empty when the file does not exist yet). */
    public static DeliveryLedger load(Path outbox) throws IOException {
        Path file = outbox.resolve(FILE_NAME);
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Document document;
            try {
                document = Json.read(Files.readString(file, StandardCharsets.UTF_8), Document.class);
            } catch (java.io.UncheckedIOException e) {
                throw new IOException("the delivery ledger " + file + " cannot be read (" + e.getCause().getMessage()
                        + "): restore it from a backup, or move it away to send every due report again", e);
            }
            for (Entry entry : document.reports()) {
                entries.put(entry.key(), entry);
            }
        }
        return new DeliveryLedger(file, entries);
    }

    public Path file() {
        return file;
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Records a rendered report (replacing an earlier rendering of the same key) and saves the ledger. */
    public void rendered(Entry entry) throws IOException {
        Entry previous = entries.get(entry.key());
        entries.put(entry.key(), previous == null ? entry : entry.withMails(previous.mails()));
        save();
    }

    /** Records a mail sent and saves the ledger at once (the shorter the time between the two, the fewer mails sent twice). */
    public void mailed(String key, Mailing mailing) throws IOException {
        Entry entry = entries.get(key);
        if (entry == null) {
            throw new IllegalStateException("no report " + key + " in the delivery ledger");
        }
        List<Mailing> mails = new ArrayList<>(entry.mails());
        mails.add(mailing);
        entries.put(key, entry.withMails(mails));
        save();
    }

    private void save() throws IOException {
        Lake.writeAtomically(file, (Json.write(new Document(List.copyOf(entries.values()))) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A recipient list as the ledger keys it: the addresses, trimmed, lower-cased, sorted, comma-separated. */
    public static String recipientsKey(List<String> to) {
        return String.join(",", to.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).distinct().sorted().toList());
    }

    record Document(@JsonProperty("reports") List<Entry> reports) {
        Document {
            reports = reports == null ? List.of() : reports;
        }
    }

    /**
     * One report for one pair of periods.
     *
     * @param key       {@code <spec>/<period B>-vs-<period A>[/<unit>]}: what "once per period" means
     * @param report    the spec's id
     * @param periodA   the period compared with
     * @param periodB   the period reported on
     * @param unit      the unit code, null for all units
     * @param title     the report's title (without its periods)
     * @param periods   the periods as the report words them ("6 tháng đầu năm 2014 so với cùng kỳ năm 2013")
     * @param labelA    period A's label
     * @param labelB    period B's label
     * @param unitName  the unit's name
     * @param language  vi or en
     * @param file      the PDF's name in the outbox
     * @param sha256    the PDF's checksum
     * @param pages     its pages
     * @param renderedAt when it was rendered
     * @param run       the nightly run that rendered it
     * @param figures   every metric of the report in A and B
     * @param files     source files ingested when it was rendered
     * @param records   records in the lake then
     * @param lastIngest the last ingest then
     * @param mails     the recipient lists it was mailed to
     */
    public record Entry(@JsonProperty("key") String key,
                        @JsonProperty("report") String report,
                        @JsonProperty("period_a") String periodA,
                        @JsonProperty("period_b") String periodB,
                        @JsonProperty("unit") String unit,
                        @JsonProperty("title") String title,
                        @JsonProperty("periods") String periods,
                        @JsonProperty("label_a") String labelA,
                        @JsonProperty("label_b") String labelB,
                        @JsonProperty("unit_name") String unitName,
                        @JsonProperty("language") String language,
                        @JsonProperty("file") String file,
                        @JsonProperty("sha256") String sha256,
                        @JsonProperty("pages") int pages,
                        @JsonProperty("rendered_at") Instant renderedAt,
                        @JsonProperty("run") long run,
                        @JsonProperty("figures") List<Figure> figures,
                        @JsonProperty("files") int files,
                        @JsonProperty("records") long records,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("last_ingest") Instant lastIngest,
                        @JsonProperty("mails") List<Mailing> mails) {
        public Entry {
            figures = figures == null ? List.of() : List.copyOf(figures);
            mails = mails == null ? List.of() : List.copyOf(mails);
        }

        Entry withMails(List<Mailing> other) {
            return new Entry(key, report, periodA, periodB, unit, title, periods, labelA, labelB, unitName, language, file, sha256, pages,
                    renderedAt, run, figures, files, records, lastIngest, other);
        }

        /** Whether it was mailed to this recipient list ({@link #recipientsKey}). */
        public boolean mailedTo(String recipientsKey) {
            return mails.stream().anyMatch(m -> m.recipients().equals(recipientsKey));
        }

        /** The figure of a metric, if the report has it. */
        @JsonIgnore
        public Optional<Figure> figure(String metric) {
            return figures.stream().filter(f -> f.metric().equals(metric)).findFirst();
        }
    }

    /** One metric's values in periods A and B. */
    public record Figure(@JsonProperty("metric") String metric, @JsonProperty("label") String label,
                         @JsonProperty("a") long a, @JsonProperty("b") long b) {
    }

    /** One mail: to whom (the {@link #recipientsKey}), when, with which Message-ID, by which run. */
    public record Mailing(@JsonProperty("recipients") String recipients, @JsonProperty("sent_at") Instant sentAt,
                          @JsonProperty("message_id") String messageId, @JsonProperty("run") long run) {
    }
}
