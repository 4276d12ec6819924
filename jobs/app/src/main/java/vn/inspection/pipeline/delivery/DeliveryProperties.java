package vn.inspection.pipeline.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of report delivery ({@code pipeline.delivery.*}). The mail server itself is Spring Boot's
 * {@code spring.mail.*} (host, port, username, password, TLS in {@code spring.mail.properties.*}).
 *
 * @param mail who receives the reports, from whom, with what subject and body
 */
@ConfigurationProperties("pipeline.delivery")
public record DeliveryProperties(@DefaultValue Mail mail) {

    /** The subject when none is configured: the report's title and its periods. */
    public static final String DEFAULT_SUBJECT = "{title} \u2014 {periods}";

    /** The body when none is configured, in Vietnamese. */
    public static final String DEFAULT_BODY = """
            Kính gửi các đồng chí,

            Xin gửi kèm {title} — {periods} ({unit}), tệp {file} ({pages} trang).

            Một số kết quả chủ yếu ({period_b}; so với {period_a}):
            {figures}

            Số liệu lấy từ {files} tệp sổ theo dõi đã nhập ({records} bản ghi; lần nhập gần nhất: {last_ingest}); báo cáo lập ngày {made}.
            Thư này do hệ thống gửi tự động; xin đừng trả lời thư này.
            """;

    /** The metrics summed up in the body when none are configured: inspections, supervisions, disciplines, letters. */
    public static final List<String> DEFAULT_FIGURES = List.of("inspection.orgs", "inspection.members", "supervision.orgs",
            "supervision.members", "discipline.members", "complaint.received");

    /**
     * @param to       the recipients (comma-separated in a property or the environment); none: mail is off and the
     *                 outbox is the delivery
     * @param from     the sender address (default: {@code spring.mail.username} when it is an address)
     * @param subject  the subject template (default {@link #DEFAULT_SUBJECT})
     * @param body     the body template, plain text (default {@link #DEFAULT_BODY}); placeholders as in
     *                 {@link MailText#PLACEHOLDERS}
     * @param figures  the metrics whose values the body's {@code {figures}} lists (default {@link #DEFAULT_FIGURES})
     * @param retry    how an SMTP error is retried before the delivery step fails
     */
    public record Mail(List<String> to, String from, String subject, String body, List<String> figures, @DefaultValue Retry retry) {
        public Mail {
            to = to == null ? List.of() : to.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            subject = subject == null || subject.isBlank() ? DEFAULT_SUBJECT : subject;
            body = body == null || body.isBlank() ? DEFAULT_BODY : body;
            figures = figures == null || figures.isEmpty() ? DEFAULT_FIGURES : List.copyOf(figures);
        }

        /** Mail is on when some recipient is configured. */
        public boolean enabled() {
            return !to.isEmpty();
        }
    }

    /**
     * @param maxRetries retries after the first attempt (default 3)
     * @param delay      the wait before the first retry (default 5 s)
     * @param multiplier how much longer each next wait is (default 3)
     * @param maxDelay   the longest wait (default 2 min)
     */
    public record Retry(@DefaultValue("3") long maxRetries, @DefaultValue("5s") Duration delay, @DefaultValue("3") double multiplier,
                        @DefaultValue("2m") Duration maxDelay) {
    }
}
