package vn.inspection.pipeline.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import vn.inspection.pipeline.report.chart.Charts;
import vn.inspection.pipeline.text.Language;

/**
 * Mails a rendered report, as report subscriptions do: an HTML body with the key figures' table and the main chart
 * inline (a PNG referenced by {@code cid:}), the same text as plain text for clients that show no HTML, and the PDF
 * attached ({@code multipart/mixed} of a {@code multipart/related} holding the {@code multipart/alternative} and the
 * image, then the PDF). The subject and body come from {@link MailText}; the mail goes to the configured recipients,
 * through the {@code JavaMailSender} Spring Boot configures from {@code spring.mail.*}. An SMTP error that may pass (the
 * server down or busy) is retried with exponential backoff ({@link RetryTemplate}); a wrong password or an address the
 * server refuses is not. The Message-ID is derived from the report and the recipients, so a mail sent again after a
 * crash is recognisably the same mail.
 */
public final class MailDelivery {
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JavaMailSender sender;
    private final DeliveryProperties.Mail settings;
    private MailText text;
    private final Clock clock;
    private final RetryTemplate retry;

    /** @param sender the mail sender, or null when no mail server is configured ({@code spring.mail.host} unset) */
    public MailDelivery(JavaMailSender sender, DeliveryProperties.Mail settings, Clock clock) {
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        DeliveryProperties.Retry r = settings.retry();
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(r.maxRetries())
                .delay(r.delay())
                .multiplier(r.multiplier())
                .maxDelay(r.maxDelay())
                .predicate(MailDelivery::mayPass)
                .build();
        this.retry = new RetryTemplate(policy);
        this.retry.setRetryListener(new RetryListener() {
            @Override
            public void onRetryFailure(RetryPolicy retryPolicy, Retryable<?> retryable, Throwable throwable) {
                // the log keeps each attempt; the user is told once, when the retries are spent
                log.info("sending {} failed ({}); retrying", retryable.getName(), vn.inspection.pipeline.system.Errors.describe(throwable));
            }
        });
    }

    /**
     * Checks the configuration before a run relies on it.
     *
     * @throws IllegalArgumentException (a configuration error, said in words) when recipients are configured but no
     *                                  mail server or no sender address, an address is not one, or a template names an
     *                                  unknown placeholder
     */
    public void validate() {
        text();
        if (!settings.enabled()) {
            return;
        }
        if (sender == null) {
            throw new IllegalArgumentException("pipeline.delivery.mail.to names recipients but no mail server is configured: set spring.mail.host "
                    + "(and spring.mail.port, spring.mail.username, spring.mail.password), or clear pipeline.delivery.mail.to to deliver to the outbox only");
        }
        if (from().isEmpty()) {
            throw new IllegalArgumentException("pipeline.delivery.mail.from is not set: give the address the reports are mailed from");
        }
        for (String address : settings.to()) {
            try {
                new jakarta.mail.internet.InternetAddress(address, true);
            } catch (jakarta.mail.internet.AddressException e) {
                throw new IllegalArgumentException("pipeline.delivery.mail.to: '" + address + "' is not an e-mail address (" + e.getMessage() + ")");
            }
        }
    }

    /** Whether mail is on (recipients configured); off, the outbox is the delivery. */
    public boolean enabled() {
        return settings.enabled();
    }

    /** The recipients as the ledger keys them. */
    public String recipientsKey() {
        return DeliveryLedger.recipientsKey(settings.to());
    }

    public List<String> recipients() {
        return settings.to();
    }

    /** The subject and body templates. */
    public synchronized MailText text() {
        if (text == null) {
            text = new MailText(settings.subject(), settings.body(), settings.figures());
        }
        return text;
    }

    /**
     * Sends the report's mail, retrying what may pass.
     *
     * @return the Message-ID and when the server accepted it
     * @throws DeliveryException saying to whom, through which server, how many attempts, and why it failed
     */
    public DeliveryLedger.Mailing send(DeliveryLedger.Entry entry, Path pdf, long run) throws DeliveryException {
        String messageId = messageId(entry);
        Instant started = clock.instant();
        try {
            retry.execute(new Retryable<Void>() {
                @Override
                public Void execute() throws MessagingException {
                    sender.send(message(entry, pdf, messageId));
                    return null;
                }

                @Override
                public String getName() {
                    return "the mail of " + entry.file();
                }
            });
        } catch (RetryException e) {
            Throwable last = e.getLastException() == null ? e.getCause() : e.getLastException();
            int attempts = e.getRetryCount() + 1;
            throw new DeliveryException(entry.file(), String.join(", ", settings.to()) + " through " + server() + " ("
                    + attempts + (attempts == 1 ? " attempt" : " attempts over " + seconds(Duration.between(started, clock.instant()))) + ")",
                    reason(last), advice(last), mayPass(last), last);
        }
        log.info("mailed {} to {} ({})", entry.file(), String.join(", ", settings.to()), messageId);
        return new DeliveryLedger.Mailing(recipientsKey(), clock.instant(), messageId, run);
    }

    private MimeMessage message(DeliveryLedger.Entry entry, Path pdf, String messageId) throws MessagingException {
        MimeMessage message = sender instanceof JavaMailSenderImpl impl ? new FixedIdMessage(impl.getSession(), messageId) : sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, StandardCharsets.UTF_8.name());
        helper.setFrom(from().orElseThrow());
        helper.setTo(settings.to().toArray(String[]::new));
        helper.setSubject(text().subject(entry, clock.getZone()));
        helper.setText(text().body(entry, clock.getZone()), text().html(entry, clock.getZone(), CHART_ID));
        // the inline image after the text: the related part's first part is the one a client shows
        helper.addInline(CHART_ID, new ByteArrayResource(chart(entry)), "image/png");
        helper.setSentDate(java.util.Date.from(clock.instant()));
        helper.addAttachment(entry.file(), new FileSystemResource(pdf), "application/pdf");
        return message;
    }

    /** The Content-ID of the mail's chart. */
    static final String CHART_ID = "bieu-do-ket-qua@inspection-pipeline";

    /**
     * The mail's chart: the key figures in A and B as bars. Figures below {@link Charts#SCALE_SPLIT 1/25} of the largest
     * (bars that could not be seen) are left to the table.
     */
    byte[] chart(DeliveryLedger.Entry entry) {
        List<DeliveryLedger.Figure> figures = text().shown(entry);
        long max = figures.stream().mapToLong(f -> Math.max(f.a(), f.b())).max().orElse(0);
        List<DeliveryLedger.Figure> large = figures.stream().filter(f -> max == 0 || Math.max(f.a(), f.b()) * Charts.SCALE_SPLIT >= max).toList();
        long[][] values = new long[2][large.size()];
        for (int i = 0; i < large.size(); i++) {
            values[0][i] = large.get(i).a();
            values[1][i] = large.get(i).b();
        }
        return new Charts(Language.parse(entry.language())).groupedBarsPng(text().chartTitle(entry),
                large.stream().map(DeliveryLedger.Figure::label).toList(), List.of(entry.labelA(), entry.labelB()), values,
                vn.inspection.pipeline.report.ChartData.WIDTH);
    }

    private Optional<String> from() {
        if (settings.from() != null && !settings.from().isBlank()) {
            return Optional.of(settings.from().strip());
        }
        if (sender instanceof JavaMailSenderImpl impl && impl.getUsername() != null && impl.getUsername().contains("@")) {
            return Optional.of(impl.getUsername());
        }
        return Optional.empty();
    }

    /** {@code <hash of report and recipients>@inspection-pipeline}: the same mail has the same id. */
    String messageId(DeliveryLedger.Entry entry) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((entry.key() + "\n" + recipientsKey()).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "." + entry.report() + "@inspection-pipeline>";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String server() {
        return sender instanceof JavaMailSenderImpl impl ? impl.getHost() + ":" + (impl.getPort() > 0 ? impl.getPort() : 25) : "the mail server";
    }

    /** An error that may pass if tried again later: the server unreachable, busy, or failing for a while. */
    static boolean mayPass(Throwable e) {
        if (e instanceof MailAuthenticationException || !(e instanceof MailException)) {
            return false;
        }
        return !(e instanceof MailSendException send) || send.getMessageExceptions().length == 0
                || java.util.Arrays.stream(send.getMessageExceptions()).noneMatch(MailDelivery::refusedAddress);
    }

    private static boolean refusedAddress(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable e) {
        return vn.inspection.pipeline.system.Errors.describe(e);
    }

    private static String advice(Throwable e) {
        if (e instanceof MailAuthenticationException) {
            return "check spring.mail.username and spring.mail.password, then run the same command again";
        }
        if (e instanceof MailSendException send && java.util.Arrays.stream(send.getMessageExceptions()).anyMatch(MailDelivery::refusedAddress)) {
            return "check the addresses in pipeline.delivery.mail.to, then run the same command again";
        }
        return "check that the mail server is up and spring.mail.host and spring.mail.port, then run the same command again: it mails what is still unsent, once";
    }

    private static String seconds(Duration d) {
        return Math.max(1, Math.round(d.toMillis() / 1000.0)) + " s";
    }

    /** A message whose Message-ID is set, not generated when it is saved. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(jakarta.mail.Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    /**
     * A report that could not be mailed; the message says to whom, why and what to do. {@link #serverDown()}: the
     * server could not take any mail (unreachable, busy), so the other reports need not be tried now.
     */
    public static final class DeliveryException extends Exception {
        private final String file;
        private final String where;
        private final String reason;
        private final String advice;
        private final boolean serverDown;

        DeliveryException(String file, String where, String reason, String advice, boolean serverDown, Throwable cause) {
            super("could not mail " + file + " to " + where + ": " + reason + "; " + advice, cause);
            this.file = file;
            this.where = where;
            this.reason = reason;
            this.advice = advice;
            this.serverDown = serverDown;
        }

        public String file() {
            return file;
        }

        /** "a@x.vn through smtp.x.vn:587 (4 attempts over 65 s)". */
        public String where() {
            return where;
        }

        public String reason() {
            return reason;
        }

        public String advice() {
            return advice;
        }

        public boolean serverDown() {
            return serverDown;
        }
    }
}
