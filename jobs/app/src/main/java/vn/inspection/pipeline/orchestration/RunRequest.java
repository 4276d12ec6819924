package vn.inspection.pipeline.orchestration;

import java.io.IOException;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * What a run of a job is asked to do, as {@link JobRuns} needs to know it: the parameters of a new run, whether an
 * interrupted run was asked the same (then it is resumed), and how to clean up after one that is abandoned. Runs
 * are identified by a sequence number ({@link JobRuns#RUN_ID}); everything else a run is given is a
 * non-identifying parameter that this request compares.
 */
public interface RunRequest {

    /** The parameters of a new run numbered {@code runId}; they must include {@link JobRuns#RUN_ID} = runId. */
    JobParameters newRun(long runId) throws IOException;

    /** Whether the interrupted run with these parameters was asked what this request asks (then it is resumed). */
    boolean sameAs(JobParameters interrupted) throws IOException;

    /** Whether an interrupted run asked the same is resumed (the default) or abandoned for a new one. */
    default boolean resume() {
        return true;
    }

    /** Cleans up after an interrupted run that is abandoned (what it staged); what it completed stays. */
    default void abandoned(JobParameters interrupted) throws IOException {
    }
}
