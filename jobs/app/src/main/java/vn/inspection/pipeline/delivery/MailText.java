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
 * ({@link VietnameseNumbers}: 2.528; +5,8%). The body is sent twice: as plain text, and as HTML where
 * {@code {figures}} is a table of the key figures followed by the main chart, an inline image ({@code cid:}).
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

    /**
     * The body as HTML: the template's paragraphs (text escaped), {@code {figures}} as the table of the key figures
     * and the chart (an {@code <img>} of {@code cid:chartCid}); without {@code {figures}} in the template, the table and
     * the chart follow the text.
     */
    public String html(DeliveryLedger.Entry entry, ZoneId zone, String chartCid) {
        String marker = "\u0000figures\u0000";
        String filled = fill(body.replace("{figures}", marker), entry, zone);
        String figures = table(entry) + "\n<p><img src=\"cid:" + escape(chartCid) + "\" alt=\"" + escape(chartTitle(entry))
                + "\" style=\"max-width:100%;height:auto\" width=\"600\"></p>\n";
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(Language.parse(entry.language()) == Language.VI ? "vi" : "en").append("\">\n<head>")
                .append("<meta charset=\"UTF-8\"><title>").append(escape(subject(entry, zone))).append("</title></head>\n")
                .append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a;line-height:1.45\">\n");
        boolean placed = false;
        for (String paragraph : filled.strip().split("\\R\\s*\\R")) {
            if (paragraph.contains(marker)) {
                String[] parts = paragraph.split(marker, -1);
                for (int i = 0; i < parts.length; i++) {
                    if (!parts[i].isBlank()) {
                        html.append("<p>").append(lines(parts[i].strip())).append("</p>\n");
                    }
                    if (i < parts.length - 1) {
                        html.append(figures);
                        placed = true;
                    }
                }
            } else {
                html.append("<p>").append(lines(paragraph.strip())).append("</p>\n");
            }
        }
        if (!placed) {
            html.append(figures);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** The title of the mail's chart: the figures of the period reported on against the earlier one. */
    public String chartTitle(DeliveryLedger.Entry entry) {
        return (Language.parse(entry.language()) == Language.VI ? "Một số kết quả chủ yếu: " : "Key figures: ") + entry.periods();
    }

    /** The configured figures the report has, in the configured order. */
    public List<DeliveryLedger.Figure> shown(DeliveryLedger.Entry entry) {
        List<DeliveryLedger.Figure> list = new ArrayList<>();
        for (String metric : figures) {
            entry.figure(metric).ifPresent(list::add);
        }
        return list;
    }

    /** The key figures as an HTML table: metric, A, B, the change and the change in percent. */
    String table(DeliveryLedger.Entry entry) {
        Language language = Language.parse(entry.language());
        boolean vi = language == Language.VI;
        VietnameseNumbers numbers = new VietnameseNumbers(language);
        String cell = "padding:4px 8px;border-bottom:1px solid #d4d4d4;";
        String right = cell + "text-align:right;white-space:nowrap;";
        StringBuilder t = new StringBuilder("<table style=\"border-collapse:collapse;margin:8px 0\">\n<tr style=\"background:#edf1f6\">");
        for (String head : List.of(vi ? "Chỉ tiêu" : "Metric", entry.labelA(), entry.labelB(), vi ? "Tăng/giảm" : "Change", vi ? "Tỷ lệ %" : "Change %")) {
            t.append("<th style=\"").append(head.equals(vi ? "Chỉ tiêu" : "Metric") ? cell + "text-align:left;" : right).append("\">")
                    .append(escape(head)).append("</th>");
        }
        t.append("</tr>\n");
        for (DeliveryLedger.Figure f : shown(entry)) {
            t.append("<tr><td style=\"").append(cell).append("\">").append(escape(f.label())).append("</td>")
                    .append("<td style=\"").append(right).append("\">").append(numbers.count(f.a())).append("</td>")
                    .append("<td style=\"").append(right).append("font-weight:bold;\">").append(numbers.count(f.b())).append("</td>")
                    .append("<td style=\"").append(right).append("\">").append(numbers.signed(f.b() - f.a())).append("</td>")
                    .append("<td style=\"").append(right).append("\">").append(numbers.percent(change(f.a(), f.b()))).append("</td></tr>\n");
        }
        return t.append("</table>").toString();
    }

    private static String lines(String text) {
        return escape(text).replaceAll("\\R", "<br>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
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
