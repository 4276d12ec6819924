package vn.inspection.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.inspection.pipeline.support.Cli;
import vn.inspection.pipeline.support.FileTree;
import vn.inspection.pipeline.support.Fixtures;

/**
 * {@code pipeline sql} as an analyst uses it: any SQL text (a file's leading comments included), the dot-commands of
 * DuckDB's own CLI that make sense here, tables a person reads (numbers right-aligned, long text cut unless
 * {@code --wide}), and the {@code labels} table that names every code.
 */
class SqlPromptTest {
    @TempDir
    static Path shared;
    static Path home;

    @BeforeAll
    static void ingest() throws IOException {
        home = shared.resolve("home");
        Path inbox = Fixtures.copy(Fixtures.INGEST, shared.resolve("inbox"), "don-vi.xlsx", "kiem-tra-2014.xlsx");
        Cli.Result ingest = Cli.run("--home", home.toString(), "ingest", inbox.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    }

    static Cli.Result sql(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--home";
        all[1] = home.toString();
        all[2] = "sql";
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(all);
    }

    static Cli.Result piped(String script, String... args) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
            return sql(args);
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void runsAQueryFileThatStartsWithAComment() {
        // what sql "$(cat q.sql)" passes: the comment line first, two statements
        Cli.Result result = sql("-- inspections in the fixture\n/* and units */\nSELECT count(*) AS n FROM inspection;\nSELECT count(*) AS u FROM units;\n-- end\n",
                "--format", "csv");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines().toList()).containsExactly("n", "5", "u", "6");
    }

    @Test
    void aMistypedOptionIsBadUsageWithTheClosestOne() {
        Cli.Result result = sql("--fromat", "csv", "SELECT 1");
        Cli.Result alone = sql("--fromat");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().toList()).hasSizeLessThanOrEqualTo(3).anySatisfy(line -> assertThat(line).contains("--format"))
                .last().asString().isEqualTo("Run 'pipeline sql --help' for its options.");
        assertThat(result.out()).isEmpty();
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err().lines().toList()).containsExactly("pipeline: Unknown option: '--fromat'", "Did you mean: --format?",
                "Run 'pipeline sql --help' for its options.");
    }

    @Test
    void answersTheDotCommandsAndLeavesAtQuitEvenInTheMiddleOfAStatement() {
        Cli.Result result = piped(String.join("\n",
                ".help",
                ".tables",
                ".schema labels",
                ".mode csv",
                "SELECT count(*) AS n FROM inspection;",
                ".mode markdown",
                "SELECT 'a|b' AS t, 42 AS n;",
                ".mode",
                "SELECT 'never run'",
                ".quit",
                "SELECT 'after quit' AS t;", ""));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        String out = result.out();
        assertThat(out).contains(".schema [TABLE]", ".output [FILE]", ".quit");
        assertThat(out).containsPattern("(?m)^labels\\s+\\| Nhãn tiếng Việt");
        assertThat(out).containsPattern("(?m)^labels\\s+\\| label_vi\\s+\\| VARCHAR");
        assertThat(out).contains("n\r\n5\r\n");
        assertThat(out).contains("| t    |   n |\n| ---- | --: |\n| a\\|b |  42 |\n");
        assertThat(out).contains("current mode: markdown");
        assertThat(out).doesNotContain("never run", "after quit");
    }

    @Test
    void saysInOneLineWhatADotCommandCannotDo() {
        Cli.Result result = piped(".mode yaml\n.schema nowhere\n.frobnicate\nSELECT 1 AS one;\n");

        assertThat(result.exitCode()).as("a script with a failed command fails").isEqualTo(1);
        assertThat(result.err().lines().toList()).containsExactly(
                "pipeline sql: .mode yaml: unknown mode; give table, csv, json or markdown",
                "pipeline sql: no table nowhere in the warehouse; .tables lists them",
                "pipeline sql: unknown command .frobnicate; .help lists the commands");
        assertThat(result.out()).containsPattern("one\\n-+\\n  1\\n\\(1 row\\)");
    }

    @Test
    void writesResultsToTheFileOutputNamesButNeverInsideTheHome() throws IOException {
        Path file = shared.resolve("out").resolve("units.csv");
        Files.createDirectories(file.getParent());
        Map<String, String> homeBefore = FileTree.snapshot(home);

        Cli.Result result = piped(".mode csv\n.output " + file + "\nSELECT code FROM units ORDER BY code LIMIT 2;\n.output\nSELECT 'screen' AS s;\n"
                + ".output " + home.resolve("stolen.csv") + "\n");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(file).content(StandardCharsets.UTF_8).isEqualTo("code\r\nCB0101\r\nCB0201\r\n");
        assertThat(result.out()).isEqualTo("s\r\nscreen\r\n");
        assertThat(result.err()).startsWith("pipeline sql: will not write " + home.resolve("stolen.csv") + " inside the pipeline home");
        assertThat(FileTree.snapshot(home)).isEqualTo(homeBefore);
    }

    @Test
    void rightAlignsNumbersAndCutsLongTextUnlessWide() {
        String query = "SELECT 'ab' AS name, 12345 AS n, repeat('x', 80) AS note UNION ALL SELECT 'abcdef', 7, 'short' ORDER BY n DESC";

        Cli.Result table = sql(query);
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines().toList()).containsExactly(
                "name   |     n | note",
                "-".repeat(9 + 8 + 60),
                "ab     | 12345 | " + "x".repeat(59) + "…",
                "abcdef |     7 | short",
                "(2 rows; long text cut, --wide shows it whole)");

        Cli.Result wide = sql(query, "--wide");
        assertThat(wide.out()).contains("ab     | 12345 | " + "x".repeat(80) + "\n").contains("(2 rows)");
    }

    @Test
    void labelsEveryCodeInVietnameseAndEnglish() {
        Cli.Result result = sql("SELECT enumeration, label_vi, label_en FROM labels WHERE record_type = 'discipline' AND field = 'form' AND code = 'REPRIMAND'",
                "--format", "csv");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).containsExactly("enumeration,label_vi,label_en", "discipline_form,Khiển trách,Reprimand");
        assertThat(sql("SELECT count(*) FROM inspection i LEFT JOIN labels l ON l.record_type = 'inspection' AND l.field = 'type' AND l.code = i.type "
                + "WHERE l.code IS NULL", "--format", "csv").out().lines().toList()).as("every inspection type has its label").containsExactly("count_star()", "0");
    }
}
