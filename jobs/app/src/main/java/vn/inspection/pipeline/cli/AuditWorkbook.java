package vn.inspection.pipeline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.inspection.pipeline.metrics.Comparison;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.unit.UnitTables;

/**
 * {@code compare --explain FILE.xlsx}: the comparison an auditor can check line by line. A first sheet of the figures
 * (metric, label, A, B, and the records listed for each), then a sheet per metric with every record it counts in A and
 * in B ({@link MetricEngine#explain}), the period in the first column: each sheet has as many rows as the figures.
 */
final class AuditWorkbook {
    private AuditWorkbook() {
    }

    static void write(Path file, MetricEngine engine, Comparison comparison, UnitTables.UnitRow unit, boolean asRecorded, Language language) {
        UnitBasis basis = asRecorded ? UnitBasis.RECORDED : UnitBasis.SUCCESSOR;
        String unitCode = unit == null ? null : unit.code();
        boolean en = language == Language.EN;
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "pipeline", "1.0");
            Worksheet figures = workbook.newWorksheet(en ? "Figures" : "Số liệu");
            figures.value(0, 0, comparison.b().label(language) + (en ? " compared with " : " so với ") + comparison.a().label(language)
                    + (unit == null ? "" : " — " + unit.name() + " (" + unit.code() + ")"));
            List<String> heads = en ? List.of("Metric", "Label", comparison.a().id(), comparison.b().id(), "Sheet")
                    : List.of("Chỉ tiêu", "Tên chỉ tiêu", comparison.a().id(), comparison.b().id(), "Trang tính");
            for (int c = 0; c < heads.size(); c++) {
                figures.value(1, c, heads.get(c));
                figures.style(1, c).bold().set();
            }
            int r = 2;
            for (Comparison.Row row : comparison.rows()) {
                String name = ExplainCommand.Listing.sheetName(row.metric().id());
                figures.value(r, 0, row.metric().id());
                figures.value(r, 1, row.metric().label().in(language));
                figures.value(r, 2, row.a());
                figures.value(r, 3, row.b());
                figures.value(r, 4, name);
                r++;
                ExplainCommand.Listing a = new ExplainCommand.Listing(row.metric(), comparison.a(),
                        unit, asRecorded, engine.explain(row.metric(), comparison.a(), unitCode, basis), language);
                ExplainCommand.Listing b = new ExplainCommand.Listing(row.metric(), comparison.b(),
                        unit, asRecorded, engine.explain(row.metric(), comparison.b(), unitCode, basis), language);
                Worksheet sheet = workbook.newWorksheet(name);
                b.sheet(sheet, row.metric().id() + " — " + row.metric().label().in(language) + ": " + comparison.b().label(language) + " "
                        + b.records().size() + ", " + comparison.a().label(language) + " " + a.records().size(), true);
                if (!comparison.a().equals(comparison.b())) {
                    a.appendRows(sheet, 2 + b.records().size(), true);
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new CommandException(PipelineCli.FAILED, "cannot write " + file + " (" + Errors.describe(e) + "): give --explain a file you can write");
        }
    }
}
