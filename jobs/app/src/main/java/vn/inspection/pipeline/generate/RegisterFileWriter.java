package vn.inspection.pipeline.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.inspection.pipeline.generate.RegisterGenerator.Register;

/**
 * Streams generated registers to files, one per record type: CSV (UTF-8, comma, dates dd/MM/yyyy; the
 * same seed gives byte-identical files) or XLSX (a title row, the header, date cells; rows flushed every
 * few thousand so memory stays constant).
 */
public final class RegisterFileWriter {
    public enum Format { csv, xlsx }

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int FLUSH_EVERY = 5_000;

    private final RegisterGenerator generator;

    public RegisterFileWriter(RegisterGenerator generator) {
        this.generator = generator;
    }

    /**
     * Writes the units reference and {@code rows} register rows split across the record types
     * (inspection 35%, supervision 35%, discipline 10%, letters 20%). Returns the files written.
     */
    public List<Path> write(Path folder, long rows, Format format) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        files.add(write(folder, Register.units, generator.units().size(), format));
        long inspections = rows * 35 / 100;
        long supervisions = rows * 35 / 100;
        long disciplines = rows / 10;
        long letters = rows - inspections - supervisions - disciplines;
        files.add(write(folder, Register.inspection, inspections, format));
        files.add(write(folder, Register.supervision, supervisions, format));
        files.add(write(folder, Register.discipline, disciplines, format));
        files.add(write(folder, Register.complaint, letters, format));
        return files;
    }

    public Path write(Path folder, Register register, long rows, Format format) throws IOException {
        Path file = folder.resolve(register.name() + "." + format.name());
        if (format == Format.csv) {
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
                 CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
                csv.printRecord(register.headers());
                for (long i = 0; i < rows; i++) {
                    List<Object> row = row(register, i);
                    List<String> cells = new ArrayList<>(row.size());
                    for (Object value : row) {
                        cells.add(value instanceof LocalDate date ? DAY_FIRST.format(date) : value.toString());
                    }
                    csv.printRecord(cells);
                }
            }
        } else {
            try (OutputStream out = Files.newOutputStream(file)) {
                Workbook workbook = new Workbook(out, "pipeline", "1.0");
                Worksheet sheet = workbook.newWorksheet(register.name());
                sheet.value(0, 0, "SỔ THEO DÕI (dữ liệu tổng hợp, sinh tự động)");
                List<String> headers = register.headers();
                for (int c = 0; c < headers.size(); c++) {
                    sheet.value(1, c, headers.get(c));
                }
                for (long i = 0; i < rows; i++) {
                    int r = (int) (i + 2);
                    List<Object> row = row(register, i);
                    for (int c = 0; c < row.size(); c++) {
                        Object value = row.get(c);
                        if (value instanceof LocalDate date) {
                            sheet.value(r, c, date);
                            sheet.style(r, c).format("dd/mm/yyyy").set();
                        } else if (value instanceof Number number) {
                            sheet.value(r, c, number);
                        } else if (!value.toString().isEmpty()) {
                            sheet.value(r, c, value.toString());
                        }
                    }
                    if (i % FLUSH_EVERY == FLUSH_EVERY - 1) {
                        sheet.flush();
                    }
                }
                workbook.finish();
            }
        }
        return file;
    }

    private List<Object> row(Register register, long index) {
        return register == Register.units ? generator.units().get((int) index) : generator.row(register, index);
    }
}
