package vn.inspection.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.inspection.pipeline.support.ChildJvm;
import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.Fixtures;
import vn.inspection.pipeline.support.Unprivileged;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.PipelineHome;

/**
 * What a clerk sees when something is wrong: one or two lines saying what, where and what to do, exit 1 (2 for bad
 * usage, 4 for a home another run holds), and never a stack trace or a Java class name.
 */
class CommandErrorsTest {
    @TempDir
    Path temp;

    /** One or two lines, no stack trace, no class name. */
    static void assertReadable(Cli.Result result) {
        assertThat(result.err().lines().toList()).as(result.err()).hasSizeBetween(1, 2)
                .allSatisfy(line -> assertThat(line).startsWith("pipeline").doesNotContain("Exception", "\tat ", "java.", "org.", "vn.inspection"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest DIR", "compare 2013 2014", "sql SELECT_1", "verify", "refresh"})
    void saysInOneLineThatTheHomeIsAFile(String command) throws IOException {
        Path file = Files.writeString(temp.resolve("home.txt"), "not a folder");
        List<String> args = new java.util.ArrayList<>(List.of("--home", file.toString()));
        for (String word : command.split(" ")) {
            args.add(word.equals("DIR") ? temp.toString() : word.replace('_', ' '));
        }

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(1);
        assertReadable(result);
        assertThat(result.err()).contains("the pipeline home " + file + " is a file, not a folder: give --home a folder");
        assertThat(file).content().isEqualTo("not a folder");
    }

    @Test
    void refusesANegativeOrZeroRowCountAsBadUsage() {
        for (String rows : List.of("-5", "0")) {
            Cli.Result result = Cli.run("generate", "--rows", rows, "--out", temp.resolve("out").toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("pipeline: --rows must be a positive number of register rows (got " + rows + ")");
            assertThat(temp.resolve("out")).doesNotExist();
        }
    }

    @Test
    void refusesAnUnknownLanguageAsBadUsageWithoutAClassName() {
        Cli.Result result = Cli.run("--home", temp.toString(), "compare", "2013", "2014", "--lang", "fr");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("pipeline: Invalid value for option '--lang': unknown language 'fr': expected vi (Vietnamese) or en (English)")
                .doesNotContain("Exception", "java.");
    }

    @Test
    void suggestsTheCommandOrOptionAMistypedOneMeantInThreeLinesNotTheWholeHelp() {
        Cli.Result command = Cli.run("--home", temp.toString(), "nightlly");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err().lines().toList()).containsExactly("pipeline: unknown command 'nightlly'", "Did you mean: nightly?",
                "Run 'pipeline --help' for the commands and options.");

        Cli.Result option = Cli.run("--home", temp.toString(), "nightly", "--inbx", temp.toString());
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err().lines().toList()).hasSize(3).contains("Did you mean: --inbox?", "Run 'pipeline nightly --help' for its options.");
        assertThat(temp.resolve("batch")).as("nothing ran").doesNotExist();
    }

    @Test
    void namesAMissingInputFile() {
        Cli.Result result = Cli.run("--home", temp.resolve("home").toString(), "ingest", temp.resolve("nope.xlsx").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertReadable(result);
        assertThat(result.err()).isEqualTo("pipeline ingest: no such file or folder: " + temp.resolve("nope.xlsx") + "\n");
    }

    @Test
    void saysADamagedWarehouseIsRebuiltByRefresh() throws IOException {
        Path home = temp.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        assertThat(Cli.run("--home", home.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        Files.writeString(home.resolve("warehouse/warehouse.duckdb"), "garbage, not a DuckDB file");

        for (String[] command : List.of(new String[] {"compare", "2013", "2014"}, new String[] {"sql", "SELECT 1"})) {
            String[] args = new String[command.length + 2];
            args[0] = "--home";
            args[1] = home.toString();
            System.arraycopy(command, 0, args, 2, command.length);
            Cli.Result result = Cli.run(args);

            assertThat(result.exitCode()).isEqualTo(1);
            assertReadable(result);
            assertThat(result.err()).contains("the warehouse " + home.resolve("warehouse/warehouse.duckdb") + " is damaged or not a DuckDB file")
                    .contains("rebuild it from the lake with pipeline refresh");
        }
        Cli.Result refresh = Cli.run("--home", home.toString(), "refresh");
        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        assertThat(Cli.run("--home", home.toString(), "sql", "SELECT count(*) AS n FROM inspection", "--format", "csv").out().lines()).containsExactly("n", "5");
    }

    @Test
    void tellsASecondWriterWhoHoldsTheHomeAndExitsFour() throws Exception {
        PipelineHome home = new PipelineHome(temp.resolve("home"));
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        Thread holder = new Thread(() -> {
            try (HomeLock lock = HomeLock.acquire(home)) {
                synchronized (this) {
                    notifyAll();
                    wait(60_000);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        synchronized (this) {
            holder.start();
            wait(10_000);
        }
        try {
            Cli.Result ingest = Cli.run("--home", home.root().toString(), "ingest", inbox.toString());
            Cli.Result refresh = Cli.run("--home", home.root().toString(), "refresh");

            assertThat(ingest.exitCode()).isEqualTo(4);
            assertReadable(ingest);
            assertThat(ingest.err()).isEqualTo("pipeline ingest: another run (PID " + ProcessHandle.current().pid() + ", this process) is using this home ("
                    + home.root() + "): wait for it to finish, then run this command again\n");
            assertThat(refresh.exitCode()).isEqualTo(4);
            assertThat(home.root().resolve("batch")).as("the job repository was never opened").doesNotExist();
        } finally {
            synchronized (this) {
                notifyAll();
            }
            holder.join();
        }
    }

    @Test
    void writesNoTraceOfTheJobRepositorysSchemaOnEveryRun() throws IOException {
        Path home = temp.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        for (int run = 0; run < 3; run++) {
            Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", inbox.toString());
            assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        }

        assertThat(home.resolve("batch/jobs.mv.db")).exists();
        // (under the tests' -ea, H2's MVStore may trip one of its own assertions on close and trace that: not ours)
        Path trace = home.resolve("batch/jobs.trace.db");
        if (Files.exists(trace)) {
            assertThat(Files.readString(trace)).doesNotContain("already exists").doesNotContain("CREATE TABLE");
        }
    }

    @Test
    void tellsAWriterWhoCannotWriteTheHomeWhatToDoAndReadersStillWork() throws Exception {
        Path home = temp.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        assertThat(Cli.run("--home", home.toString(), "ingest", inbox.toString()).exitCode()).isZero();
        Unprivileged.makeReadOnlyAndProve(home, home.resolve("warehouse/warehouse.duckdb"));
        try {
            Cli.Result ingest = ChildJvm.run(Unprivileged.wrapper(), "--home", home.toString(), "ingest", inbox.toString());
            Cli.Result compare = ChildJvm.run(Unprivileged.wrapper(), "--home", home.toString(), "compare", "2013", "2014", "--format", "csv");

            assertThat(ingest.exitCode()).isEqualTo(1);
            assertReadable(ingest);
            assertThat(ingest.err()).startsWith("pipeline ingest: cannot write the pipeline home " + home + " (permission denied)");
            assertThat(compare.exitCode()).as(compare.err()).isZero();
            assertThat(compare.err()).isEmpty();
        } finally {
            Unprivileged.chmod("u+w", home);
        }
    }

    @Test
    void namesAnInputFolderItCannotRead() throws Exception {
        Path inbox = Fixtures.copy(Fixtures.INGEST, temp.resolve("inbox"), "don-vi.xlsx");
        Path locked = Files.createDirectories(inbox.resolve("locked"));
        Files.writeString(locked.resolve("x.csv"), "a\n1\n");
        Unprivileged.chmod("a-rwx", locked);
        try {
            Cli.Result result = ChildJvm.run(Unprivileged.wrapper(), "--home", temp.resolve("home").toString(), "ingest", inbox.toString());

            // one folder that cannot be read does not block the others: it is reported, the rest is ingested
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.err().lines().toList()).as(result.err()).hasSize(1)
                    .allSatisfy(line -> assertThat(line).doesNotContain("Exception", "\tat ", "java.", "org."));
            assertThat(result.err()).contains(locked.toString()).contains("permission denied");
            assertThat(result.out()).contains("locked  [NOT_RECOGNISED] not read: a folder that cannot be listed (permission denied)")
                    .contains("don-vi.xlsx  [INGESTED]");
        } finally {
            Unprivileged.chmod("u+rwx", locked);
        }
    }

    @AfterEach
    void giveBackWritePermission() throws Exception {
        Unprivileged.chmod("u+rwx", temp);
    }
}
