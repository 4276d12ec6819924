package vn.inspection.pipeline.delivery;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.text.VietnameseNumbers;

/**
 * The subject and body of a report's mail, from the configured templates ({@code pipeline.delivery.mail.subject},
 * {@code .body}) with {@code {placeholder}}s filled from the delivery ledger's entry, numbers in the report's language
 * ({@link VietnameseNumbers}: 2.528; +5,8%).
 */
public final class MailText {
    /** Every placeholder a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("title", "periods", "period_a", "period_b", "unit", "file", "pages", "figures",
            "files", "records", "last_ingest", "made", "report");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final String subject;
    private final String body;
    private final List<String> figures;

    /**
     * @throws IllegalArgumentException when a template names a placeholder that does not exist
     */
    public MailText(String subject, String body, List<String> figures) {
        check("pipeline.delivery.mail.subject", subject);
        check("pipeline.delivery.mail.body", body);
        this.subject = subject;
        this.body = body;
        this.figures = List.copyOf(figures);
    }

    private static void check(String key, String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException(key + " uses {" + m.group(1) + "}, which is not a placeholder: use "
                        + String.join(", ", PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList()));
            }
        }
    }

    /** The subject of an entry's mail, on one line. */
    public String subject(DeliveryLedger.Entry entry, ZoneId zone) {
        return fill(subject, entry, zone).replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The body of an entry's mail. */
    public String body(DeliveryLedger.Entry entry, ZoneId zone) {
        return fill(body, entry, zone);
    }

    /** "- Tổ chức đảng được kiểm tra: 423 (6 tháng đầu năm 2013: 400; +5,8%)", one line per configured metric the report has. */
    public String figures(DeliveryLedger.Entry entry) {
        Language language = Language.parse(entry.language());
        VietnameseNumbers numbers = new VietnameseNumbers(language);
        List<String> lines = new ArrayList<>();
        for (String metric : figures) {
            entry.figure(metric).ifPresent(f -> lines.add("- " + f.label() + ": " + numbers.count(f.b()) + " (" + entry.labelA() + ": "
                    + numbers.count(f.a()) + "; " + numbers.percent(change(f.a(), f.b())) + ")"));
        }
        return String.join("\n", lines);
    }

    /** The change in percent as the report computes it (one decimal, half-up; null when A is 0). */
    private static BigDecimal change(long a, long b) {
        return new vn.inspection.pipeline.metrics.Comparison.Row(null, a, b).changePercent();
    }

    private String fill(String template, DeliveryLedger.Entry entry, ZoneId zone) {
        VietnameseNumbers numbers = new VietnameseNumbers(Language.parse(entry.language()));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", entry.title());
        values.put("periods", entry.periods());
        values.put("period_a", entry.labelA());
        values.put("period_b", entry.labelB());
        values.put("unit", entry.unitName());
        values.put("file", entry.file());
        values.put("pages", String.valueOf(entry.pages()));
        values.put("figures", figures(entry));
        values.put("files", numbers.count(entry.files()));
        values.put("records", numbers.count(entry.records()));
        values.put("last_ingest", entry.lastIngest() == null ? "\u2013" : MOMENT.format(entry.lastIngest().atZone(zone)));
        values.put("made", DAY.format(entry.renderedAt().atZone(zone)));
        values.put("report", entry.report());
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
