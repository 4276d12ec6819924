package vn.inspection.pipeline.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.period.PeriodKind;
import vn.inspection.pipeline.schema.Label;
import vn.inspection.pipeline.text.Language;

/**
 * The written assessment of a report, from templates kept in the report spec (data, not code). A template is a
 * sentence with placeholders:
 * <ul>
 * <li>{@code {period_a}}, {@code {period_b}}: the periods ("6 tháng đầu năm 2014"); {@code {compared}}: what B is
 * compared with ("cùng kỳ" for the same period a year before, "năm 2013" for the year before, else A's label);
 * {@code {unit}}: the unit reported on</li>
 * <li>{@code {b:METRIC}}, {@code {a:METRIC}}: a metric's count in B, in A ("2.528")</li>
 * <li>{@code {change:METRIC}}: its change said in words by the spec's change phrases ("tăng 5,5% so với cùng kỳ",
 * "giảm 3 so với cùng kỳ", "bằng cùng kỳ", "cùng kỳ không có")</li>
 * <li>{@code {most:METRIC}}: the (at most three) subordinate units with the highest count in B,
 * "Đảng bộ A (12), Đảng bộ B (9)"; {@code {rise:METRIC}}: those whose count rose most, "Đảng bộ A (tăng 12)"</li>
 * </ul>
 * A paragraph whose unit list is empty says its {@code otherwise} text (or nothing); one whose metrics are all 0 in
 * both periods says its {@code zero} text (or nothing).
 */
public final class Assessment {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)(?::([a-z]+(?:\\.[a-z]+)+))?}");
    private static final Set<String> PLAIN = Set.of("period_a", "period_b", "compared", "unit");
    private static final Set<String> OF_METRIC = Set.of("a", "b", "change", "most", "rise");
    private static final Set<String> CHANGE = Set.of("percent", "diff", "compared");
    /** Units named in a {most:…} or {rise:…} list at the most. */
    static final int STANDOUTS = 3;

    private Assessment() {
    }

    /**
     * One paragraph of the assessment.
     *
     * @param text      the sentence(s) with placeholders
     * @param otherwise said instead when a unit list ({most:…}, {rise:…}) is empty; null: the paragraph is left out
     * @param zero      said instead when every metric it names is 0 in both periods; null: the text is said as is
     */
    public record Paragraph(Label text, Label otherwise, Label zero) {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }

        /** The metrics its templates name, in order. */
        public List<String> metricIds() {
            Set<String> ids = new LinkedHashSet<>();
            for (Label label : new Label[] {text, otherwise, zero}) {
                if (label != null) {
                    for (String t : List.of(label.vi(), label.en())) {
                        Matcher m = PLACEHOLDER.matcher(t);
                        while (m.find()) {
                            if (m.group(2) != null) {
                                ids.add(m.group(2));
                            }
                        }
                    }
                }
            }
            return List.copyOf(ids);
        }

        /** The metrics whose subordinate units the templates list ({most:…}, {rise:…}). */
        public List<String> unitMetricIds() {
            Set<String> ids = new LinkedHashSet<>();
            for (String t : List.of(text.vi(), text.en())) {
                Matcher m = PLACEHOLDER.matcher(t);
                while (m.find()) {
                    if (("most".equals(m.group(1)) || "rise".equals(m.group(1))) && m.group(2) != null) {
                        ids.add(m.group(2));
                    }
                }
            }
            return List.copyOf(ids);
        }
    }

    /**
     * How a change is said, each with {@code {percent}} (unsigned, "5,5%"), {@code {diff}} (unsigned, "22") and
     * {@code {compared}}.
     *
     * @param up     B above A ("tăng {percent} so với {compared}")
     * @param down   B below A ("giảm {percent} so với {compared}")
     * @param same   B equal to A ("bằng {compared}")
     * @param noBase A is 0 and B is not: no percentage ("{compared} không có")
     * @param rise   after a unit's name in a {rise:…} list ("tăng {diff}")
     */
    public record Change(Label up, Label down, Label same, Label noBase, Label rise) {
        public static final Change DEFAULT = new Change(
                new Label("tăng {percent} so với {compared}", "up {percent} on {compared}"),
                new Label("giảm {percent} so với {compared}", "down {percent} on {compared}"),
                new Label("bằng {compared}", "the same as {compared}"),
                new Label("{compared} không có", "none in {compared}"),
                new Label("tăng {diff}", "up {diff}"));

        public Change {
            Objects.requireNonNull(up, "up");
            Objects.requireNonNull(down, "down");
            Objects.requireNonNull(same, "same");
            Objects.requireNonNull(noBase, "noBase");
            Objects.requireNonNull(rise, "rise");
        }
    }

    /**
     * Checks a template when the spec is read.
     *
     * @return null when it is right, else what is wrong
     */
    static String check(String template, MetricCatalog metrics, boolean change) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            String metric = m.group(2);
            if (change) {
                if (metric != null || !CHANGE.contains(name)) {
                    return "a change phrase uses {percent}, {diff} and {compared}, not " + m.group();
                }
                continue;
            }
            if (metric == null && !PLAIN.contains(name) || metric != null && !OF_METRIC.contains(name)) {
                return "unknown placeholder " + m.group() + ": use {period_a}, {period_b}, {compared}, {unit}, or {a:…}, {b:…}, {change:…}, "
                        + "{most:…}, {rise:…} with a metric id";
            }
            if (metric != null && metrics.metric(metric).isEmpty()) {
                return "unknown metric '" + metric + "' in " + m.group() + " (list them with: pipeline metrics)";
            }
        }
        String stray = PLACEHOLDER.matcher(template).replaceAll("");
        if (stray.contains("{") || stray.contains("}")) {
            return "a brace that is not a placeholder: write placeholders as {b:inspection.orgs}";
        }
        return null;
    }

    /** A subordinate unit's counts in A and B, for the unit lists. */
    record UnitCount(String name, long a, long b) {
    }

    /** What the templates are filled from. */
    record Figures(Language language, Period a, Period b, String unit, Map<String, Comparison.Row> rows, Map<String, List<UnitCount>> units) {
    }

    /** The paragraphs of an assessment section, filled. */
    static List<String> write(Section.Assessment section, Figures figures) {
        List<String> out = new ArrayList<>();
        for (Paragraph paragraph : section.paragraphs()) {
            String filled = paragraph(paragraph, section.change(), figures);
            if (filled != null && !filled.isBlank()) {
                out.add(filled);
            }
        }
        return out;
    }

    private static String paragraph(Paragraph paragraph, Change change, Figures f) {
        List<String> ids = paragraph.metricIds();
        boolean allZero = !ids.isEmpty() && ids.stream().allMatch(id -> f.rows().containsKey(id) && f.rows().get(id).a() == 0 && f.rows().get(id).b() == 0);
        if (allZero && paragraph.zero() != null) {
            return fill(paragraph.zero().in(f.language()), change, f);
        }
        String template = paragraph.text().in(f.language());
        boolean emptyList = paragraph.unitMetricIds().stream().anyMatch(id -> template.contains("{most:" + id + "}")
                && f.units().getOrDefault(id, List.of()).stream().noneMatch(u -> u.b() > 0)
                || template.contains("{rise:" + id + "}") && rising(f.units().get(id)).isEmpty());
        if (emptyList) {
            return paragraph.otherwise() == null ? null : fill(paragraph.otherwise().in(f.language()), change, f);
        }
        return fill(template, change, f);
    }

    private static String fill(String template, Change change, Figures f) {
        ReportText text = new ReportText(f.language());
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String id = m.group(2);
            String value = switch (name) {
                case "period_a" -> ReportText.lowerFirst(f.a().label(f.language()));
                case "period_b" -> ReportText.lowerFirst(f.b().label(f.language()));
                case "compared" -> compared(f);
                case "unit" -> f.unit();
                case "a" -> text.numbers.count(row(f, id).a());
                case "b" -> text.numbers.count(row(f, id).b());
                case "change" -> change(row(f, id), change, f);
                case "most" -> most(f.units().getOrDefault(id, List.of()), text);
                case "rise" -> rise(f.units().getOrDefault(id, List.of()), change, f);
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String s = out.toString().strip();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Comparison.Row row(Figures f, String id) {
        Comparison.Row row = f.rows().get(id);
        if (row == null) {
            throw new IllegalStateException("metric " + id + " was not compared");
        }
        return row;
    }

    /** "cùng kỳ" (the same period a year before), "năm 2013" (the year before), else A's label. */
    static String compared(Figures f) {
        boolean lastYear = f.b().kind() != PeriodKind.TERM && f.a().equals(f.b().previousYear());
        boolean vi = f.language() == Language.VI;
        if (lastYear && f.b().kind() == PeriodKind.YEAR) {
            return (vi ? "năm " : "") + f.a().from().getYear();
        }
        if (lastYear) {
            return vi ? "cùng kỳ" : "the same period of " + f.a().from().getYear();
        }
        return ReportText.lowerFirst(f.a().label(f.language()));
    }

    /** The change said in words: "tăng 5,5% so với cùng kỳ", "bằng cùng kỳ", "cùng kỳ không có". */
    static String change(Comparison.Row row, Change change, Figures f) {
        ReportText text = new ReportText(f.language());
        Label phrase;
        if (row.a() == row.b()) {
            phrase = change.same();
        } else if (row.a() == 0) {
            phrase = change.noBase();
        } else {
            phrase = row.b() > row.a() ? change.up() : change.down();
        }
        BigDecimal percent = row.changePercent();
        String p = percent == null ? "" : text.numbers.decimal(percent.abs().doubleValue()) + "%";
        return phrase.in(f.language()).replace("{percent}", p).replace("{diff}", text.numbers.count(Math.abs(row.delta())))
                .replace("{compared}", compared(f));
    }

    private static String most(List<UnitCount> units, ReportText text) {
        return String.join(", ", units.stream().filter(u -> u.b() > 0)
                .sorted(Comparator.comparingLong((UnitCount u) -> -u.b()).thenComparing(UnitCount::name))
                .limit(STANDOUTS).map(u -> u.name() + " (" + text.numbers.count(u.b()) + ")").toList());
    }

    private static List<UnitCount> rising(List<UnitCount> units) {
        return units == null ? List.of() : units.stream().filter(u -> u.b() > u.a())
                .sorted(Comparator.comparingLong((UnitCount u) -> u.a() - u.b()).thenComparing(UnitCount::name)).limit(STANDOUTS).toList();
    }

    private static String rise(List<UnitCount> units, Change change, Figures f) {
        ReportText text = new ReportText(f.language());
        return String.join(", ", rising(units).stream().map(u -> u.name() + " (" + change.rise().in(f.language())
                .replace("{diff}", text.numbers.count(u.b() - u.a())).replace("{percent}", "").replace("{compared}", compared(f)) + ")").toList());
    }
}
