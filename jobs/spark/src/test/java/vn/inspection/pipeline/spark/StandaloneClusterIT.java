package vn.inspection.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The comparison on a real Spark standalone cluster (a Master and a Worker, separate JVMs on 127.0.0.1): from
 * this JVM as the driver with the thin jar shipped to the executors, and with {@code spark-submit} as the
 * README documents it. The figures equal the DuckDB engine's on the committed samples. The cluster's
 * processes are stopped by PID after the class ({@link StandaloneCluster}).
 */
class StandaloneClusterIT {
    @RegisterExtension
    @Order(1)
    static final StandaloneCluster cluster = new StandaloneCluster(2, "1g");

    static final Path THIN_JAR = Path.of(System.getProperty("pipeline.spark.jar", "target/pipeline-spark.jar")).toAbsolutePath();

    static SparkSessions spark;
    static Path home;

    @BeforeAll
    static void connectToTheCluster() throws Exception {
        home = SampleHome.home();
        assertThat(THIN_JAR).exists();
        List<String> jars = new ArrayList<>(List.of(THIN_JAR.toString()));
        jars.addAll(StandaloneCluster.classpath(StandaloneCluster.ENGINE_CLASSPATH));
        // the driver is this JVM; executors run in the Worker's JVMs and fetch the thin jar and its few jars from it
        System.setProperty("spark.jars", String.join(",", jars));
        System.setProperty("spark.cores.max", "1");             // leaves a core for the spark-submit test's application
        System.setProperty("spark.executor.memory", "512m");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.sql.shuffle.partitions", "4");
        try {
            spark = SparkSessions.obtain(cluster.masterUrl(), "compare on a standalone cluster");
        } finally {
            for (String key : List.of("spark.jars", "spark.cores.max", "spark.executor.memory", "spark.driver.host", "spark.driver.bindAddress",
                    "spark.ui.enabled", "spark.sql.shuffle.partitions")) {
                System.clearProperty(key);
            }
        }
    }

    @AfterAll
    static void stopTheApplication() {
        if (spark != null) {
            spark.close();
        }
    }

    static JsonNode duckDb(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        SampleHome.Result result = SampleHome.app(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(result.out());
        document.put("engine", "spark");
        return document;
    }

    @Test
    void runsTheComparisonOnTheClustersExecutorsWithTheFiguresOfDuckDb() throws Exception {
        for (String[] args : List.of(new String[] {"compare", "2013-H1", "2014-H1", "--format", "json"},
                new String[] {"compare", "2014-H1", "--previous-year", "--unit", "DU05", "--format", "json"},
                new String[] {"compare", "2013", "2014", "--unit", "DU02", "--as-recorded", "--format", "json"})) {
            List<String> onCluster = new ArrayList<>(List.of(args));
            onCluster.addAll(List.of("--lake", SampleHome.lakeUri(), "--engine", "spark", "--spark-master", cluster.masterUrl()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = SparkCli.run(onCluster.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8))).as(String.join(" ", args)).isEqualTo(duckDb(args));
        }
        Map<String, ?> executors = scala.jdk.javaapi.CollectionConverters.asJava(spark.session().sparkContext().getExecutorMemoryStatus());
        assertThat(executors).as("the driver and at least one executor in the Worker").hasSizeGreaterThanOrEqualTo(2);
        assertThat(spark.session().sparkContext().master()).isEqualTo(cluster.masterUrl());
        assertThat(scala.jdk.javaapi.CollectionConverters.asJava(spark.session().sparkContext().listJars()))
                .anySatisfy(jar -> assertThat(jar).endsWith("pipeline-spark.jar"));
    }

    @Test
    void sparkSubmitRunsTheThinJarOnTheClusterAsTheReadmeSays() throws Exception {
        List<String> engineJars = StandaloneCluster.classpath(StandaloneCluster.ENGINE_CLASSPATH);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(List.of(System.getProperty("spark.it.java-options", "").split(" ")).stream().filter(s -> !s.isBlank()).toList());
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, StandaloneCluster.classpath(StandaloneCluster.SPARK_CLASSPATH)),
                "org.apache.spark.deploy.SparkSubmit",
                "--master", cluster.masterUrl(), "--deploy-mode", "client", "--total-executor-cores", "1", "--executor-memory", "512m",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.ui.enabled=false",
                "--class", "vn.inspection.pipeline.spark.SparkCli",
                "--jars", String.join(",", engineJars),
                THIN_JAR.toString(),
                "compare", "2013-H1", "2014-H1", "--lake", SampleHome.lakeUri(), "--format", "json"));
        SampleHome.Result submitted = SampleHome.run(command);
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        assertThat(new ObjectMapper().readTree(submitted.out())).isEqualTo(duckDb("compare", "2013-H1", "2014-H1", "--format", "json"));
    }
}
