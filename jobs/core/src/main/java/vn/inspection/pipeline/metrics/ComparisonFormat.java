package vn.inspection.pipeline.metrics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.text.SpreadsheetCsv;
import vn.inspection.pipeline.text.VietnameseNumbers;

/**
 * A comparison as the {@code compare} command prints it, whatever the engine: an aligned table for people
 * (Vietnamese number format), one JSON document, or CSV. The JSON document is
 * {@code {"periods":[{"id","label","from","to"}],"unit":null|{"code","name"},"engine","metrics":[{"id","label",
 * "values":[a,b],"delta","change_pct"}],"notes":[…]}}.
 *
 * @param comparison the figures
 * @param unitName   the name of the unit compared, or null for all units
 * @param notes      what a reader must know about the figures (a period with no record in the lake …); may be empty
 * @param language   labels and number format
 */
public record ComparisonFormat(Comparison comparison, String unitName, List<String> notes, Language language) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LABEL_WIDTH = 52;

    public ComparisonFormat {
        notes = List.copyOf(notes);
    }

    /** The notes for periods the data does not reach: none of them has a record, whatever the filters. */
    public static List<String> coverageNotes(Comparison comparison, java.util.Optional<DateSpan> span, Language language) {
        List<String> notes = new ArrayList<>();
        boolean vi = language == Language.VI;
        for (Period period : List.of(comparison.a(), comparison.b()).stream().distinct().toList()) {
            boolean outside = span.isEmpty() || period.to().isBefore(span.get().first()) || period.from().isAfter(span.get().last());
            if (!outside) {
                continue;
            }
            String label = period.label(language);
            if (span.isEmpty()) {
                notes.add(vi ? "Kho dữ liệu chưa có bản ghi nào: mọi số liệu của " + label + " bằng 0."
                        : "The warehouse holds no record yet: every figure of " + label + " is 0.");
            } else {
                String from = Period.range(span.get().first(), span.get().last()).label(language);
                notes.add(vi ? "Kho dữ liệu không có bản ghi nào trong " + label + " (dữ liệu hiện có: " + lower(from) + "): các số liệu của kỳ này bằng 0."
                        : "The warehouse holds no record in " + label + " (the data covers " + lower(from) + "): its figures are 0.");
            }
        }
        return notes;
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** The table a person reads, with a title line and the notes under it. */
    public String table() {
        VietnameseNumbers numbers = new VietnameseNumbers(language);
        boolean vi = language == Language.VI;
        String a = comparison.a().label(language);
        String b = comparison.b().label(language);
        StringBuilder out = new StringBuilder();
        out.append(vi ? "So sánh " : "Comparing ").append(b).append(vi ? " với " : " with ").append(a).append(" — ")
                .append(comparison.unitCode() == null ? (vi ? "toàn bộ các đơn vị" : "all units") : comparison.unitCode() + " " + unitName)
                .append(" (").append(comparison.engine()).append(")\n");
        int width = Math.max(a.length(), b.length()) + 2;
        String row = "%-" + LABEL_WIDTH + "s %" + width + "s %" + width + "s %10s %9s%n";
        out.append(String.format(row, vi ? "CHỈ TIÊU" : "METRIC", a, b, vi ? "TĂNG/GIẢM" : "CHANGE", "%"));
        for (Comparison.Row r : comparison.rows()) {
            String label = r.metric().label().in(language);
            out.append(String.format(row, label.length() > LABEL_WIDTH ? label.substring(0, LABEL_WIDTH - 1) + "…" : label,
                    numbers.count(r.a()), numbers.count(r.b()), numbers.signed(r.delta()), numbers.percent(r.changePercent())));
        }
        for (String note : notes) {
            out.append(vi ? "Lưu ý: " : "Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    /** Exactly one JSON document. */
    public String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        List<Map<String, Object>> periodList = new ArrayList<>();
        for (Period p : List.of(comparison.a(), comparison.b())) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("id", p.id());
            period.put("label", p.label(language));
            period.put("from", p.from().toString());
            period.put("to", p.to().toString());
            periodList.add(period);
        }
        document.put("periods", periodList);
        Map<String, Object> unitDocument = null;
        if (comparison.unitCode() != null) {
            unitDocument = new LinkedHashMap<>();
            unitDocument.put("code", comparison.unitCode());
            unitDocument.put("name", unitName);
        }
        document.put("unit", unitDocument);
        document.put("engine", comparison.engine());
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (Comparison.Row row : comparison.rows()) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("id", row.metric().id());
            metric.put("label", row.metric().label().in(language));
            metric.put("values", List.of(row.a(), row.b()));
            metric.put("delta", row.delta());
            metric.put("change_pct", row.changePercent());
            metrics.add(metric);
        }
        document.put("metrics", metrics);
        document.put("notes", notes);
        try {
            return JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV with a header row: metric_id, label, the two period ids, delta, change_pct (plain numbers). */
    public String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            // spreadsheet-safe cells (SpreadsheetCsv): a label cannot become a formula; a negative delta stays a number
            printer.printRecord(SpreadsheetCsv.row(List.of("metric_id", "label", comparison.a().id(), comparison.b().id(), "delta", "change_pct")));
            for (Comparison.Row row : comparison.rows()) {
                printer.printRecord(SpreadsheetCsv.row(java.util.Arrays.asList(row.metric().id(), row.metric().label().in(language), row.a(), row.b(),
                        row.delta(), row.changePercent() == null ? "" : row.changePercent().toPlainString())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
