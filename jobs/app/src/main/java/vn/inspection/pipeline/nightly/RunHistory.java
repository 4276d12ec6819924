package vn.inspection.pipeline.nightly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.jdbc.support.JdbcTransactionManager;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import vn.inspection.pipeline.ingest.FileResult;
import vn.inspection.pipeline.ingest.IngestJobConfiguration;
import vn.inspection.pipeline.ingest.IngestSummary;
import vn.inspection.pipeline.orchestration.JobRuns;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.PipelineHome;

/**
 * The past runs of a job, newest first, read from the job repository ({@code <home>/batch/jobs.mv.db}), without Spring.
 *
 * <p>The repository is an embedded H2 file, which H2 locks while a process has it open: a reader would be refused
 * while a job runs, and a job starting while a reader has it open would fail. So the reader takes the home's lock
 * only for the moment it copies the file (milliseconds), then reads the copy; when the home is busy (a job is running)
 * it reads the run summaries in {@code <home>/runs/} instead, and says so (the running night is not among them until
 * it ends). On a home it cannot write, where no job can run either, it copies the file without the lock.
 */
public final class RunHistory {
    private static final Logger log = LoggerFactory.getLogger(RunHistory.class);

    /** Where a listing came from. */
    public enum Source { JOB_REPOSITORY, RUNS_FOLDER }

    /** The runs listed, and a note when they come from the run summaries instead of the job repository. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Listing(@JsonProperty("source") Source source, @JsonProperty("note") String note, @JsonProperty("runs") List<Row> runs) {
    }

    /** One execution of a run (a restart is another attempt of the same run). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(@JsonProperty("job") String job,
                      @JsonProperty("run") long run,
                      @JsonProperty("attempt") int attempt,
                      @JsonProperty("execution") long execution,
                      @JsonProperty("status") String status,
                      @JsonProperty("started") Instant started,
                      @JsonProperty("duration_ms") Long durationMs,
                      @JsonProperty("as_of") LocalDate asOf,
                      @JsonProperty("files") Integer files,
                      @JsonProperty("files_ingested") Integer filesIngested,
                      @JsonProperty("accepted") Long accepted,
                      @JsonProperty("duplicates") Long duplicates,
                      @JsonProperty("rejected") Long rejected,
                      @JsonProperty("reports_rendered") Integer reportsRendered,
                      @JsonProperty("mails_sent") Integer mailsSent,
                      @JsonProperty("units_mailed") Integer unitsMailed,
                      @JsonProperty("rejects_returned") Integer rejectsReturned,
                      @JsonProperty("failed_step") String failedStep,
                      @JsonProperty("reason") String reason,
                      @JsonProperty("summary_file") String summaryFile) {
    }

    private final PipelineHome home;

    public RunHistory(PipelineHome home) {
        this.home = home;
    }

    /** The last {@code limit} executions of a job (nightly or ingest). */
    public Listing list(String job, int limit) throws Exception {
        Path database = home.jobRepository().resolveSibling(home.jobRepository().getFileName() + ".mv.db");
        if (!Files.exists(database)) {
            return new Listing(Source.RUNS_FOLDER, "no job repository yet in " + home.root().resolve("batch") + ": no job has run", fromRuns(job, limit));
        }
        Path copy = Files.createTempDirectory("pipeline-history");
        try {
            try (HomeLock lock = HomeLock.acquire(home)) {
                Files.copy(database, copy.resolve("jobs.mv.db"), StandardCopyOption.COPY_ATTRIBUTES);
            } catch (HomeLock.Busy e) {
                return new Listing(Source.RUNS_FOLDER, e.getMessage().replaceFirst(": wait for it to finish, then run this command again$", "")
                        + ": listing the run summaries in " + runs() + " instead (the run in progress appears there when it ends)", fromRuns(job, limit));
            } catch (java.nio.file.AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
                // a home this user cannot write: no job can run in it either, so the file is at rest
                log.debug("reading {} without the home's lock: {}", database, e.getMessage());
                Files.copy(database, copy.resolve("jobs.mv.db"), StandardCopyOption.COPY_ATTRIBUTES);
            }
            return new Listing(Source.JOB_REPOSITORY, null, fromRepository(copy.resolve("jobs"), job, limit));
        } finally {
            vn.inspection.pipeline.lake.Lake.deleteTree(copy);
        }
    }

    private List<Row> fromRepository(Path database, String job, int limit) throws Exception {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + database + ";ACCESS_MODE_DATA=r");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new JdbcTransactionManager(dataSource));
        factory.afterPropertiesSet();
        JobRepository repository = factory.getObject();
        List<Row> rows = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(job, 0, limit)) {
            List<JobExecution> executions = new ArrayList<>(repository.getJobExecutions(instance));
            executions.sort(Comparator.comparing(JobExecution::getId));
            for (int i = 0; i < executions.size(); i++) {
                rows.add(row(job, executions.get(i), i + 1));
            }
        }
        rows.sort(Comparator.comparing(Row::execution).reversed());
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    private static Row row(String job, JobExecution execution, int attempt) {
        long run = execution.getJobParameters().getLong(JobRuns.RUN_ID) == null ? 0 : JobRuns.runId(execution);
        var context = execution.getExecutionContext();
        if (job.equals(NightlySummary.JOB) && context.containsKey(NightlyJobConfiguration.SUMMARY)) {
            return row(NightlySummary.fromJson(context.getString(NightlyJobConfiguration.SUMMARY)));
        }
        Instant started = execution.getStartTime() == null ? null : execution.getStartTime().atZone(ZoneId.systemDefault()).toInstant();
        Long duration = execution.getStartTime() == null || execution.getEndTime() == null ? null
                : Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis();
        String status = execution.getStatus().name();
        String reason = null;
        if (execution.getExecutionContext().containsKey("batch.recovered") || execution.getEndTime() == null) {
            reason = execution.getEndTime() == null && !execution.getStatus().isUnsuccessful()
                    ? "still running, or killed and not yet recovered (the next run marks it failed)"
                    : "interrupted: the process was killed; the next run resumed or abandoned it";
        } else if (!execution.getFailureExceptions().isEmpty()) {
            reason = vn.inspection.pipeline.system.Errors.describe(execution.getFailureExceptions().get(0));
        }
        if (job.equals(IngestJobConfiguration.JOB_NAME) && context.containsKey(IngestJobConfiguration.SUMMARY)) {
            IngestSummary summary = IngestSummary.fromJson(context.getString(IngestJobConfiguration.SUMMARY));
            long accepted = summary.totals().values().stream().mapToLong(IngestSummary.Totals::accepted).sum();
            long duplicates = summary.totals().values().stream().mapToLong(IngestSummary.Totals::duplicates).sum();
            long rejected = summary.totals().values().stream().mapToLong(IngestSummary.Totals::rejectedOrParked).sum();
            int ingested = (int) summary.files().stream().filter(f -> f.status() == FileResult.Status.INGESTED).count();
            return new Row(job, run, attempt, execution.getId(), status, started, duration, null, summary.files().size(), ingested, accepted,
                    duplicates, rejected, null, null, null, null, null, reason, summary.rejectsReport());
        }
        String failedStep = execution.getStepExecutions().stream().filter(s -> s.getStatus().isUnsuccessful()).map(s -> s.getStepName())
                .findFirst().orElse(null);
        LocalDate asOf = execution.getJobParameters().getLocalDate(NightlyJobConfiguration.AS_OF);
        return new Row(job, run, attempt, execution.getId(), status, started, duration, asOf, null, null, null, null, null, null, null,
                null, null, failedStep, reason, null);
    }

    private static Row row(NightlySummary s) {
        // a night with nothing new read no record: 0, not unknown
        java.util.Map<String, IngestSummary.Totals> records = s.records() == null && s.files() != null ? java.util.Map.of() : s.records();
        Long accepted = records == null ? null : records.values().stream().mapToLong(IngestSummary.Totals::accepted).sum();
        Long duplicates = records == null ? null : records.values().stream().mapToLong(IngestSummary.Totals::duplicates).sum();
        Long rejected = records == null ? null : records.values().stream().mapToLong(IngestSummary.Totals::rejectedOrParked).sum();
        Integer rendered = s.reports() == null ? null : (int) s.reports().stream().filter(r -> r.status() == ReportOutcome.Status.RENDERED).count();
        Integer sent = s.deliveries() == null ? null : (int) s.deliveries().stream().filter(d -> d.status() == DeliveryOutcome.Status.SENT).count();
        Integer units = s.deliveries() == null ? null : (int) s.deliveries().stream()
                .filter(d -> d.status() == DeliveryOutcome.Status.SENT && NightlySummary.unitOf(d.key()) != null)
                .map(d -> NightlySummary.unitOf(d.key())).distinct().count();
        Integer returned = s.rejectsReturned() == null ? null
                : (int) s.rejectsReturned().stream().filter(r -> r.status() == RejectsOutcome.Status.SENT).count();
        return new Row(s.job(), s.run(), s.attempt(), s.execution(), s.status(), s.started(), s.durationMs(), s.asOf(),
                s.files() == null ? null : s.files().found(), s.files() == null ? null : s.files().ingested(), accepted, duplicates, rejected,
                rendered, sent, units, returned, s.failed() == null ? null : s.failed().step(), s.failed() == null ? null : s.failed().reason(), s.summaryFile());
    }

    private Path runs() {
        return home.root().resolve("runs");
    }

    /** The summaries in {@code runs/} (nightly runs only: the ingest command keeps its own in {@code reports/}). */
    private List<Row> fromRuns(String job, int limit) throws IOException {
        if (!job.equals(NightlySummary.JOB) || !Files.isDirectory(runs())) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(runs())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith("."))
                    .sorted(Comparator.reverseOrder()).limit(limit).toList()) {
                try {
                    rows.add(row(NightlySummary.fromJson(Files.readString(file, StandardCharsets.UTF_8))));
                } catch (RuntimeException e) {
                    log.warn("{} is not a run summary: {}", file, vn.inspection.pipeline.system.Errors.describe(e));
                }
            }
        }
        rows.sort(Comparator.comparing(Row::started, Comparator.nullsLast(Comparator.reverseOrder())));
        return rows;
    }
}
