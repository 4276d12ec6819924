package vn.inspection.pipeline.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Spark standalone cluster on this machine for one test class: a Master and a Worker, each its own JVM
 * started from the Maven-resolved Spark jars ({@code target/classpath/spark.txt}), bound to 127.0.0.1. The
 * Worker launches executors from a Spark home whose {@code jars/} links to the same jars. Both processes (and
 * any executor the Worker started) are stopped by PID after the class, whatever happened, and a shutdown hook
 * stops them if the test JVM itself is ended.
 */
final class StandaloneCluster implements BeforeAllCallback, AfterAllCallback {
    static final Path SPARK_CLASSPATH = Path.of("target/classpath/spark.txt");
    static final Path ENGINE_CLASSPATH = Path.of("target/classpath/engine.txt");
    private static final Duration START = Duration.ofMinutes(2);

    private final int cores;
    private final String memory;
    private final List<Process> processes = new ArrayList<>();
    private final List<ProcessHandle> stopped = new ArrayList<>();
    private final Thread hook = new Thread(this::stop, "stop-standalone-cluster");
    private Path folder;
    private String masterUrl;

    StandaloneCluster(int cores, String memory) {
        this.cores = cores;
        this.memory = memory;
    }

    /** {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return masterUrl;
    }

    /** Every process this cluster started (Master, Worker, executors), as last seen; all ended after the class. */
    List<ProcessHandle> stoppedProcesses() {
        return List.copyOf(stopped);
    }

    Path folder() {
        return folder;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Runtime.getRuntime().addShutdownHook(hook);
        folder = Path.of("target/standalone-cluster").toAbsolutePath();
        SampleHome.deleteTree(folder);
        Path jars = Files.createDirectories(folder.resolve("spark-home/jars"));
        for (String jar : classpath(SPARK_CLASSPATH)) {
            Path file = Path.of(jar);
            Files.createSymbolicLink(jars.resolve(file.getFileName()), file);
        }
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        Process master = start("master", "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        awaitLog("master", master, "I have been elected leader");
        Process worker = start("worker", "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--webui-port", String.valueOf(freePort()), "--cores", String.valueOf(cores), "--memory", memory,
                "--work-dir", Files.createDirectories(folder.resolve("work")).toString(), masterUrl);
        awaitLog("worker", worker, "Successfully registered with master");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs
        }
    }

    /** Stops the Worker (and its executors), then the Master, by PID; forcibly after 20 s. */
    synchronized void stop() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : tree) {
                try {
                    handle.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                    handle.onExit().join();
                }
                stopped.add(handle);
            }
        }
        processes.clear();
    }

    static List<String> classpath(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: it is written by `mvn package` (maven-dependency-plugin build-classpath)");
        }
        return List.of(Files.readString(file, StandardCharsets.UTF_8).strip().split(java.io.File.pathSeparator));
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", String.join(java.io.File.pathSeparator, classpath(SPARK_CLASSPATH))));
        command.addAll(List.of(System.getProperty("spark.it.java-options", "").split(" ")).stream().filter(s -> !s.isBlank()).toList());
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", folder.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
        env.put("SPARK_LOG_DIR", folder.toString());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void awaitLog(String name, Process process, String line) throws Exception {
        Path log = folder.resolve(name + ".log");
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (text.contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " stopped (exit " + process.exitValue() + "):\n" + text);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the " + name + " did not log '" + line + "' within " + START + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
