package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import vn.inspection.pipeline.ingest.read.WorkbookSources;
import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.PipelineHome;

/**
 * Runs the ingest job for a list of inputs: takes the home's lock, completes any publish a crash
 * interrupted, and then either restarts the last run (when it did not complete and was given the same
 * inputs: it resumes from its last committed chunk) or starts a new one. A crashed run left for new
 * inputs is abandoned and its staging dropped; the files it published stay published.
 */
@Component
public class IngestRunner {
    private static final Logger log = LoggerFactory.getLogger(IngestRunner.class);
    private static final Set<BatchStatus> LEFT_RUNNING = Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING, BatchStatus.UNKNOWN);
    private static final Set<BatchStatus> RESTARTABLE = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ingestJob;
    private final PipelineHome home;
    private final Lake lake;
    private final Clock clock;

    public IngestRunner(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("ingestJob") Job ingestJob,
                        PipelineHome home, Lake lake, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ingestJob = ingestJob;
        this.home = home;
        this.lake = lake;
        this.clock = clock;
    }

    /** What to do with an interrupted run given the same inputs. */
    public enum Interrupted {
        /** Restart it from its last committed chunk (the default). */
        RESUME,
        /** Abandon it (what it published stays) and start a new run: for a run that keeps failing the same way. */
        ABANDON
    }

    /** What to do with a file the lake already holds (the same content, by checksum). */
    public enum Known {
        /** Skip it as ALREADY_INGESTED, unless its lake files are damaged: then it is read again to repair them. */
        SKIP,
        /** Read it again and replace what the lake holds of it ({@code ingest --force}). */
        REINGEST
    }

    /** Ingests the inputs (files or folders), resuming an interrupted run of the same inputs; throws when the run fails. */
    public IngestSummary ingest(List<Path> inputs) throws Exception {
        return ingest(inputs, Interrupted.RESUME, Known.SKIP);
    }

    /** Ingests the inputs (files or folders) and returns the run's summary; throws when the run fails. */
    public IngestSummary ingest(List<Path> inputs, Interrupted interrupted) throws Exception {
        return ingest(inputs, interrupted, Known.SKIP);
    }

    /** Ingests the inputs (files or folders) and returns the run's summary; throws when the run fails. */
    public IngestSummary ingest(List<Path> inputs, Interrupted interrupted, Known known) throws Exception {
        // fail fast, before any job is recorded, on a path that does not exist; and say so when there is nothing to read
        if (IngestPlanner.expand(inputs, home.root()).isEmpty()) {
            return IngestSummary.nothingFound("no spreadsheet found in " + inputs.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + " (hidden files, Excel lock files, README and Markdown notes and the pipeline home's own folders are left out)");
        }
        String inputsText = inputs.stream().map(p -> p.toAbsolutePath().normalize().toString()).collect(Collectors.joining("\n")) + "\n";
        try (HomeLock lock = HomeLock.acquire(home)) {
            int recovered = lake.recover();
            if (recovered > 0) {
                log.warn("completed {} publish(es) interrupted by a crash", recovered);
            }
            IngestReport.moveRejectsOutOfTheLake(lake, home.reports());
            JobExecution execution = resumeOrStart(inputsText, interrupted, known);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                String why = execution.getAllFailureExceptions().stream().map(WorkbookSources::describe).collect(Collectors.joining("; "));
                throw new IngestFailedException("ingest run " + execution.getJobParameters().getLong(IngestJobConfiguration.RUN_ID)
                        + " ended " + execution.getStatus() + (why.isEmpty() ? "" : ": " + why)
                        + ". Run the same command again to resume it.");
            }
            return IngestSummary.fromJson(execution.getExecutionContext().getString(IngestJobConfiguration.SUMMARY));
        }
    }

    private JobExecution resumeOrStart(String inputsText, Interrupted interrupted, Known known) throws Exception {
        long nextRunId = 1;
        JobInstance last = jobRepository.getLastJobInstance(IngestJobConfiguration.JOB_NAME);
        if (last != null) {
            JobExecution lastExecution = jobRepository.getLastJobExecution(last);
            if (lastExecution != null) {
                Long lastRunId = lastExecution.getJobParameters().getLong(IngestJobConfiguration.RUN_ID);
                nextRunId = lastRunId + 1;
                if (LEFT_RUNNING.contains(lastExecution.getStatus())) {
                    // we hold the home's lock, so no process is running it: it was killed
                    log.warn("ingest run {} was interrupted (status {}); recovering it", lastRunId, lastExecution.getStatus());
                    lastExecution = jobOperator.recover(lastExecution);
                }
                if (RESTARTABLE.contains(lastExecution.getStatus())) {
                    boolean sameInputs = inputsText.equals(readInputs(lastExecution.getJobParameters()))
                            && known.name().equals(lastExecution.getJobParameters().getString(IngestJobConfiguration.KNOWN, Known.SKIP.name()));
                    if (sameInputs && interrupted == Interrupted.RESUME) {
                        log.warn("resuming interrupted ingest run {}", lastRunId);
                        return jobOperator.restart(lastExecution);
                    }
                    log.warn("abandoning interrupted ingest run {}: {}", lastRunId, sameInputs ? "asked not to resume" : "it was given other inputs");
                    jobOperator.abandon(lastExecution);
                    lake.discardRun(lastRunId);
                }
            }
        }
        Path inputsFile = home.root().resolve("batch").resolve("inputs").resolve("run-" + nextRunId + ".txt");
        Files.createDirectories(inputsFile.getParent());
        Files.writeString(inputsFile, inputsText, StandardCharsets.UTF_8);
        JobParameters parameters = new JobParametersBuilder()
                .addLong(IngestJobConfiguration.RUN_ID, nextRunId)
                .addString(IngestJobConfiguration.INPUTS_FILE, inputsFile.toString(), false)
                .addLocalDate(IngestJobConfiguration.TODAY, LocalDate.now(clock), false)
                .addString(IngestJobConfiguration.KNOWN, known.name(), false)
                .toJobParameters();
        return jobOperator.start(ingestJob, parameters);
    }

    private static String readInputs(JobParameters parameters) throws IOException {
        String file = parameters.getString(IngestJobConfiguration.INPUTS_FILE);
        return file != null && Files.exists(Path.of(file)) ? Files.readString(Path.of(file), StandardCharsets.UTF_8) : null;
    }

    /** An ingest run that did not complete; the message says why and that rerunning resumes it. */
    public static class IngestFailedException extends Exception {
        public IngestFailedException(String message) {
            super(message);
        }
    }
}
