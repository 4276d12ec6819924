package vn.inspection.pipeline.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generated register sent again: row i (0-based) is left out when {@code i % 1000 == 501} (0.1%), and its content
 * corrected when {@code i % 100 == 37} (1%: a field that is no part of the record's key changed to another valid
 * value). The generator's CSV (RFC 4180, a header row) is read and written as text.
 */
final class Resend {
    /** Per register header, the column corrected and how. */
    private static final Map<String, java.util.function.UnaryOperator<String>> CORRECTED = Map.of(
            "Có vi phạm", v -> v.isEmpty() ? "x" : "",
            "Phát hiện dấu hiệu vi phạm", v -> v.equals("Có") ? "Không" : "Có",
            "Nội dung vi phạm", v -> v.equals("Chính sách dân số") ? "Nguyên tắc tập trung dân chủ" : "Chính sách dân số",
            "Nặc danh", v -> v.isEmpty() ? "x" : "");

    private Resend() {
    }

    static void write(Path from, Path to) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            List<String> header = split(in.readLine());
            int column = -1;
            java.util.function.UnaryOperator<String> change = null;
            for (int c = 0; c < header.size(); c++) {
                if (CORRECTED.containsKey(header.get(c))) {
                    column = c;
                    change = CORRECTED.get(header.get(c));
                }
            }
            if (column < 0) {
                throw new IllegalStateException("no column to correct in " + from);
            }
            boolean clearsNext = header.get(column).equals("Có vi phạm"); // "Phải thi hành kỷ luật" only with a violation
            out.write(join(header));
            out.write("\r\n");
            long i = 0;
            for (String line; (line = in.readLine()) != null; i++) {
                if (i % 1000 == 501) {
                    continue;
                }
                if (i % 100 == 37) {
                    List<String> cells = split(line);
                    cells.set(column, change.apply(cells.get(column)));
                    if (clearsNext) {
                        cells.set(column + 1, "");
                    }
                    line = join(cells);
                }
                out.write(line);
                out.write("\r\n");
            }
        }
    }

    /** The cells of one RFC 4180 line (the generator writes no line breaks inside cells). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    static String join(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            quoted.add(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return String.join(",", quoted);
    }
}
