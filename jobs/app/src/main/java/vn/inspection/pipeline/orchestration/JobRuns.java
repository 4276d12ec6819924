package vn.inspection.pipeline.orchestration;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import vn.inspection.pipeline.system.HomeLock;

/**
 * Resume-or-start for any job that writes the home. Under the home's lock, after crash recovery
 * ({@link HomeGuard#prepare()}), the job's last run is looked at: if it did not complete (it failed, was stopped,
 * or was killed) and the request asks what it was asked, it is restarted and resumes at its failed step (a chunked
 * step from its last committed chunk); otherwise it is abandoned (its {@link RunRequest#abandoned clean-up} runs;
 * what it completed stays) and a new run starts, numbered one more than the last ({@link #RUN_ID}).
 *
 * <p>{@link #parametersFor} makes the same decision without launching, for a job run as a step of another job
 * (Spring Batch's {@code JobStep} launches it with those parameters: a failed run's parameters restart it).
 */
public class JobRuns {
    /** The identifying parameter of every run: a sequence per job, 1, 2, 3… */
    public static final String RUN_ID = "run.id";
    private static final Logger log = LoggerFactory.getLogger(JobRuns.class);
    private static final Set<BatchStatus> RESTARTABLE = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final HomeGuard guard;

    public JobRuns(JobOperator jobOperator, JobRepository jobRepository, HomeGuard guard) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.guard = guard;
    }

    /** Resumes the job's interrupted run asked the same, or starts a new one; returns the execution when it has ended. */
    public JobExecution run(Job job, RunRequest request) throws Exception {
        try (HomeLock lock = guard.prepare()) {
            JobParameters parameters = parametersFor(job, request);
            return jobOperator.start(job, parameters);
        }
    }

    /**
     * The parameters to launch the job with: those of its interrupted run when it is to be resumed (launching a
     * failed run's parameters restarts it), else those of a new run, after the interrupted one is abandoned.
     */
    public JobParameters parametersFor(Job job, RunRequest request) throws Exception {
        try (HomeLock lock = guard.prepare()) {
            JobExecution last = lastExecution(job.getName());
            if (last == null) {
                return request.newRun(1);
            }
            long lastRunId = runId(last);
            if (RESTARTABLE.contains(last.getStatus())) {
                boolean same = request.sameAs(last.getJobParameters());
                if (same && request.resume()) {
                    log.warn("resuming interrupted {} run {}", job.getName(), lastRunId);
                    return last.getJobParameters();
                }
                log.warn("abandoning interrupted {} run {}: {}", job.getName(), lastRunId, same ? "asked not to resume" : "it was given other inputs");
                jobOperator.abandon(last);
                request.abandoned(last.getJobParameters());
            }
            return request.newRun(lastRunId + 1);
        }
    }

    /** The last execution of the job's last run, or null when it never ran. */
    public JobExecution lastExecution(String jobName) {
        JobInstance last = jobRepository.getLastJobInstance(jobName);
        return last == null ? null : jobRepository.getLastJobExecution(last);
    }

    /** The run number of an execution ({@link #RUN_ID}). */
    public static long runId(JobExecution execution) {
        Long id = execution.getJobParameters().getLong(RUN_ID);
        if (id == null) {
            throw new IllegalStateException(execution.getJobInstance().getJobName() + " execution " + execution.getId() + " has no " + RUN_ID);
        }
        return id;
    }
}
