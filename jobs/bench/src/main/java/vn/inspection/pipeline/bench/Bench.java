package vn.inspection.pipeline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pipeline bench}: generates deterministic registers, then times our commands and their anchors in
 * one run, interleaved (ours, anchor, ours, anchor …), each case at least three times, every one as a whole
 * process under {@code /usr/bin/time} (wall and CPU seconds, peak RSS from the OS). Reports the minimum and
 * median, rows per second and the ratio of our speed to the anchor's (higher is better).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure ingest, compare, refresh and report side by side with DuckDB, raw XLSX readers and Spark.")
public final class Bench implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "1000000", description = "CSV register rows (default 1,000,000)")
    long rows;

    @Option(names = "--xlsx-rows", description = "XLSX register rows (default: 30%% of --rows)")
    Long xlsxRows;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each case (at least 3; default 3)")
    int runs;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or json: one JSON document")
    String format;

    @Option(names = "--work", description = "Folder for the generated data and homes (default: jobs/bench/target/work)")
    Path work;

    @Option(names = "--jar", description = "Run the application jar with java -jar instead of through the launcher ./pipeline")
    Path jar;

    private Path launcher;

    @Option(names = "--our-java-opts", defaultValue = "", description = "JVM options for our commands, e.g. -Xmx512m")
    String ourJavaOpts;

    @Option(names = "--no-spark", description = "Leave out the Spark anchors even when the Spark module is built")
    boolean noSpark;

    @Option(names = "--only", split = ",", description = "Run only these cases: csv, xlsx, compare, warm, refresh, report, nightly, resend")
    List<String> only;

    private final PrintStream log = System.err;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 3) {
            System.err.println("pipeline bench: --runs must be at least 3");
            return 2;
        }
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            System.err.println("pipeline bench: /usr/bin/time is missing (it reads peak memory from the OS): apt-get install time");
            return 2;
        }
        Path root = Path.of("").toAbsolutePath();
        launcher = root.resolve("pipeline");
        work = (work != null ? work : root.resolve("jobs/bench/target/work")).toAbsolutePath();
        long xlsx = xlsxRows != null ? xlsxRows : rows * 3 / 10;
        Runner runner = new Runner(work, log, java.util.Map.of("PIPELINE_JAVA_OPTS",
                (ourJavaOpts + " -Dpipeline.pseudonym-key=benchmark-key-0123456789").strip()));
        Path benchClasspath = root.resolve("jobs/bench/target/classpath.txt");
        String anchorsClasspath = root.resolve("jobs/bench/target/pipeline-bench.jar") + ":" + Files.readString(benchClasspath).strip();

        Path sparkJar = root.resolve("jobs/spark/target/pipeline-spark.jar");
        boolean spark = !noSpark && Files.exists(sparkJar) && Files.exists(root.resolve("jobs/spark/target/classpath/spark.txt"));
        if (!spark && !noSpark) {
            log.println("the Spark module is not built: its anchors are left out (mvn -q -DskipTests -pl jobs/spark -am package)");
        }
        Path csv = generate(runner, "csv", rows);
        Path xlsxDir = wanted("xlsx") ? generate(runner, "xlsx", xlsx) : null;
        List<String> ours = ours();
        List<String> anchors = List.of("java", "-cp", anchorsClasspath, Anchors.class.getName());
        Map<String, Long> rowCounts = Map.of("csv", rows, "xlsx", xlsx);

        List<CaseResult> results = new ArrayList<>();
        Path lakeHome = work.resolve("home-compare");
        if (wanted("csv") || wanted("compare") || wanted("refresh") || wanted("report")) {
            // the lake the read cases work on: the CSV registers, ingested once
            Runner.deleteTree(lakeHome);
            runner.run(concat(ours, "--home", lakeHome.toString(), "ingest", csv.toString(), "--format", "json"), null);
        }
        if (wanted("csv")) {
            List<Impl> impls = new ArrayList<>();
            impls.add(new Impl("ours", () -> {
                Path home = work.resolve("home-csv");
                Runner.deleteTree(home);
                return concat(ours, "--home", home.toString(), "ingest", csv.toString(), "--format", "json", "--no-refresh");
            }));
            impls.add(new Impl("duckdb-copy", () -> {
                Runner.deleteTree(work.resolve("duckdb-out"));
                return concat(anchors, "duckdb-copy", csv.toString(), work.resolve("duckdb-out").toString());
            }));
            if (spark) {
                impls.add(new Impl("spark-local-csv-to-parquet", () -> {
                    Runner.deleteTree(work.resolve("spark-out"));
                    return sparkCommand(root, "csv-to-parquet", csv.toString(), work.resolve("spark-out").toString());
                }));
            }
            results.addAll(measure(runner, "csv ingest", rowCounts.get("csv"), impls));
        }
        if (xlsxDir != null) {
            List<Impl> impls = List.of(
                    new Impl("ours", () -> {
                        Path home = work.resolve("home-xlsx");
                        Runner.deleteTree(home);
                        return concat(ours, "--home", home.toString(), "ingest", xlsxDir.toString(), "--format", "json", "--no-refresh");
                    }),
                    new Impl("raw-fastexcel-read", () -> concat(anchors, "fastexcel-read", xlsxDir.toString())),
                    new Impl("poi-sax-read", () -> concat(anchors, "poi-sax", xlsxDir.toString())));
            results.addAll(measure(runner, "xlsx ingest", rowCounts.get("xlsx"), impls));
        }
        if (wanted("compare")) {
            List<Impl> impls = List.of(
                    new Impl("ours", () -> concat(ours, "--home", lakeHome.toString(), "compare", "2013-H1", "2014-H1", "--format", "json")),
                    new Impl("duckdb-hand-written-query", () -> concat(anchors, "duckdb-compare", lakeHome.resolve("lake").toString())));
            results.addAll(measure(runner, "compare 2013-H1 2014-H1", rows, impls));
        }
        if (wanted("warm")) {
            // one process each, the comparison repeated in it: the engines' query time once warm, start-up left out
            List<String> duckdb = concat(anchors, "duckdb-catalog-warm", lakeHome.resolve("warehouse/warehouse.duckdb").toString(),
                    Integer.toString(runs + 1));
            List<String> theirs = spark ? sparkCommand(root, "compare-warm", lakeHome.resolve("lake").toString(), Integer.toString(runs + 1)) : null;
            results.addAll(warm(runner, "compare warm, in process (duckdb)", rows, duckdb, theirs == null ? null : "spark-local-warm", theirs));
        }
        if (wanted("resend")) {
            results.addAll(resend(runner, csv, ours));
        }
        if (wanted("refresh")) {
            results.addAll(measure(runner, "warehouse refresh", rows,
                    List.of(new Impl("ours", () -> concat(ours, "--home", lakeHome.toString(), "refresh")))));
        }
        if (wanted("nightly") && supports("nightly")) {
            results.addAll(measure(runner, "nightly end to end", rows, List.of(new Impl("ours", () -> {
                Path home = work.resolve("home-nightly");
                Runner.deleteTree(home);
                return concat(ours, "--home", home.toString(), "nightly", "--inbox", csv.toString(), "--as-of", "2015-07-02");
            }))));
        }
        if (wanted("report") && supports("report")) {
            results.addAll(measure(runner, "report render", rows, List.of(new Impl("ours", () -> concat(ours, "--home", lakeHome.toString(),
                    "report", "--periods", "2013-H1,2014-H1", "--out", work.resolve("report.pdf").toString())))));
        }
        print(results, xlsx);
        return 0;
    }

    /**
     * A living register (issue 17): the CSV registers ingested once, then sent again with 1% of their rows corrected
     * and 0.1% missing (a resend: the missing rows are withdrawn). Timed against the plain ingest of the same rows into
     * an empty home in the same run; the ratio is the resend's speed over the plain ingest's (at least 0.85: versioning
     * may cost at most 15% of the throughput). Each resend run starts from a copy of the lake that holds the first
     * sending (the copy is not timed).
     */
    private List<CaseResult> resend(Runner runner, Path csv, List<String> ours) throws Exception {
        Path again = work.resolve("data-resend-" + rows);
        if (!Files.isDirectory(again)) {
            log.printf("writing the resent registers (1%% of rows corrected, 0.1%% missing) in %s…%n", again);
            Path partial = work.resolve("data-resend-" + rows + ".partial");
            Runner.deleteTree(partial);
            Files.createDirectories(partial);
            try (Stream<Path> files = Files.list(csv)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                    if (!file.getFileName().toString().startsWith("units")) {
                        Resend.write(file, partial.resolve(file.getFileName().toString().replace(".csv", "-gui-lai.csv")));
                    }
                }
            }
            Files.move(partial, again);
        }
        Path first = work.resolve("home-resend-first");
        Runner.deleteTree(first);
        log.printf("resend: the first sending, ingested once…%n");
        runner.run(concat(ours, "--home", first.toString(), "ingest", csv.toString(), "--format", "json", "--no-refresh"), null);
        List<Impl> impls = List.of(
                new Impl("ours", () -> {
                    Path home = work.resolve("home-resend");
                    Runner.deleteTree(home);
                    Runner.copyTree(first, home);
                    return concat(ours, "--home", home.toString(), "ingest", again.toString(), "--format", "json", "--no-refresh");
                }),
                new Impl("plain-ingest-same-rows", () -> {
                    Path home = work.resolve("home-resend-plain");
                    Runner.deleteTree(home);
                    return concat(ours, "--home", home.toString(), "ingest", csv.toString(), "--format", "json", "--no-refresh");
                }));
        return measure(runner, "resend 1% corr. 0.1% gone", rows, impls);
    }

    private boolean wanted(String name) {
        return only == null || only.contains(name);
    }

    /** Whether the application has a command (the report and nightly cases wait for theirs). */
    private boolean supports(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(concat(ours(), "--help")).redirectErrorStream(true).start();
        String usage = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return usage.lines().anyMatch(l -> l.startsWith("  " + command + " "));
    }

    /**
     * Our commands as a user runs them: through the launcher ({@code ./pipeline}, which starts the application the
     * fast way: extracted class path, DuckDB's library unpacked once, class-data sharing), with {@code --our-java-opts}
     * as {@code PIPELINE_JAVA_OPTS}; {@code --jar} runs {@code java -jar} instead.
     */
    private List<String> ours() {
        if (jar != null) {
            List<String> command = new ArrayList<>(List.of("java"));
            if (!ourJavaOpts.isBlank()) {
                command.addAll(List.of(ourJavaOpts.strip().split("\\s+")));
            }
            command.addAll(List.of("-Dpipeline.pseudonym-key=benchmark-key-0123456789", "-jar", jar.toString()));
            return command;
        }
        return List.of(launcher.toString());
    }

    /** The Spark module's anchors, run as the launcher runs the Spark engine (its class path, the JDK 17 flags, loopback). */
    private List<String> sparkCommand(Path root, String... args) throws IOException {
        Path target = root.resolve("jobs/spark/target");
        String classpath = target.resolve("pipeline-spark.jar") + ":" + Files.readString(target.resolve("classpath/engine.txt")).strip()
                + ":" + Files.readString(target.resolve("classpath/spark.txt")).strip();
        List<String> command = new ArrayList<>(List.of("java", "-XX:+IgnoreUnrecognizedVMOptions", "--add-modules=jdk.incubator.vector"));
        for (String open : List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio", "java.util",
                "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs", "sun.security.action",
                "sun.util.calendar")) {
            command.add("--add-opens=java.base/" + open + "=ALL-UNNAMED");
        }
        command.addAll(List.of("-Dio.netty.tryReflectionSetAccessible=true", "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-cp", classpath, "vn.inspection.pipeline.spark.SparkAnchors"));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A case timed inside one process per side: each prints the seconds of its repetitions, one a line; the first is
     * the warm-up and left out.
     */
    private List<CaseResult> warm(Runner runner, String name, long count, List<String> ours, String anchorName, List<String> anchor)
            throws Exception {
        log.printf("%s: ours…%n", name);
        Series oursSeries = new Series("ours", inProcess(runner.run(ours, work.resolve("time.txt"))));
        if (anchor == null) {
            return List.of(new CaseResult(name, count, oursSeries, null));
        }
        log.printf("%s: %s…%n", name, anchorName);
        return List.of(new CaseResult(name, count, oursSeries, new Series(anchorName, inProcess(runner.run(anchor, work.resolve("time.txt"))))));
    }

    private static List<Runner.Run> inProcess(Runner.Run process) {
        List<Runner.Run> runs = new ArrayList<>();
        List<String> lines = process.out().lines().filter(l -> l.matches("[0-9.Ee-]+")).toList();
        for (String line : lines.subList(1, lines.size())) {
            runs.add(new Runner.Run(Double.parseDouble(line), Double.NaN, process.maxRssKb(), ""));
        }
        return runs;
    }

    private Path generate(Runner runner, String kind, long count) throws Exception {
        Path dir = work.resolve("data-" + kind + "-" + count);
        if (!Files.isDirectory(dir)) {
            log.printf("generating %,d %s rows in %s…%n", count, kind, dir);
            Path partial = work.resolve("data-" + kind + "-" + count + ".partial");
            Runner.deleteTree(partial);
            runner.run(concat(ours(), "generate", "--rows", Long.toString(count), "--format", kind, "--out", partial.toString()), null);
            Files.move(partial, dir);
        }
        return dir;
    }

    /** One implementation of a case: a name and the command line to run (made afresh before each run). */
    record Impl(String name, CommandFactory command) {
    }

    interface CommandFactory {
        List<String> make() throws IOException;
    }

    /** The measurements of one implementation. */
    record Series(String name, List<Runner.Run> runs) {
        double min() {
            return runs.stream().mapToDouble(Runner.Run::wallSeconds).min().orElse(Double.NaN);
        }

        double median() {
            double[] sorted = runs.stream().mapToDouble(Runner.Run::wallSeconds).sorted().toArray();
            return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }

        double cpuMedian() {
            double[] sorted = runs.stream().mapToDouble(Runner.Run::cpuSeconds).sorted().toArray();
            return sorted[sorted.length / 2];
        }

        long rssMb() {
            return runs.stream().mapToLong(Runner.Run::maxRssKb).max().orElse(0) / 1024;
        }
    }

    /** A case's result against one anchor (or none), as the JSON document names its fields. */
    record CaseResult(String name, long rows, Series ours, Series anchor) {
        Map<String, Object> json() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", name);
            map.put("rows", rows);
            map.put("seconds_min", round(ours.min()));
            map.put("seconds_median", round(ours.median()));
            map.put("cpu_seconds_median", Double.isNaN(ours.cpuMedian()) ? null : round(ours.cpuMedian()));
            map.put("rows_per_s", Math.round(rows / ours.median()));
            map.put("rss_mb", ours.rssMb());
            map.put("anchor", anchor == null ? null : anchor.name());
            map.put("anchor_seconds_median", anchor == null ? null : round(anchor.median()));
            map.put("anchor_rows_per_s", anchor == null ? null : Math.round(rows / anchor.median()));
            map.put("anchor_rss_mb", anchor == null ? null : anchor.rssMb());
            map.put("ratio", anchor == null ? null : round(anchor.median() / ours.median()));
            return map;
        }
    }

    private List<CaseResult> measure(Runner runner, String name, long count, List<Impl> impls) throws Exception {
        Map<String, List<Runner.Run>> runsByImpl = new LinkedHashMap<>();
        impls.forEach(i -> runsByImpl.put(i.name(), new ArrayList<>()));
        for (Impl impl : impls) {
            // one run first, not measured: the launcher writes each command's class-data archive on its first run
            log.printf("%s: %s, warm-up…%n", name, impl.name());
            runner.run(impl.command().make(), null);
        }
        for (int r = 0; r < runs; r++) {
            for (Impl impl : impls) {
                log.printf("%s: %s, run %d of %d…%n", name, impl.name(), r + 1, runs);
                runsByImpl.get(impl.name()).add(runner.run(impl.command().make(), work.resolve("time.txt")));
            }
        }
        Series ours = new Series("ours", runsByImpl.get("ours"));
        List<CaseResult> results = new ArrayList<>();
        if (impls.size() == 1) {
            results.add(new CaseResult(name, count, ours, null));
        }
        for (Impl impl : impls.subList(1, impls.size())) {
            results.add(new CaseResult(name, count, ours, new Series(impl.name(), runsByImpl.get(impl.name()))));
        }
        return results;
    }

    private void print(List<CaseResult> results, long xlsx) throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory", memory());
        machine.put("java", System.getProperty("java.version"));
        if ("json".equals(format)) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("machine", machine);
            document.put("cases", results.stream().map(CaseResult::json).toList());
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
            return;
        }
        System.out.printf("machine: %s cores, %s memory, Java %s; %d runs each, interleaved, whole process%n",
                machine.get("cores"), machine.get("memory"), machine.get("java"), runs);
        String row = "%-26s %10s %9s %9s %11s %7s  %-26s %9s %11s %7s %7s%n";
        System.out.printf(row, "CASE", "ROWS", "MIN s", "MEDIAN s", "ROWS/s", "RSS MB", "ANCHOR", "MEDIAN s", "ROWS/s", "RSS MB", "RATIO");
        for (CaseResult r : results) {
            Map<String, Object> j = r.json();
            System.out.printf(row, r.name(), String.format(Locale.ROOT, "%,d", r.rows()), j.get("seconds_min"), j.get("seconds_median"),
                    String.format(Locale.ROOT, "%,d", (Long) j.get("rows_per_s")), j.get("rss_mb"),
                    r.anchor() == null ? "-" : r.anchor().name(), r.anchor() == null ? "-" : j.get("anchor_seconds_median"),
                    r.anchor() == null ? "-" : String.format(Locale.ROOT, "%,d", (Long) j.get("anchor_rows_per_s")),
                    r.anchor() == null ? "-" : j.get("anchor_rss_mb"), r.anchor() == null ? "-" : j.get("ratio") + "×");
        }
    }

    private static String memory() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.exists(meminfo)) {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(meminfo, StandardCharsets.US_ASCII)) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .orElse("unknown");
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

}
