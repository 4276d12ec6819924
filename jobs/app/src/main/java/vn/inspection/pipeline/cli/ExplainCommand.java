package vn.inspection.pipeline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.metrics.ExplainedRecord;
import vn.inspection.pipeline.metrics.Metric;
import vn.inspection.pipeline.metrics.MetricEngine;
import vn.inspection.pipeline.metrics.UnitBasis;
import vn.inspection.pipeline.period.Period;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.text.Language;
import vn.inspection.pipeline.text.SpreadsheetCsv;
import vn.inspection.pipeline.unit.UnitTables;

/**
 * {@code pipeline explain METRIC PERIOD [--unit CODE] [--as-recorded] [--format table|csv|xlsx|json] [--output FILE]}: every
 * record a figure counts, one line each, with the date that placed it in the period, the fields the metric filters on,
 * the subject as the lake keeps it (a member's pseudonym, never a name) and where it came from (file, sheet, row). The
 * list comes from {@link MetricEngine#explain}, the same joins as the figure, so it has as many lines as
 * {@code compare} gives for that metric, period and unit. A read command: no lock, nothing written in the home.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "List every record a figure counts (METRIC as in 'pipeline metrics', PERIOD as in compare): its unit, date, "
                + "the fields the metric filters on, the subject's pseudonym and its file, sheet and row.")
class ExplainCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ExplainCommand.class);

    enum Format { table, csv, xlsx, json }

    @ParentCommand
    PipelineCli parent;

    @Parameters(index = "0", paramLabel = "METRIC", description = "A metric id of the catalog (pipeline metrics lists them)")
    String metricId;

    @Parameters(index = "1", paramLabel = "PERIOD", description = "2014, 2014-H1, 2014-Q3, 2014-03, 2010..2015 or 2014-01-15..2014-06-30")
    String periodText;

    @Option(names = "--unit", paramLabel = "UNIT", description = "One unit (its code, or its name), with the units below it (default: all)")
    String unit;

    @Option(names = "--as-recorded", description = "Count merged units' records under the unit recorded, not under the successor")
    boolean asRecorded;

    @Option(names = "--format", defaultValue = "table", description = "table (default), csv, xlsx or json")
    Format format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write to this file instead of standard output (xlsx: default explain-METRIC-PERIOD.xlsx in the current folder)")
    Path output;

    @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en", description = "vi (default) or en: the headings")
    Language language;

    @Override
    public Integer call() {
        try {
            Period period = period(periodText);
            ReadContext context = ReadContext.withWarehouse(parent.home);
            Metric metric = context.metrics().metric(metricId).orElseThrow(() -> new CommandException(PipelineCli.USAGE,
                    "unknown metric '" + metricId + "': give a metric id (pipeline metrics lists them)"));
            try (MetricEngine engine = context.duckdb()) {
                UnitTables.UnitRow unitRow = unit == null ? null : CompareCommand.unit(engine.units(), unit);
                List<ExplainedRecord> records = engine.explain(metric, period, unitRow == null ? null : unitRow.code(),
                        asRecorded ? UnitBasis.RECORDED : UnitBasis.SUCCESSOR);
                Listing listing = new Listing(metric, period, unitRow, asRecorded, records, language);
                write(listing);
            }
            return PipelineCli.OK;
        } catch (CommandException e) {
            parent.err.println("pipeline explain: " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            log.error(vn.inspection.pipeline.system.Logging.TOLD, "explain failed", e);
            parent.err.println("pipeline explain: " + Errors.describe(e));
            return PipelineCli.FAILED;
        }
    }

    private void write(Listing listing) {
        if (format == Format.xlsx) {
            Path file = output != null ? output
                    : Path.of("explain-" + metricId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + listing.period.id().replaceAll("[^A-Za-z0-9._-]", "_")
                            + (listing.unit == null ? "" : "-" + listing.unit.code().replaceAll("[^A-Za-z0-9._-]", "_")) + ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                listing.xlsx(out);
            } catch (IOException e) {
                throw new CommandException(PipelineCli.FAILED, "cannot write " + file + " (" + Errors.describe(e) + "): give --output a file you can write");
            }
            parent.out.println(listing.records.size() + " " + (language == Language.EN ? "records written to " : "bản ghi, đã ghi vào ") + file);
            return;
        }
        String text = switch (format) {
            case csv -> listing.csv();
            case json -> listing.json() + System.lineSeparator();
            default -> listing.table();
        };
        if (output == null) {
            parent.out.print(text);
        } else {
            try {
                Files.writeString(output, text);
            } catch (IOException e) {
                throw new CommandException(PipelineCli.FAILED, "cannot write " + output + " (" + Errors.describe(e) + "): give --output a file you can write");
            }
        }
    }

    static Period period(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException(PipelineCli.USAGE, e.getMessage());
        }
    }

    /** One metric's records in one period, for one unit or all, in the formats a user asks for. */
    record Listing(Metric metric, Period period, UnitTables.UnitRow unit, boolean asRecorded, List<ExplainedRecord> records,
                   Language language) {

        private String pick(String vi, String en) {
            return language == Language.EN ? en : vi;
        }

        /** The column headings, the filter fields' among them. */
        List<String> headings() {
            List<String> headings = new ArrayList<>(List.of(pick("Loại bản ghi", "Record type"), pick("Khóa bản ghi", "Record key"),
                    pick("Đơn vị ghi", "Unit recorded"), pick("Tính cho đơn vị", "Counted under"), pick("Ngày", "Date")));
            headings.addAll(metric.filter().keySet());
            headings.addAll(List.of(pick("Loại đối tượng", "Subject type"), pick("Đối tượng (bí danh nếu là đảng viên)", "Subject (pseudonym of a member)"),
                    pick("Tệp", "File"), pick("Trang tính", "Sheet"), pick("Dòng", "Row")));
            return headings;
        }

        List<Object> values(ExplainedRecord r) {
            List<Object> values = new ArrayList<>(List.of(r.recordType(), r.recordKey(), nz(r.unitCode()), nz(r.countedUnder()), r.date()));
            metric.filter().keySet().forEach(field -> values.add(nz(r.filterValues().get(field))));
            values.add(nz(r.subjectType()));
            values.add(nz(r.subject()));
            values.add(nz(r.sourceFile()));
            values.add(nz(r.sheet()));
            values.add(r.row());
            return values;
        }

        private static Object nz(String text) {
            return text == null ? "" : text;
        }

        /** The one line above a table: what is counted, where, and how many. */
        String title() {
            return metric.id() + " — " + metric.label().in(language) + " — " + period.label(language)
                    + (unit == null ? "" : " — " + unit.name() + " (" + unit.code() + ")")
                    + (asRecorded ? pick(" — theo đơn vị ghi trong sổ", " — as recorded") : "")
                    + ": " + records.size() + pick(" bản ghi", " records");
        }

        String table() {
            List<String> headings = headings();
            List<List<String>> rows = new ArrayList<>();
            for (ExplainedRecord r : records) {
                rows.add(values(r).stream().map(v -> v == null ? "" : v.toString()).toList());
            }
            int[] widths = new int[headings.size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = headings.get(c).length();
                for (List<String> row : rows) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            StringBuilder out = new StringBuilder(title()).append(System.lineSeparator());
            appendRow(out, headings, widths);
            for (List<String> row : rows) {
                appendRow(out, row, widths);
            }
            return out.toString();
        }

        private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                line.append(c == 0 ? "" : "  ").append(cells.get(c)).append(" ".repeat(Math.max(0, widths[c] - cells.get(c).length())));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }

        String csv() {
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
                printer.printRecord(headings());
                for (ExplainedRecord r : records) {
                    printer.printRecord(SpreadsheetCsv.row(values(r)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }

        String json() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("metric", metric.id());
            root.put("label", metric.label().in(language));
            root.put("period", period.id());
            root.put("period_label", period.label(language));
            root.put("unit", unit == null ? null : unit.code());
            root.put("basis", asRecorded ? "recorded" : "successor");
            root.put("count", records.size());
            List<Map<String, Object>> list = new ArrayList<>();
            for (ExplainedRecord r : records) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("record_type", r.recordType());
                item.put("record_key", r.recordKey());
                item.put("unit_code", r.unitCode());
                item.put("counted_under", r.countedUnder());
                item.put("date", r.date());
                item.put("filter", r.filterValues());
                item.put("subject_type", r.subjectType());
                item.put("subject", r.subject());
                item.put("file", r.sourceFile());
                item.put("sheet", r.sheet());
                item.put("row", r.row());
                list.add(item);
            }
            root.put("records", list);
            return Json.write(root);
        }

        void xlsx(OutputStream out) throws IOException {
            org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "pipeline", "1.0");
            sheet(workbook.newWorksheet(sheetName(metric.id())), title(), false);
            workbook.finish();
        }

        /**
         * Writes this listing into a sheet: the title line, the headings (with a first column "Kỳ", the period, when
         * {@code withPeriod}) and a row per record.
         */
        void sheet(org.dhatim.fastexcel.Worksheet sheet, String title, boolean withPeriod) {
            sheet.value(0, 0, title);
            List<String> headings = new ArrayList<>(headings());
            if (withPeriod) {
                headings.add(0, pick("Kỳ", "Period"));
            }
            for (int c = 0; c < headings.size(); c++) {
                sheet.value(1, c, headings.get(c));
                sheet.style(1, c).bold().set();
            }
            appendRows(sheet, 2, withPeriod);
        }

        /** Appends a row per record from row {@code first}; returns the next free row. */
        int appendRows(org.dhatim.fastexcel.Worksheet sheet, int first, boolean withPeriod) {
            int row = first;
            for (ExplainedRecord r : records) {
                List<Object> values = new ArrayList<>(values(r));
                if (withPeriod) {
                    values.add(0, period.id());
                }
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof java.time.LocalDate date) {
                        sheet.value(row, c, date);
                        sheet.style(row, c).format("dd/MM/yyyy").set();
                    } else if (value instanceof Number number) {
                        sheet.value(row, c, number);
                    } else if (value != null) {
                        sheet.value(row, c, value.toString());
                    }
                }
                row++;
            }
            return row;
        }

        /** A sheet name Excel takes: at most 31 characters, none of {@code []:*?/\}. */
        static String sheetName(String text) {
            String name = text.replaceAll("[\\[\\]:*?/\\\\]", "_");
            return name.length() > 31 ? name.substring(0, 31) : name;
        }
    }
}
