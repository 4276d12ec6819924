package vn.inspection.pipeline.cli;

import java.io.PrintStream;
import java.util.Map;

import vn.inspection.pipeline.ingest.IngestSummary;
import vn.inspection.pipeline.ingest.IngestSummary.FileSummary;
import vn.inspection.pipeline.ingest.IngestSummary.SheetSummary;

/**
 * The readable summary of an ingest run: one line per file, one per sheet (its rows, what became of them, and
 * under it the other rows by kind), totals, the rejects report.
 */
final class SummaryTable {
    private static final String ROW = "%-44s %-12s %8s %10s %10s %11s %9s %11s%n";
    private final PrintStream out;

    SummaryTable(PrintStream out) {
        this.out = out;
    }

    void print(IngestSummary summary) {
        if (summary.files().isEmpty() && summary.note() != null) {
            out.println(summary.note().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + summary.note().substring(1) + ".");
            return;
        }
        out.printf(ROW, "FILE / SHEET", "RECORD TYPE", "ROWS", "ACCEPTED", "CORRECTED", "DUPLICATES", "REJECTED", "OTHER ROWS");
        for (FileSummary file : summary.files()) {
            String name = vn.inspection.pipeline.system.Printable.name(file.path());
            out.printf("%s  [%s]%s%n", name, file.status(), file.reason() == null ? "" : " " + vn.inspection.pipeline.system.Printable.text(file.reason()));
            for (SheetSummary sheet : file.sheets()) {
                if (sheet.recordType() == null) {
                    out.printf("  %-42s %s%s%n", clip(vn.inspection.pipeline.system.Printable.text(sheet.sheet()), 42), "skipped: " + sheet.note(),
                            sheet.rows() == null ? "" : " (" + fmt(sheet.rows()) + " rows)");
                    continue;
                }
                out.printf(ROW, "  " + clip(vn.inspection.pipeline.system.Printable.text(sheet.sheet()), 42), sheet.recordType(), sheet.rows() == null ? "" : fmt(sheet.rows()),
                        fmt(sheet.accepted()), fmt(sheet.corrected()), fmt(sheet.duplicates() + sheet.outdated()), fmt(sheet.rejected() + sheet.parked()),
                        sheet.rows() == null ? "" : fmt(sheet.noiseRows()));
                if (sheet.noise() != null && !sheet.noise().isEmpty()) {
                    out.println("      other rows: " + kinds(sheet.noise()));
                }
                if (sheet.parked() > 0) {
                    out.println("      " + fmt(sheet.parked()) + (sheet.parked() == 1 ? " of them waits" : " of them wait")
                            + " for the units reference (a unit it does not name yet): let in when a units reference names it");
                }
                if (sheet.outdated() > 0) {
                    out.println("      " + fmt(sheet.outdated()) + (sheet.outdated() == 1 ? " row is" : " rows are")
                            + " as the record was before a later correction (an older register sent again): nothing changed");
                }
                if (sheet.note() != null) {
                    out.println("      note: " + sheet.note());
                }
            }
            if (file.withdrawn() > 0) {
                out.println("  withdrew " + fmt(file.withdrawn()) + (file.withdrawn() == 1 ? " record" : " records")
                        + " of the earlier registers this file resends: they are not in it (see the corrections report)");
            }
            if (file.notWithdrawn() > 0) {
                out.println("  " + fmt(file.notWithdrawn()) + (file.notWithdrawn() == 1 ? " record" : " records")
                        + " of the earlier registers this file resends are not in it; kept, as withdrawing on resend is off (see the corrections report)");
            }
        }
        if (summary.units() != null) {
            out.println();
            out.println("UNITS REFERENCE");
            summary.units().lines().forEach(line -> out.println("  " + line));
        }
        out.println();
        out.println("TOTAL");
        for (Map.Entry<String, IngestSummary.Totals> total : summary.totals().entrySet()) {
            IngestSummary.Totals t = total.getValue();
            out.printf(ROW, "", total.getKey(), "", fmt(t.accepted()), fmt(t.corrected()), fmt(t.duplicates() + t.outdated()), fmt(t.rejected() + t.parked()),
                    fmt(t.otherRows()));
        }
        out.println();
        if (summary.lateRows() != null && summary.lateRows().accepted() > 0) {
            out.println(fmt(summary.lateRows().accepted()) + (summary.lateRows().accepted() == 1 ? " row" : " rows")
                    + " from earlier files accepted after the units reference changed.");
        }
        if (summary.lateRows() != null && summary.lateRows().stillParked() > 0) {
            out.println(fmt(summary.lateRows().stillParked()) + (summary.lateRows().stillParked() == 1 ? " row waits" : " rows wait")
                    + " for the units reference to name their unit (in the rejects reports, marked parked).");
        }
        if (summary.rejectsReport() != null) {
            out.println("Rejects report: " + summary.rejectsReport());
        }
        if (summary.correctionsReport() != null) {
            out.println("Corrections report: " + summary.correctionsReport());
        }
    }

    /** "4 title, 2 header, 3 subtotal" in the order the summary gives them. */
    static String kinds(Map<String, Long> noise) {
        return noise.entrySet().stream().map(e -> fmt(e.getValue()) + " " + e.getKey().replace('_', ' '))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
