package vn.inspection.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import vn.inspection.pipeline.support.Cli;

/**
 * The README a newcomer reads in five minutes: its two commands first, at most 150 lines, a command table that says
 * what each command's own {@code --help} says (so a new command needs one README line, which this test writes out when
 * it is missing), every page of {@code docs/} linked, each long page with a table of contents that matches its
 * headings, and no link to a file that is not there.
 */
class ReadmeTest {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    /** Pages other branches are writing now: linked from the README before they land. */
    static final Set<String> PAGES_ON_THEIR_WAY = Set.of("docs/bao-cao.md", "docs/living-registers.md");
    /** Commands the launcher answers itself, without the application. */
    static final Set<String> LAUNCHER_COMMANDS = Set.of("build", "notebooks", "bench");
    static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| (.+) \\|$");
    static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)#\\s]*)(#[^)\\s]*)?\\)");

    static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    /** The README's command table: command → what it does, as the reader sees it (Markdown escapes removed). */
    static Map<String, String> commandTable() throws IOException {
        String readme = readme();
        String table = readme.substring(readme.indexOf("| command | what it does |"));
        table = table.substring(0, table.indexOf("\n\n"));
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            rows.put(row.group(1), row.group(2).replaceAll("\\\\(.)", "$1"));
        }
        return rows;
    }

    static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    void startsWithTheTwoCommandsThatWorkOnAFreshMachineAndStaysShort() throws IOException {
        List<String> lines = readme().lines().toList();
        assertThat(lines.subList(0, 4)).containsExactly("# Inspection analytics pipeline", "",
                "    ./pipeline nightly --inbox data-samples/ --as-of 2014-07-02", "    mvn -B verify");
        assertThat(lines).as("the README, in lines").hasSizeLessThanOrEqualTo(150);
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).as("CI runs the README's test command").contains("\nmvn -B verify\n");
    }

    @Test
    void listsEveryCommandWithTheOpeningOfItsOwnHelp() throws IOException {
        CommandLine pipeline = new CommandLine(new PipelineCli());
        Map<String, String> table = commandTable();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, CommandLine> command : pipeline.getSubcommands().entrySet()) {
            String description = words(String.join(" ", command.getValue().getCommandSpec().usageMessage().description()));
            if (!table.containsKey(command.getKey())) {
                missing.add("| `" + command.getKey() + "` | " + description.replace("<", "\\<").replace("*", "\\*") + " |");
                continue;
            }
            String summary = words(table.get(command.getKey()));
            assertThat(description).as("README's line for %s opens with its description", command.getKey()).startsWith(summary);
            Cli.Result help = Cli.run(command.getKey(), "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(words(help.out())).as("%s --help", command.getKey()).contains(summary);
        }
        assertThat(missing).as("commands the README's table lacks: add these lines (shorten them to a sentence if you like)").isEmpty();

        Set<String> unknown = new TreeSet<>(table.keySet());
        unknown.removeAll(pipeline.getSubcommands().keySet());
        assertThat(unknown).as("the table's commands that are not the application's are the launcher's").isEqualTo(LAUNCHER_COMMANDS);
        String launcher = Files.readString(ROOT.resolve("pipeline"));
        for (String command : LAUNCHER_COMMANDS) {
            assertThat(launcher).as("the launcher answers %s", command).contains("if [ \"$command\" = \"" + command + "\" ]; then");
            assertThat(table.get(command)).startsWith("(the launcher) ");
        }
    }

    @Test
    void linksEveryPageOfDocsAndEveryLinkLeadsToAFile() throws IOException {
        String readme = readme();
        List<Path> pages;
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            pages = docs.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(pages).isNotEmpty();
        for (Path page : pages) {
            assertThat(readme).as("the README links %s", page.getFileName()).contains("](docs/" + page.getFileName() + ")");
        }
        List<Path> documents = new ArrayList<>(pages);
        documents.add(ROOT.resolve("README.md"));
        documents.add(ROOT.resolve("BENCHMARKS.md"));
        for (Path document : documents) {
            Matcher link = LINK.matcher(Files.readString(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.isEmpty() || target.matches("[a-z]+:.*")) {
                    continue; // an anchor in the page itself, or a web address
                }
                Path file = document.getParent().resolve(target).normalize();
                if (PAGES_ON_THEIR_WAY.contains(ROOT.relativize(file).toString())) {
                    continue;
                }
                assertThat(file).as("%s links %s", ROOT.relativize(document), target).exists();
            }
        }
    }

    @Test
    void givesEveryLongPageOfDocsATableOfContentsThatMatchesItsHeadings() throws IOException {
        List<Path> pages;
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            pages = docs.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path page : pages) {
            String text = Files.readString(page);
            List<String> headings = new ArrayList<>();
            Matcher heading = Pattern.compile("(?m)^## (.+)$").matcher(text);
            while (heading.find()) {
                headings.add(anchor(heading.group(1)));
            }
            if (headings.size() < 3) {
                continue;
            }
            int contents = text.indexOf("**Contents:**");
            assertThat(contents).as("%s has a table of contents", page.getFileName()).isNotNegative();
            String line = text.substring(contents, text.indexOf("\n\n", contents));
            List<String> anchors = new ArrayList<>();
            Matcher link = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(line);
            while (link.find()) {
                anchors.add(link.group(1));
            }
            assertThat(anchors).as("%s: its contents are its headings", page.getFileName()).isEqualTo(headings);
        }
    }

    /** The anchor GitHub gives a heading. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(java.util.Locale.ROOT).replace("`", "").replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
    }
}
