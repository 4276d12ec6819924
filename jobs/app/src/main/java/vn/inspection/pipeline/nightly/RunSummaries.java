package vn.inspection.pipeline.nightly;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.inspection.pipeline.ingest.FileResult;
import vn.inspection.pipeline.ingest.IngestSummary;
import vn.inspection.pipeline.orchestration.JobRuns;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.HomeFiles;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.warehouse.DataTestsFailedException;

/**
 * Writes the summary of every nightly run, failed or not, when it ends: {@code <home>/runs/<start>-nightly-run-N.txt}
 * for a person and {@code .json} beside it, each written whole, and the same JSON in the job execution's context
 * ({@link NightlyJobConfiguration#SUMMARY}), where {@code pipeline history} finds it.
 */
final class RunSummaries implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(RunSummaries.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss");

    private final PipelineHome home;
    private final JobRepository jobRepository;
    private final Clock clock;

    RunSummaries(PipelineHome home, JobRepository jobRepository, Clock clock) {
        this.home = home;
        this.jobRepository = jobRepository;
        this.clock = clock;
    }

    /** Where a run's summaries go. */
    Path runs() {
        return home.root().resolve("runs");
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            LocalDateTime start = execution.getStartTime() != null ? execution.getStartTime() : LocalDateTime.now(clock);
            Path text = runs().resolve(STAMP.format(start) + "-nightly-run-" + JobRuns.runId(execution) + ".txt");
            NightlySummary summary = build(execution, text);
            // file names and reasons, no cell text: readable by the home's group at most, in a folder others cannot list
            HomeFiles.folder(runs(), HomeFiles.SUMMARY_FOLDER);
            HomeFiles.writeAtomically(text, summary.toText(clock.getZone()).getBytes(StandardCharsets.UTF_8), HomeFiles.SUMMARY);
            HomeFiles.writeAtomically(text.resolveSibling(text.getFileName().toString().replaceFirst("\\.txt$", ".json")),
                    (summary.toJson() + "\n").getBytes(StandardCharsets.UTF_8), HomeFiles.SUMMARY);
            execution.getExecutionContext().putString(NightlyJobConfiguration.SUMMARY, summary.toJson());
            jobRepository.updateExecutionContext(execution);
        } catch (Exception e) {
            log.error("cannot write the summary of nightly execution {}", execution.getId(), e);
        }
    }

    NightlySummary build(JobExecution execution, Path summaryFile) {
        ExecutionContext context = execution.getExecutionContext();
        ZoneId zone = clock.getZone();
        Instant started = instant(execution.getStartTime(), zone);
        Instant ended = execution.getEndTime() == null ? clock.instant() : instant(execution.getEndTime(), zone);
        List<StepExecution> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getStartTime, Comparator.nullsLast(Comparator.naturalOrder()))).toList();

        IngestSummary ingest = context.containsKey(NightlyJobConfiguration.INGEST_SUMMARY)
                ? IngestSummary.fromJson(context.getString(NightlyJobConfiguration.INGEST_SUMMARY)) : null;
        NightlySummary.Files files = null;
        Map<String, IngestSummary.Totals> records = null;
        List<NightlySummary.Problem> problems = null;
        if (ingest != null) {
            files = new NightlySummary.Files(ingest.files().size(), count(ingest, FileResult.Status.INGESTED), count(ingest, FileResult.Status.ALREADY_INGESTED),
                    count(ingest, FileResult.Status.QUARANTINED), count(ingest, FileResult.Status.NOT_RECOGNISED));
            records = ingest.totals();
            problems = ingest.files().stream()
                    .filter(f -> f.status() == FileResult.Status.QUARANTINED || f.status() == FileResult.Status.NOT_RECOGNISED)
                    .map(f -> new NightlySummary.Problem(f.path(), f.status().name(),
                            (f.reason() == null ? "" : f.reason()) + (f.status() == FileResult.Status.QUARANTINED ? " (a copy is in " + home.quarantine() + ")" : "")))
                    .toList();
        } else if (context.containsKey(NightlyJobConfiguration.INBOX_FILES)) {
            // nothing new: no ingest ran, every spreadsheet found is in the lake already
            int found = context.getInt(NightlyJobConfiguration.INBOX_FILES);
            files = new NightlySummary.Files(found, 0, found, 0, 0);
        }
        List<NightlySummary.Moved> moved = context.containsKey(NightlyJobConfiguration.MOVED)
                ? Json.read(context.getString(NightlyJobConfiguration.MOVED), new TypeReference<List<NightlySummary.Moved>>() { }) : null;
        List<ReportOutcome> reports = context.containsKey(NightlyJobConfiguration.REPORTS)
                ? Json.read(context.getString(NightlyJobConfiguration.REPORTS), new TypeReference<List<ReportOutcome>>() { }) : null;
        List<DeliveryOutcome> deliveries = context.containsKey(NightlyJobConfiguration.DELIVERIES)
                ? Json.read(context.getString(NightlyJobConfiguration.DELIVERIES), new TypeReference<List<DeliveryOutcome>>() { }) : null;
        List<RejectsOutcome> rejects = context.containsKey(NightlyJobConfiguration.REJECTS)
                ? Json.read(context.getString(NightlyJobConfiguration.REJECTS), new TypeReference<List<RejectsOutcome>>() { }) : null;

        NightlySummary.Failure failure = failure(execution, steps);
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED && failure == null;
        int exitCode = !completed ? 1 : problems != null && !problems.isEmpty() ? 3 : 0;
        List<NightlySummary.StepRun> stepRuns = new ArrayList<>();
        for (StepExecution step : steps) {
            Instant from = instant(step.getStartTime(), zone);
            Instant to = step.getEndTime() == null ? ended : instant(step.getEndTime(), zone);
            stepRuns.add(new NightlySummary.StepRun(step.getStepName(), step.getStatus().name(), from,
                    from == null ? 0 : Math.max(0, java.time.Duration.between(from, to).toMillis())));
        }
        String warehouse = warehouse(steps, reports);
        int attempt = jobRepository.getJobExecutions(execution.getJobInstance()).size();
        var parameters = execution.getJobParameters();
        return new NightlySummary(NightlySummary.JOB, JobRuns.runId(execution), execution.getId(), Math.max(1, attempt),
                completed ? "COMPLETED" : execution.getStatus() == BatchStatus.COMPLETED ? "FAILED" : execution.getStatus().name(), exitCode,
                started, ended, started == null ? 0 : java.time.Duration.between(started, ended).toMillis(),
                parameters.getLocalDate(NightlyJobConfiguration.AS_OF), parameters.getString(NightlyJobConfiguration.INBOX),
                Boolean.parseBoolean(parameters.getString(NightlyJobConfiguration.MOVE_PROCESSED, "false")),
                failure, files, records, ingest == null ? null : ingest.rejectsReport(), ingest == null ? null : ingest.units(),
                context.containsKey(NightlyJobConfiguration.INGEST_RUN) ? context.getLong(NightlyJobConfiguration.INGEST_RUN) : null,
                problems, moved, warehouse, reports, deliveries, rejects, stepRuns, summaryFile == null ? null : summaryFile.toString());
    }

    private static int count(IngestSummary summary, FileResult.Status status) {
        return (int) summary.files().stream().filter(f -> f.status() == status).count();
    }

    private String warehouse(List<StepExecution> steps, List<ReportOutcome> reports) {
        Path file = home.warehouse().resolve(vn.inspection.pipeline.warehouse.Warehouse.FILE_NAME);
        for (StepExecution step : steps) {
            if (step.getStepName().equals("refresh")) {
                return step.getStatus() == BatchStatus.COMPLETED ? "refreshed (" + file + ")" : "refresh " + step.getStatus();
            }
        }
        return reports != null ? "up to date (" + file + ")" : "not reached";
    }

    /** The step that failed, and why in one line; null when the run completed. */
    private static NightlySummary.Failure failure(JobExecution execution, List<StepExecution> steps) {
        for (StepExecution step : steps) {
            if (step.getStatus() == BatchStatus.FAILED || step.getStatus() == BatchStatus.UNKNOWN || step.getStatus() == BatchStatus.STOPPED) {
                String reason = step.getExecutionContext().containsKey(NightlyJobConfiguration.FAILURE)
                        ? step.getExecutionContext().getString(NightlyJobConfiguration.FAILURE)
                        : step.getFailureExceptions().stream().map(RunSummaries::describe).findFirst().orElse("it ended " + step.getStatus());
                return new NightlySummary.Failure(step.getStepName(), reason);
            }
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String reason = execution.getFailureExceptions().stream().map(RunSummaries::describe).findFirst()
                    .orElse("it ended " + execution.getStatus());
            return new NightlySummary.Failure("(job)", reason);
        }
        return null;
    }

    /** One line: our own messages as they are, anything else as {@link Errors#describe} words it. */
    static String describe(Throwable e) {
        if (e instanceof DeliverReports.DeliveryFailedException || e instanceof RenderDueReports.RenderFailedException
                || e instanceof DataTestsFailedException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return Errors.describe(e);
    }

    private static Instant instant(LocalDateTime time, ZoneId zone) {
        return time == null ? null : time.atZone(zone).toInstant();
    }
}
