package vn.inspection.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.generate.RegisterFileWriter;
import vn.inspection.pipeline.generate.RegisterGenerator;
import vn.inspection.pipeline.support.ChildJvm;
import vn.inspection.pipeline.support.Cli;

/**
 * Kill -9 a living register's ingest part-way (issue 17, 7 and (i)): a large generated inspections register is
 * ingested, then (a) the same register with 1% of its rows corrected, (b) the same register with 0.1% of its rows
 * missing (a resend that withdraws them), (f) {@code pipeline withdraw} of the register then the register again.
 * The killed command is run again, and the lake must equal a clean run's: the same summary, the same versions
 * (lineage instants aside) and current records in the warehouse, and {@code verify} clean.
 */
class LivingRegistersCrashTest {
    /** Enough rows that a kill polled at 20 ms lands while the file is half staged, after committed chunks (chunks of 500). */
    static final long ROWS = 30_000;
    static final String TYPE = "inspection";

    @TempDir
    Path temp;

    /** The units reference and an inspections register of {@link #ROWS} rows. */
    private Path base() throws IOException {
        Path inbox = temp.resolve("base");
        RegisterFileWriter writer = new RegisterFileWriter(new RegisterGenerator(17));
        Files.createDirectories(inbox);
        writer.write(inbox, RegisterGenerator.Register.units, new RegisterGenerator(17).units().size(), RegisterFileWriter.Format.csv);
        writer.write(inbox, RegisterGenerator.Register.inspection, ROWS, RegisterFileWriter.Format.csv);
        return inbox;
    }

    /**
     * The base register sent again as {@code name} in its own inbox: rows {@code missing} left out, rows {@code changed}
     * with "Có vi phạm" flipped (content, not key).
     */
    private Path resend(Path base, String name, LongPredicate missing, LongPredicate changed) throws IOException {
        Path inbox = temp.resolve("resend-" + name);
        Files.createDirectories(inbox);
        try (Reader in = Files.newBufferedReader(base.resolve("inspection.csv"), StandardCharsets.UTF_8);
             Writer out = Files.newBufferedWriter(inbox.resolve(name), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            long row = -1;
            for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                List<String> cells = new ArrayList<>(record.toList());
                if (row >= 0 && missing.test(row)) {
                    row++;
                    continue;
                }
                if (row >= 0 && changed.test(row)) {
                    int violation = RegisterGenerator.Register.inspection.headers().indexOf("Có vi phạm");
                    cells.set(violation, cells.get(violation).isEmpty() ? "x" : "");
                    cells.set(violation + 1, ""); // "Phải thi hành kỷ luật" only with a violation
                }
                csv.printRecord(cells);
                row++;
            }
        }
        return inbox;
    }

    @Test
    void aCorrectingIngestKilledMidFileEndsWithTheLakeOfACleanRun() throws Exception {
        Path base = base();
        Path resend = resend(base, "inspection-corrected.csv", row -> false, row -> row % 100 == 37);
        Path crashed = temp.resolve("crashed");
        Path clean = temp.resolve("clean");
        ingest(crashed, base);
        ingest(clean, base);

        killMidIngest(crashed, resend);
        Cli.Result resumed = Cli.run("--home", crashed.toString(), "ingest", resend.toString(), "--format", "json");
        Cli.Result reference = Cli.run("--home", clean.toString(), "ingest", resend.toString(), "--format", "json");

        assertSameSummary(resumed, reference);
        assertResumedMidFile(crashed);
        assertThat(reference.json().at("/totals/inspection/corrected").asLong()).isEqualTo(ROWS / 100);
        assertThat(reference.json().at("/files/0/withdrawn").asLong()).isZero();
        assertSameLake(crashed, clean);
    }

    @Test
    void aResendThatWithdrawsKilledMidFileEndsWithTheLakeOfACleanRun() throws Exception {
        Path base = base();
        Path resend = resend(base, "inspection-thieu.csv", row -> row % 1000 == 501, row -> false);
        Path crashed = temp.resolve("crashed");
        Path clean = temp.resolve("clean");
        ingest(crashed, base);
        ingest(clean, base);

        killMidIngest(crashed, resend);
        Cli.Result resumed = Cli.run("--home", crashed.toString(), "ingest", resend.toString(), "--format", "json");
        Cli.Result reference = Cli.run("--home", clean.toString(), "ingest", resend.toString(), "--format", "json");

        assertSameSummary(resumed, reference);
        assertResumedMidFile(crashed);
        assertThat(reference.json().at("/files/0/withdrawn").asLong()).isBetween(ROWS / 1000 - 3, ROWS / 1000);
        assertThat(resumed.json().at("/files/0/withdrawn").asLong()).isEqualTo(reference.json().at("/files/0/withdrawn").asLong());
        assertSameLake(crashed, clean);
    }

    @Test
    void withdrawThenTheSameFileAgainBothKilledEndWithTheLakeOfACleanRun() throws Exception {
        Path base = base();
        Path register = base.resolve("inspection.csv");
        Path crashed = temp.resolve("crashed");
        Path clean = temp.resolve("clean");
        ingest(crashed, base);
        ingest(clean, base);
        long withdrawn = currentCount(clean);

        // pipeline withdraw, killed once its withdrawal is in the lake's history (the warehouse not yet refreshed)
        Process child = ChildJvm.start(temp, "withdraw", List.of(), List.of("-Xmx1g"), "--home", crashed.toString(), "withdraw", register.toString());
        boolean committed = waitFor(child, () -> count(crashed.resolve("lake/_withdrawals"), ".json") >= 1);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(committed).as("the child was killed once the withdrawal was written").isTrue();
        Cli.Result rerun = Cli.run("--home", crashed.toString(), "withdraw", register.toString());
        Cli.Result reference = Cli.run("--home", clean.toString(), "withdraw", register.toString());
        assertThat(reference.exitCode()).as(reference.err()).isZero();
        assertThat(reference.out()).contains("Withdrew " + withdrawn + " records");
        assertThat(rerun.out() + rerun.err()).contains("withdrawn already");
        assertSameLake(crashed, clean);
        assertThat(currentCount(clean)).isZero();

        // the same file again brings its records back: killed mid-file
        Path again = temp.resolve("again");
        Files.createDirectories(again);
        Files.copy(register, again.resolve("inspection.csv"));
        killMidIngest(crashed, again);
        Cli.Result resumed = Cli.run("--home", crashed.toString(), "ingest", again.toString(), "--format", "json");
        Cli.Result readmitted = Cli.run("--home", clean.toString(), "ingest", again.toString(), "--format", "json");
        assertSameSummary(resumed, readmitted);
        assertResumedMidFile(crashed);
        assertSameLake(crashed, clean);
        assertThat(currentCount(clean)).as("every record back").isEqualTo(withdrawn);
    }

    // --- helpers

    private static void ingest(Path home, Path inbox) {
        Cli.Result result = Cli.run("--home", home.toString(), "ingest", inbox.toString(), "--format", "json");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }

    /** Starts the ingest in a child JVM and kills it -9 while its file is half staged. */
    private void killMidIngest(Path home, Path inbox) throws Exception {
        Path lake = home.resolve("lake");
        Process child = ChildJvm.start(temp, "ingest-" + inbox.getFileName(), List.of(), List.of("-Xmx1g", "-Dingest.chunk-size=500"),
                "--home", home.toString(), "ingest", inbox.toString());
        // a chunk's held keys are staged whatever became of its rows (a resend's are mostly duplicates): four chunks
        // started, so at least three committed
        boolean midFile = waitFor(child, () -> count(lake.resolve("_staging"), ".keys") >= 4);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(midFile).as("the child (exit " + child.exitValue() + ") was killed while the file was half staged; its output: "
                + Files.readString(temp.resolve("ingest-" + inbox.getFileName() + ".out"))
                + Files.readString(temp.resolve("ingest-" + inbox.getFileName() + ".err"))).isTrue();
    }

    interface Check {
        boolean done() throws IOException;
    }

    private static boolean waitFor(Process child, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (check.done()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static long count(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix) && !p.getFileName().toString().startsWith(".")).count();
        } catch (java.io.UncheckedIOException e) {
            return 0; // a file moved while we walked: ask again
        }
    }

    /** The rerun resumed the killed run after chunks it had committed (the staged rows read back, not a fresh start). */
    private static void assertResumedMidFile(Path home) throws IOException {
        String log = Files.readString(home.resolve("logs/pipeline.log"));
        assertThat(log).contains("resuming interrupted ingest run");
        assertThat(java.util.regex.Pattern.compile("resuming at chunk [1-9]").matcher(log).find()).as("resumed after committed chunks").isTrue();
    }

    private static void assertSameSummary(Cli.Result resumed, Cli.Result reference) {
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(reference.exitCode()).as(reference.out() + reference.err()).isZero();
        assertThat(resumed.json().get("files")).isEqualTo(reference.json().get("files"));
        assertThat(resumed.json().get("totals")).isEqualTo(reference.json().get("totals"));
    }

    /** The same versions (lineage instants aside) and current records in both warehouses, and verify clean on the crashed lake. */
    private static void assertSameLake(Path crashed, Path clean) throws Exception {
        Cli.Result verify = Cli.run("--home", crashed.toString(), "verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("ATTACH '" + crashed.resolve("warehouse/warehouse.duckdb") + "' AS a (READ_ONLY)");
            s.execute("ATTACH '" + clean.resolve("warehouse/warehouse.duckdb") + "' AS b (READ_ONLY)");
            for (String table : List.of(TYPE + "_versions", TYPE)) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT column_name FROM duckdb_columns() WHERE database_name = 'b' AND table_name = '" + table
                        + "' AND data_type NOT LIKE 'TIMESTAMP%' ORDER BY column_index")) {
                    while (rs.next()) {
                        columns.add('"' + rs.getString(1) + '"');
                    }
                }
                assertThat(columns).as(table).isNotEmpty();
                String select = String.join(", ", columns);
                long rowsA = single(s, "SELECT count(*) FROM a." + table);
                long rowsB = single(s, "SELECT count(*) FROM b." + table);
                assertThat(rowsA).as(table + " rows").isEqualTo(rowsB);
                assertThat(single(s, "SELECT count(*) FROM (SELECT " + select + " FROM a." + table + " EXCEPT ALL SELECT " + select + " FROM b." + table + ")"))
                        .as(table + ": rows of the crashed lake a clean run does not have").isZero();
                assertThat(single(s, "SELECT count(*) FROM (SELECT " + select + " FROM b." + table + " EXCEPT ALL SELECT " + select + " FROM a." + table + ")"))
                        .as(table + ": rows of a clean run the crashed lake does not have").isZero();
            }
        }
    }

    private static long currentCount(Path home) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("ATTACH '" + home.resolve("warehouse/warehouse.duckdb") + "' AS w (READ_ONLY)");
            return single(s, "SELECT count(*) FROM w." + TYPE);
        }
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
