package vn.inspection.pipeline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The anchors the benchmark measures our commands against, each a small program run as its own process so
 * that it is timed whole, like ours: DuckDB's own CSV → zstd Parquet copy, a raw streaming read of every
 * cell with the XLSX library we use (fastexcel-reader), Apache POI's SAX event reader, and one hand-written
 * DuckDB query computing the comparison's figures straight from the lake's Parquet files. Each prints the
 * number of rows it went through (or the figures) on standard output.
 */
public final class Anchors {
    private Anchors() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Anchors duckdb-copy CSV_DIR OUT_DIR | fastexcel-read XLSX_DIR | poi-sax XLSX_DIR | duckdb-compare LAKE_DIR");
            System.exit(2);
        }
        Path in = Path.of(args[1]);
        switch (args[0]) {
            case "duckdb-copy" -> System.out.println(duckdbCopy(in, Path.of(args[2])));
            case "fastexcel-read" -> System.out.println(fastexcelRead(in));
            case "poi-sax" -> System.out.println(poiSax(in));
            case "duckdb-compare" -> System.out.println(new ObjectMapper().writeValueAsString(duckdbCompare(in)));
            case "duckdb-catalog-warm" -> duckdbCatalogWarm(in, Integer.parseInt(args[2])).forEach(System.out::println);
            default -> {
                System.err.println("unknown anchor " + args[0]);
                System.exit(2);
            }
        }
    }

    /** DuckDB copies each CSV file to a zstd Parquet file: the practical ceiling of CSV → Parquet here. */
    static long duckdbCopy(Path csvDir, Path outDir) throws Exception {
        Files.createDirectories(outDir);
        long rows = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            for (Path csv : files(csvDir, ".csv")) {
                Path out = outDir.resolve(csv.getFileName() + ".parquet");
                statement.execute("COPY (FROM read_csv(" + literal(csv) + ", header = true)) TO " + literal(out)
                        + " (FORMAT parquet, COMPRESSION zstd)");
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM read_parquet(" + literal(out) + ")")) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return rows;
    }

    /** Every cell of every sheet read as text with fastexcel-reader, streaming: the floor of any XLSX ingest with it. */
    static long fastexcelRead(Path xlsxDir) throws IOException {
        long rows = 0;
        long characters = 0;
        for (Path file : files(xlsxDir, ".xlsx")) {
            try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
                for (Sheet sheet : workbook.getSheets().toList()) {
                    try (Stream<Row> stream = sheet.openStream()) {
                        for (Row row : (Iterable<Row>) stream::iterator) {
                            rows++;
                            for (int c = 0; c < row.getCellCount(); c++) {
                                Cell cell = row.getCell(c);
                                if (cell != null) {
                                    characters += cell.getText().length();
                                }
                            }
                        }
                    }
                }
            }
        }
        return characters >= 0 ? rows : -1;
    }

    /** Every cell read with Apache POI's SAX event API (XSSFReader), as most Java tools read large workbooks. */
    static long poiSax(Path xlsxDir) throws Exception {
        long[] rows = {0};
        long[] characters = {0};
        for (Path file : files(xlsxDir, ".xlsx")) {
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        XMLReader parser = xmlReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new XSSFSheetXMLHandler.SheetContentsHandler() {
                            @Override
                            public void startRow(int rowNum) {
                                rows[0]++;
                            }

                            @Override
                            public void endRow(int rowNum) {
                            }

                            @Override
                            public void cell(String reference, String value, XSSFComment comment) {
                                characters[0] += value == null ? 0 : value.length();
                            }
                        }, new DataFormatter(), false));
                        parser.parse(new InputSource(sheet));
                    }
                }
            }
        }
        return characters[0] >= 0 ? rows[0] : -1;
    }

    private static XMLReader xmlReader() throws ParserConfigurationException, org.xml.sax.SAXException {
        return XMLHelper.newXMLReader();
    }

    /**
     * The figures of {@code compare 2013-H1 2014-H1} (all units) from one hand-written query over the lake's
     * Parquet files: metric id → [2013-H1, 2014-H1].
     */
    static Map<String, List<Long>> duckdbCompare(Path lake) throws Exception {
        String sql;
        try (InputStream in = Anchors.class.getResourceAsStream("/bench/compare.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{lake}}", lake.toAbsolutePath().toString().replace("'", "''"));
        }
        Map<String, List<Long>> figures = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            rs.next();
            for (int c = 1; c <= meta.getColumnCount(); c += 2) {
                String id = meta.getColumnLabel(c).replaceAll("_a$", "").replace('_', '.');
                figures.put(id, List.of(rs.getLong(c), rs.getLong(c + 1)));
            }
        }
        return figures;
    }

    /**
     * The comparison as the DuckDB engine runs it (the catalog's SQL on the warehouse, a read-only connection per
     * query), repeated in one process: the seconds of each run.
     */
    static List<Double> duckdbCatalogWarm(Path warehouse, int runs) throws Exception {
        vn.inspection.pipeline.schema.SchemaCatalog schemas = vn.inspection.pipeline.schema.SchemaCatalog.loadFromClasspath();
        vn.inspection.pipeline.metrics.MetricCatalog metrics = vn.inspection.pipeline.metrics.MetricCatalog.loadFromClasspath(schemas);
        String sql = vn.inspection.pipeline.metrics.MetricSql.load().totals(metrics.metrics(),
                List.of(vn.inspection.pipeline.period.Period.parse("2013-H1"), vn.inspection.pipeline.period.Period.parse("2014-H1")),
                null, vn.inspection.pipeline.metrics.UnitBasis.SUCCESSOR);
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        List<Double> seconds = new java.util.ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
                 Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    rs.getLong("value");
                }
            }
            seconds.add((System.nanoTime() - started) / 1e9);
        }
        return seconds;
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
