package vn.inspection.pipeline.nightly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.inspection.pipeline.delivery.DeliveryLedger;
import vn.inspection.pipeline.delivery.MailDelivery;

/**
 * Delivers the reports a night found due and in the outbox: with mail on, each is mailed to the configured recipients
 * unless the ledger says this recipient list already has it, and the ledger records each mail as soon as the server
 * accepts it; with mail off the outbox is the delivery. A mail that fails after its retries fails the step, after the
 * other reports were tried; the next run (a restart of this one, or a later night) sends what is still unsent.
 */
final class DeliverReports {
    private static final Logger log = LoggerFactory.getLogger(DeliverReports.class);

    private final MailDelivery bloc;
    private final Path outbox;
    private final java.util.function.Function<String, java.util.Optional<MailDelivery>> unitMail;

    DeliverReports(MailDelivery mail, Path outbox) {
        this(mail, outbox, unit -> java.util.Optional.empty());
    }

    /**
     * @param unitMail the mail of a unit's own report (to the unit's addresses), empty when the unit has none or no mail
     *                 server is configured: then the outbox is its delivery
     */
    DeliverReports(MailDelivery mail, Path outbox, java.util.function.Function<String, java.util.Optional<MailDelivery>> unitMail) {
        this.bloc = mail;
        this.outbox = outbox;
        this.unitMail = unitMail;
    }

    /** Delivers; throws, after trying every report, when some mail could not be sent, with the outcomes so far. */
    List<DeliveryOutcome> deliver(List<ReportOutcome> reports, long run) throws Exception {
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        List<ReportOutcome> inOutbox = reports.stream().filter(ReportOutcome::inOutbox).toList();
        if (inOutbox.isEmpty()) {
            return outcomes;
        }
        bloc.validate();
        DeliveryLedger ledger = DeliveryLedger.load(outbox);
        List<MailDelivery.DeliveryException> failures = new ArrayList<>();
        MailDelivery.DeliveryException serverDown = null;
        for (ReportOutcome report : inOutbox) {
            DeliveryLedger.Entry entry = ledger.entry(report.key()).orElseThrow(() -> new IllegalStateException("report " + report.key()
                    + " is not in the delivery ledger " + ledger.file() + ": run the same command with --no-resume to render it again"));
            MailDelivery mail = entry.unit() == null ? bloc : unitMail.apply(entry.unit()).orElse(null);
            if (mail == null) {
                outcomes.add(new DeliveryOutcome(report.report(), report.key(), entry.file(), List.of(), DeliveryOutcome.Status.OUTBOX_ONLY, null,
                        "no mail for unit " + entry.unit() + " (no address in the units reference, or no mail server): the PDF is in " + outbox));
                continue;
            }
            if (mail != bloc) {
                try {
                    mail.validate();
                } catch (IllegalArgumentException e) {
                    // an address mistyped in the units reference: told, and the other units' reports go on
                    outcomes.add(new DeliveryOutcome(report.report(), report.key(), entry.file(), mail.recipients(), DeliveryOutcome.Status.FAILED, null,
                            "unit " + entry.unit() + " in the units reference: " + e.getMessage().replaceFirst("^pipeline\\.delivery\\.mail\\.to: ", "")));
                    continue;
                }
            }
            if (!mail.enabled()) {
                outcomes.add(new DeliveryOutcome(report.report(), report.key(), entry.file(), List.of(), DeliveryOutcome.Status.OUTBOX_ONLY, null,
                        "mail is off (no pipeline.delivery.mail.to): the PDF is in " + outbox));
                continue;
            }
            if (entry.mailedTo(mail.recipientsKey())) {
                DeliveryLedger.Mailing sent = entry.mails().stream().filter(m -> m.recipients().equals(mail.recipientsKey())).findFirst().orElseThrow();
                outcomes.add(new DeliveryOutcome(report.report(), report.key(), entry.file(), mail.recipients(), DeliveryOutcome.Status.ALREADY_SENT,
                        sent.messageId(), "mailed " + NightlySummary.when(sent.sentAt(), java.time.ZoneId.systemDefault()) + " by nightly run " + sent.run()));
                continue;
            }
            if (serverDown != null) {
                // the server could not take the last mail: the next run sends this one, without a minute of retries now
                outcomes.add(new DeliveryOutcome(report.report(), report.key(), entry.file(), mail.recipients(), DeliveryOutcome.Status.FAILED, null,
                        "not tried: the mail server could not take " + serverDown.file() + " (" + serverDown.reason() + ")"));
                continue;
            }
            try {
                DeliveryLedger.Mailing sent = mail.send(entry, outbox.resolve(entry.file()), run);
                ledger.mailed(report.key(), sent);
                outcomes.add(new DeliveryOutcome(report.report(), report.key(), entry.file(), mail.recipients(), DeliveryOutcome.Status.SENT,
                        sent.messageId(), null));
            } catch (MailDelivery.DeliveryException e) {
                log.error(vn.inspection.pipeline.system.Logging.TOLD, "cannot mail {}", entry.file(), e);
                failures.add(e);
                if (e.serverDown()) {
                    serverDown = e;
                }
                outcomes.add(new DeliveryOutcome(report.report(), report.key(), entry.file(), mail.recipients(), DeliveryOutcome.Status.FAILED, null,
                        e.getMessage()));
            }
        }
        if (!failures.isEmpty()) {
            throw new DeliveryFailedException(message(failures, outcomes), outcomes);
        }
        return outcomes;
    }

    /** One sentence per reason: "could not mail A (and 1 more report) to … : why; what to do". */
    private static String message(List<MailDelivery.DeliveryException> failures, List<DeliveryOutcome> outcomes) {
        long failed = outcomes.stream().filter(o -> o.status() == DeliveryOutcome.Status.FAILED).count();
        java.util.Map<String, List<MailDelivery.DeliveryException>> byReason = new java.util.LinkedHashMap<>();
        failures.forEach(f -> byReason.computeIfAbsent(f.reason() + "\n" + f.advice(), k -> new ArrayList<>()).add(f));
        List<String> sentences = new ArrayList<>();
        for (List<MailDelivery.DeliveryException> same : byReason.values()) {
            MailDelivery.DeliveryException first = same.get(0);
            long others = byReason.size() == 1 ? failed - 1 : same.size() - 1;
            sentences.add("could not mail " + first.file() + (others == 0 ? "" : " (and " + others + " more report" + (others == 1 ? "" : "s") + ")")
                    + " to " + first.where() + ": " + first.reason() + "; " + first.advice());
        }
        return String.join("; ", sentences);
    }

    /** Some report could not be mailed; the others were. */
    static final class DeliveryFailedException extends RuntimeException {
        private final List<DeliveryOutcome> outcomes;

        DeliveryFailedException(String message, List<DeliveryOutcome> outcomes) {
            super(message);
            this.outcomes = List.copyOf(outcomes);
        }

        List<DeliveryOutcome> outcomes() {
            return outcomes;
        }
    }
}
