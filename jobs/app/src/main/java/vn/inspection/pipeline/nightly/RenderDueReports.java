package vn.inspection.pipeline.nightly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.inspection.pipeline.delivery.DeliveryLedger;
import vn.inspection.pipeline.delivery.MailDelivery;
import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.metrics.DateSpan;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.report.PeriodChoice;
import vn.inspection.pipeline.report.ReportContent;
import vn.inspection.pipeline.report.ReportRequest;
import vn.inspection.pipeline.report.ReportSpec;
import vn.inspection.pipeline.report.Reports;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.warehouse.DuckDbMetricEngine;
import vn.inspection.pipeline.warehouse.Warehouse;

/**
 * Renders the reports due on a night into the outbox: each due report ({@link DueReport}) not rendered by an earlier
 * night is drawn from the warehouse (a fresh connection, so it reads the warehouse this run refreshed), written to
 * {@code <home>/outbox/} whole (a reader never sees half a PDF) and recorded in the delivery ledger with the figures
 * its mail sums up. A report rendered earlier is not rendered again, unless its mail is still to be sent and its PDF
 * left the outbox.
 */
final class RenderDueReports {
    private static final Logger log = LoggerFactory.getLogger(RenderDueReports.class);

    private final Warehouse warehouse;
    private final Lake lake;
    private final SchemaCatalog schemas;
    private final MetricCatalog metrics;
    private final List<ReportSpec> specs;
    private final NightlyProperties properties;
    private final MailDelivery mail;
    private final Path outbox;
    private final Clock clock;
    private final List<String> servedUnits;

    RenderDueReports(Warehouse warehouse, Lake lake, SchemaCatalog schemas, MetricCatalog metrics, List<ReportSpec> specs,
                     NightlyProperties properties, MailDelivery mail, Path outbox, Clock clock) {
        this(warehouse, lake, schemas, metrics, specs, properties, mail, outbox, clock, List.of());
    }

    /**
     * @param servedUnits the units that receive each due report for their own subtree as well (codes of units with an
     *                    address, {@link UnitReportsProperties}); a spec that names a unit is rendered for that unit only
     */
    RenderDueReports(Warehouse warehouse, Lake lake, SchemaCatalog schemas, MetricCatalog metrics, List<ReportSpec> specs,
                     NightlyProperties properties, MailDelivery mail, Path outbox, Clock clock, List<String> servedUnits) {
        this.servedUnits = List.copyOf(servedUnits);
        this.warehouse = warehouse;
        this.lake = lake;
        this.schemas = schemas;
        this.metrics = metrics;
        this.specs = specs;
        this.properties = properties;
        this.mail = mail;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Renders what is due on {@code night}; throws, after trying every report, when one could not be rendered. */
    List<ReportOutcome> render(LocalDate night, long run) throws Exception {
        List<DueReport> due = new ArrayList<>();
        for (DueReport report : specs.stream().map(s -> DueReport.of(s, night)).flatMap(Optional::stream).toList()) {
            due.add(report);
            if (report.spec().unit() == null) {
                // the same report for each unit served, on the same engine (one warehouse connection for all)
                servedUnits.forEach(unit -> due.add(new DueReport(report.spec().withUnit(unit), report.dueOn(), report.a(), report.b())));
            }
        }
        List<ReportOutcome> outcomes = new ArrayList<>();
        if (due.isEmpty()) {
            return outcomes;
        }
        Files.createDirectories(outbox);
        DeliveryLedger ledger = DeliveryLedger.load(outbox);
        Language language = Language.parse(properties.language());
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<String> failures = new ArrayList<>();
        DuckDbMetricEngine engine = warehouse.exists() ? new DuckDbMetricEngine(warehouse) : null;
        try {
            Optional<DateSpan> span = engine == null ? Optional.empty() : engine.span(metrics.metrics());
            for (DueReport report : due) {
                Optional<DeliveryLedger.Entry> rendered = ledger.entry(report.key());
                if (rendered.isPresent() && !mustRenderAgain(rendered.get())) {
                    Optional<ReportOutcome> update = properties.updatedEditions() && engine != null
                            ? updatedEdition(report, ledger, language, run, engine) : Optional.empty();
                    if (update.isPresent()) {
                        outcomes.add(update.get());
                        continue;
                    }
                    outcomes.add(outcome(report, ReportOutcome.Status.ALREADY_RENDERED, rendered.get().title() + " \u2014 " + rendered.get().periods(), outbox.resolve(rendered.get().file()),
                            rendered.get().pages(), "rendered " + NightlySummary.when(rendered.get().renderedAt(), clock.getZone()) + " by nightly run " + rendered.get().run()));
                    continue;
                }
                if (properties.waitForData() && !report.covered(span)) {
                    outcomes.add(outcome(report, ReportOutcome.Status.WAITING_FOR_DATA, null, null, null, waiting(report, span)));
                    continue;
                }
                try {
                    outcomes.add(render(report, ledger, language, run, engine));
                } catch (RuntimeException | IOException e) {
                    log.error(vn.inspection.pipeline.system.Logging.TOLD, "cannot render {}", report.key(), e);
                    String why = "report " + report.spec().id() + " (" + report.b().id() + " vs " + report.a().id() + "): "
                            + vn.inspection.pipeline.system.Errors.describe(e);
                    failures.add(why);
                    outcomes.add(outcome(report, ReportOutcome.Status.FAILED, null, null, null, vn.inspection.pipeline.system.Errors.describe(e)));
                }
            }
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
        if (!failures.isEmpty()) {
            throw new RenderFailedException(String.join("; ", failures), outcomes);
        }
        return outcomes;
    }

    /** A report rendered earlier is rendered again only when its mail is still due and its PDF is gone or altered. */
    private boolean mustRenderAgain(DeliveryLedger.Entry entry) throws IOException {
        if (!mail.enabled() || entry.mailedTo(mail.recipientsKey())) {
            return false;
        }
        Path pdf = outbox.resolve(entry.file());
        if (Files.isRegularFile(pdf) && Lake.sha256(pdf).equals(entry.sha256())) {
            return false;
        }
        log.warn("{} left the outbox (or changed) before it was mailed: rendering it again", pdf);
        return true;
    }

    private ReportOutcome render(DueReport report, DeliveryLedger ledger, Language language, long run, DuckDbMetricEngine engine) throws IOException {
        if (engine == null) {
            throw new IllegalStateException("no warehouse to render from");
        }
        ReportSpec spec = report.spec().withPeriods(new PeriodChoice.Fixed(report.a(), report.b()));
        ReportRequest request = new ReportRequest(spec, language, report.dueOn(), ZonedDateTime.now(clock), UnitBasis.SUCCESSOR);
        ReportContent content = Reports.collect(engine, schemas, metrics, request, lake.snapshot());
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        int pages = Reports.pdf(content, pdf);
        Path file = outbox.resolve(report.fileName());
        Lake.writeAtomically(file, pdf.toByteArray());
        List<DeliveryLedger.Figure> figures = new ArrayList<>();
        for (Comparison.Row row : content.comparison().rows()) {
            figures.add(new DeliveryLedger.Figure(row.metric().id(), row.metric().label().in(language), row.a(), row.b()));
        }
        ledger.rendered(new DeliveryLedger.Entry(report.key(), spec.id(), report.a().id(), report.b().id(), spec.unit(), spec.title().in(language),
                content.periodPhrase(), report.a().label(language), report.b().label(language), content.unit().name(), language.code(),
                file.getFileName().toString(), Lake.sha256(file), pages, clock.instant(), run, figures, content.freshness().files(),
                content.freshness().records(), content.freshness().lastIngest().orElse(null), List.of()));
        log.info("rendered {} ({} pages) into {}", report.key(), pages, file);
        return outcome(report, ReportOutcome.Status.RENDERED, content.fullTitle(), file, pages,
                content.notes().isEmpty() ? null : String.join(" ", content.notes()));
    }

    /**
     * An updated edition of a report already delivered, when its figures changed since its latest edition (corrections,
     * withdrawals, rows let in late): titled "Bản cập nhật (lần n)", its first page says what changed (value delivered →
     * value now) and why; keyed {@code <key>/cap-nhat-<n>} in the ledger, so it is rendered and mailed once.
     */
    private Optional<ReportOutcome> updatedEdition(DueReport report, DeliveryLedger ledger, Language language, long run, DuckDbMetricEngine engine)
            throws IOException {
        UpdatedEditions.Latest latest = UpdatedEditions.latest(ledger, report.key());
        if (mail.enabled() ? latest.entry().mails().isEmpty() : false) {
            return Optional.empty(); // not delivered yet: the delivery step sends the edition it has
        }
        ReportSpec spec = report.spec().withPeriods(new PeriodChoice.Fixed(report.a(), report.b()));
        ReportRequest request = new ReportRequest(spec, language, report.dueOn(), ZonedDateTime.now(clock), UnitBasis.SUCCESSOR);
        ReportContent content = Reports.collect(engine, schemas, metrics, request, lake.snapshot());
        List<UpdatedEditions.Change> changes = UpdatedEditions.changes(latest.entry(), content.comparison());
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        int edition = latest.updates() + 1;
        UpdatedEditions.Reasons reasons = UpdatedEditions.reasons(warehouse, latest.entry().renderedAt(),
                content.comparison().rows().stream().map(r -> r.metric().recordType()).collect(java.util.stream.Collectors.toSet()));
        ReportSpec titled = spec.withTitle(UpdatedEditions.title(spec.title(), edition));
        ReportContent updated = new ReportContent(new ReportRequest(titled, request.language(), request.asOf(), request.madeAt(), request.basis()), content.a(), content.b(), content.unit(), content.freshness(),
                content.span(), content.comparison(), content.recordTypes(), content.notes(), content.charts(), content.assessment())
                .withNotesFirst(UpdatedEditions.notes(changes, reasons, latest.entry(), language, clock.getZone()));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        int pages = Reports.pdf(updated, pdf);
        String key = UpdatedEditions.key(report.key(), edition);
        Path file = outbox.resolve(report.fileName().replaceFirst("\\.pdf$", "_cap-nhat-" + edition + ".pdf"));
        Lake.writeAtomically(file, pdf.toByteArray());
        List<DeliveryLedger.Figure> figures = new ArrayList<>();
        for (Comparison.Row row : content.comparison().rows()) {
            figures.add(new DeliveryLedger.Figure(row.metric().id(), row.metric().label().in(language), row.a(), row.b()));
        }
        ledger.rendered(new DeliveryLedger.Entry(key, spec.id(), report.a().id(), report.b().id(), spec.unit(), titled.title().in(language),
                content.periodPhrase(), report.a().label(language), report.b().label(language), content.unit().name(), language.code(),
                file.getFileName().toString(), Lake.sha256(file), pages, clock.instant(), run, figures, content.freshness().files(),
                content.freshness().records(), content.freshness().lastIngest().orElse(null), List.of()));
        log.info("rendered updated edition {} of {} ({} figures changed) into {}", edition, report.key(), changes.size(), file);
        return Optional.of(new ReportOutcome(report.spec().id(), key, List.of(report.a().id(), report.b().id()), report.dueOn(),
                updated.fullTitle(), ReportOutcome.Status.RENDERED, file.toString(), pages,
                changes.size() + (changes.size() == 1 ? " figure" : " figures") + " changed since the edition of "
                        + NightlySummary.when(latest.entry().renderedAt(), clock.getZone()) + ": " + reasons.english()));
    }

    private static String waiting(DueReport report, Optional<DateSpan> span) {
        if (span.isEmpty()) {
            return "the warehouse holds no record yet: it is rendered once registers are ingested";
        }
        List<String> missing = java.util.stream.Stream.of(report.a(), report.b()).distinct()
                .filter(p -> !DueReport.reaches(p, span.get())).map(vn.inspection.pipeline.period.Period::id).toList();
        return "the records (" + span.get().first() + " to " + span.get().last() + ") do not reach " + String.join(" or ", missing)
                + " yet: it is rendered once they do (pipeline.nightly.wait-for-data=false renders it now)";
    }

    private static ReportOutcome outcome(DueReport report, ReportOutcome.Status status, String title, Path file, Integer pages, String note) {
        return new ReportOutcome(report.spec().id(), report.key(), List.of(report.a().id(), report.b().id()), report.dueOn(),
                title, status, file == null ? null : file.toString(), pages, note);
    }

    /** Some due report could not be rendered; the others were. */
    static final class RenderFailedException extends RuntimeException {
        private final List<ReportOutcome> outcomes;

        RenderFailedException(String message, List<ReportOutcome> outcomes) {
            super(message);
            this.outcomes = List.copyOf(outcomes);
        }

        List<ReportOutcome> outcomes() {
            return outcomes;
        }
    }
}
