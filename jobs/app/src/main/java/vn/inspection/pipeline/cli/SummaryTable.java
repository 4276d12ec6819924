package vn.inspection.pipeline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import vn.inspection.pipeline.ingest.IngestSummary;
import vn.inspection.pipeline.ingest.IngestSummary.FileSummary;
import vn.inspection.pipeline.ingest.IngestSummary.SheetSummary;

/** The readable summary of an ingest run: one line per file, one per sheet, totals, the rejects report. */
final class SummaryTable {
    private static final String ROW = "%-44s %-12s %10s %11s %9s%n";
    private final PrintStream out;

    SummaryTable(PrintStream out) {
        this.out = out;
    }

    void print(IngestSummary summary) {
        if (summary.files().isEmpty() && summary.note() != null) {
            out.println(summary.note().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + summary.note().substring(1) + ".");
            return;
        }
        out.printf(ROW, "FILE / SHEET", "RECORD TYPE", "ACCEPTED", "DUPLICATES", "REJECTED");
        for (FileSummary file : summary.files()) {
            String name = Path.of(file.path()).getFileName().toString();
            out.printf("%s  [%s]%s%n", name, file.status(), file.reason() == null ? "" : " " + file.reason());
            for (SheetSummary sheet : file.sheets()) {
                if (sheet.recordType() == null) {
                    out.printf("  %-42s %s%n", clip(sheet.sheet(), 42), "skipped: " + sheet.note());
                } else {
                    out.printf(ROW, "  " + clip(sheet.sheet(), 42), sheet.recordType(), fmt(sheet.accepted()), fmt(sheet.duplicates()), fmt(sheet.rejected()));
                }
            }
        }
        if (!summary.unitChanges().isEmpty()) {
            out.println();
            out.println("UNITS REFERENCE");
            List<String> added = summary.unitChanges().stream().filter(c -> c.changes().contains("ADDED")).map(IngestSummary.UnitChange::code).toList();
            if (!added.isEmpty()) {
                out.printf("  %d unit%s added: %s%n", added.size(), added.size() == 1 ? "" : "s", String.join(", ", added));
            }
            summary.unitChanges().stream().filter(c -> !c.changes().contains("ADDED"))
                    .forEach(c -> out.printf("  %-10s %s%n", c.code(), c.describe()));
        }
        out.println();
        out.printf(ROW, "TOTAL", "", "", "", "");
        for (Map.Entry<String, IngestSummary.Totals> total : summary.totals().entrySet()) {
            IngestSummary.Totals t = total.getValue();
            out.printf(ROW, "", total.getKey(), fmt(t.accepted()), fmt(t.duplicates()), fmt(t.rejected()));
        }
        out.println();
        if (summary.rejectsReport() != null) {
            out.println("Rejects report: " + summary.rejectsReport());
        }
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
