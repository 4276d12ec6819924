package vn.inspection.pipeline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import vn.inspection.pipeline.ingest.read.WorkbookSources;
import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.orchestration.JobRuns;
import vn.inspection.pipeline.orchestration.RunRequest;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.system.PipelineHome;

/**
 * Runs the ingest job for a list of inputs through {@link JobRuns}: under the home's lock and after crash recovery,
 * it restarts the last run when that run did not complete and was given the same inputs (it resumes from its last
 * committed chunk), or starts a new one. A run left for new inputs is abandoned and its staging dropped; the files
 * it published stay published. {@link #request} is the same request for a job that runs the ingest as a step (the
 * nightly job).
 */
@Component
public class IngestRunner {
    private final JobRuns jobRuns;
    private final Job ingestJob;
    private final PipelineHome home;
    private final Lake lake;
    private final Clock clock;
    private final vn.inspection.pipeline.system.PseudonymKey key;

    public IngestRunner(JobRuns jobRuns, @Qualifier("ingestJob") Job ingestJob, PipelineHome home, Lake lake, Clock clock,
                        vn.inspection.pipeline.system.PseudonymKey key) {
        this.key = key;
        this.jobRuns = jobRuns;
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

    /**
     * Refuses, before any run starts, to ingest beside a manifest entry that cannot be read, unless the source file of
     * that entry is among the inputs (reading it again restores its entry): deduplication against a lake read in part
     * would take in records the lake already holds.
     */
    private void refuseDamagedManifest(List<Path> files) throws IOException {
        List<vn.inspection.pipeline.lake.LakeManifest.Damaged> damaged = lake.manifest().scan().damaged();
        if (damaged.isEmpty()) {
            return;
        }
        java.util.Set<String> given = new java.util.HashSet<>();
        for (Path file : files) {
            given.add(Lake.sha256(file));
        }
        List<vn.inspection.pipeline.lake.LakeManifest.Damaged> refused = damaged.stream()
                .filter(d -> d.checksum() == null || !given.contains(d.checksum())).toList();
        if (!refused.isEmpty()) {
            throw new vn.inspection.pipeline.lake.ManifestDamagedException(refused);
        }
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
        refuseDamagedManifest(IngestPlanner.expand(inputs, home.root()));
        key.recordIfNew(); // the lake is tied to the key its pseudonyms are made with before the first record is written
        JobExecution execution = jobRuns.run(ingestJob, request(inputs, interrupted, known));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IngestFailedException(failure(execution) + ". Run the same command again to resume it.");
        }
        return summary(execution);
    }

    /** The summary an ingest execution that completed left in its context. */
    public static IngestSummary summary(JobExecution execution) {
        return IngestSummary.fromJson(execution.getExecutionContext().getString(IngestJobConfiguration.SUMMARY));
    }

    /** "ingest run 3 ended FAILED: kiem-tra.xlsx, sheet …: why", from the execution's failures. */
    public static String failure(JobExecution execution) {
        java.util.Optional<String> full = diskFull(execution.getAllFailureExceptions()).map(where -> where.isEmpty() ? lakeOf(execution) : where);
        if (full.isPresent()) {
            return "ingest run " + execution.getJobParameters().getLong(JobRuns.RUN_ID) + " stopped: the disk is full at " + full.get()
                    + ": free space and run again; nothing was published from the file being written. " + accounts(execution);
        }
        String why = execution.getAllFailureExceptions().stream().map(WorkbookSources::describe).distinct().collect(Collectors.joining("; "));
        return "ingest run " + execution.getJobParameters().getLong(JobRuns.RUN_ID) + " ended " + execution.getStatus() + (why.isEmpty() ? "" : ": " + why);
    }

    /**
     * Where the disk filled ("No space left on device" anywhere in a failure's causes), as a path when the error names
     * one, else the file system's own words; empty when no failure is a full disk.
     */
    static java.util.Optional<String> diskFull(List<Throwable> failures) {
        for (Throwable failure : failures) {
            for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
                String message = e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage();
                if (message != null && (message.contains("No space left on device") || message.contains("There is not enough space on the disk"))) {
                    if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
                        return java.util.Optional.of(f.getFile());
                    }
                    return java.util.Optional.of(""); // the writer did not say which file: the caller names the lake it writes
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The lake a run writes (its staging is there): {@code <home>/lake}, from the run's inputs file {@code <home>/batch/inputs/run-N.txt}. */
    private static String lakeOf(JobExecution execution) {
        String inputs = execution.getJobParameters().getString(IngestJobConfiguration.INPUTS_FILE);
        return inputs == null ? "the pipeline home" : Path.of(inputs).toAbsolutePath().getParent().getParent().getParent().resolve("lake").toString();
    }

    /**
     * Which files of a run that stopped reached the lake, and which did not: read from the lake's manifest (an entry is
     * the commit), not from the run's last saved progress, which a failing chunk does not save.
     */
    static String accounts(JobExecution execution) {
        long runId = execution.getJobParameters().getLong(JobRuns.RUN_ID);
        java.util.Map<String, String> committed = new java.util.LinkedHashMap<>();
        try {
            new vn.inspection.pipeline.lake.LakeManifest(Path.of(lakeOf(execution))).scan().entries().stream()
                    .filter(e -> e.runId() == runId).forEach(e -> committed.put(e.checksum(), e.fileName()));
        } catch (RuntimeException e) {
            return "Run 'pipeline verify' to see what the lake holds.";
        }
        List<String> pending = new java.util.ArrayList<>();
        if (execution.getExecutionContext().containsKey(IngestJobConfiguration.PLAN)) {
            IngestPlan.fromJson(execution.getExecutionContext().getString(IngestJobConfiguration.PLAN)).pending().stream()
                    .filter(f -> !committed.containsKey(f.checksum())).map(f -> Path.of(f.path()).getFileName().toString()).forEach(pending::add);
        }
        return "Ingested into the lake by this run: " + (committed.isEmpty() ? "none" : String.join(", ", committed.values()))
                + "; not ingested: " + (pending.isEmpty() ? "none" : String.join(", ", pending));
    }

    /**
     * The request of an ingest of these inputs: a new run lists them in {@code <home>/batch/inputs/run-N.txt} and is
     * judged against today; an interrupted run is the same when it was given the same inputs and the same
     * {@code known}; an abandoned run's staging is dropped.
     */
    public RunRequest request(List<Path> inputs, Interrupted interrupted, Known known) {
        String inputsText = inputs.stream().map(p -> p.toAbsolutePath().normalize().toString()).collect(Collectors.joining("\n")) + "\n";
        return new RunRequest() {
            @Override
            public JobParameters newRun(long runId) throws IOException {
                Path inputsFile = home.root().resolve("batch").resolve("inputs").resolve("run-" + runId + ".txt");
                Files.createDirectories(inputsFile.getParent());
                Files.writeString(inputsFile, inputsText, StandardCharsets.UTF_8);
                return new JobParametersBuilder()
                        .addLong(JobRuns.RUN_ID, runId)
                        .addString(IngestJobConfiguration.INPUTS_FILE, inputsFile.toString(), false)
                        .addLocalDate(IngestJobConfiguration.TODAY, LocalDate.now(clock), false)
                        .addString(IngestJobConfiguration.KNOWN, known.name(), false)
                        .toJobParameters();
            }

            @Override
            public boolean sameAs(JobParameters interrupted) throws IOException {
                return inputsText.equals(readInputs(interrupted))
                        && known.name().equals(interrupted.getString(IngestJobConfiguration.KNOWN, Known.SKIP.name()));
            }

            @Override
            public boolean resume() {
                return interrupted == Interrupted.RESUME;
            }

            @Override
            public void abandoned(JobParameters parameters) throws IOException {
                lake.discardRun(parameters.getLong(JobRuns.RUN_ID));
            }
        };
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
