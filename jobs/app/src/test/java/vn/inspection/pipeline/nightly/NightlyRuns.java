package vn.inspection.pipeline.nightly;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.jdbc.support.JdbcTransactionManager;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import vn.inspection.pipeline.support.ChildJvm;
import vn.inspection.pipeline.support.Cli;

/**
 * Runs the nightly job as cron would: {@code pipeline nightly} in a JVM of its own, configured by {@code -D} options
 * (the mail server, the recipients), against a real SMTP server (GreenMail on a loopback port) when a test wants mail.
 */
final class NightlyRuns {
    static final Path SAMPLES = Path.of("../../data-samples");
    static final String TO = "ubkt@vanxuan.example";
    static final String FROM = "pipeline@vanxuan.example";

    private NightlyRuns() {
    }

    /** A loopback port nothing listens on (now). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A real SMTP server on 127.0.0.1:port, not started. */
    static GreenMail smtp(int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** The configuration of mail through 127.0.0.1:port to {@link #TO}, retried quickly. */
    static List<String> mailTo(int port) {
        return List.of("-Dspring.mail.host=127.0.0.1", "-Dspring.mail.port=" + port, "-Dpipeline.delivery.mail.to=" + TO,
                "-Dpipeline.delivery.mail.from=" + FROM, "-Dpipeline.delivery.mail.retry.max-retries=2",
                "-Dpipeline.delivery.mail.retry.delay=200ms", "-Dpipeline.delivery.mail.retry.max-delay=1s");
    }

    /** {@code pipeline --home HOME nightly ARGS…} in its own JVM, to the end (five minutes at most). */
    static Cli.Result nightly(Path home, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "nightly"));
        all.addAll(List.of(args));
        return run(home.resolveSibling(home.getFileName() + "-logs"), jvmOptions, all.toArray(String[]::new));
    }

    static Process start(Path home, String name, List<String> jvmOptions, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "nightly"));
        all.addAll(List.of(args));
        return ChildJvm.start(home.resolveSibling(home.getFileName() + "-logs"), name, List.of(), jvmOptions, all.toArray(String[]::new));
    }

    private static int runs;

    private static synchronized Cli.Result run(Path logs, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        String name = "run-" + (++runs);
        Process process = ChildJvm.start(logs, name, List.of(), jvmOptions, args);
        return finish(process, logs, name);
    }

    /** Waits for a started child (five minutes at most) and reads what it printed. */
    static Cli.Result finish(Process process, Path logs, String name) throws IOException, InterruptedException {
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the nightly JVM did not finish in five minutes: see " + logs);
        }
        return new Cli.Result(process.exitValue(), Files.readString(logs.resolve(name + ".out"), StandardCharsets.UTF_8),
                Files.readString(logs.resolve(name + ".err"), StandardCharsets.UTF_8));
    }

    /** The home's job repository, opened read-only (no process may have it open). */
    static JobRepository repository(Path home) throws Exception {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + home.resolve("batch/jobs") + ";ACCESS_MODE_DATA=r");
        dataSource.setUser("sa");
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new JdbcTransactionManager(dataSource));
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    /** Every execution of a job, oldest first. */
    static List<JobExecution> executions(JobRepository repository, String job) {
        List<JobExecution> all = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(job, 0, 100)) {
            all.addAll(repository.getJobExecutions(instance));
        }
        all.sort(java.util.Comparator.comparing(JobExecution::getId));
        return all;
    }

    /** The names of an execution's steps, in the order they ran. */
    static List<String> steps(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .sorted(java.util.Comparator.comparing(s -> s.getId()))
                .map(s -> s.getStepName()).toList();
    }
}
