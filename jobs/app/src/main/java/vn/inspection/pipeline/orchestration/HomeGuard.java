package vn.inspection.pipeline.orchestration;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.PipelineHome;

/**
 * The guard of every job that writes the home, as a job listener: before the job, it takes the home's lock (the
 * command usually holds it already, since it must hold it before the job repository is opened; the lock is
 * re-entrant in a thread) and, once per process, recovers what a crash left: every job execution still marked as
 * running (no process runs it: this one holds the lock, so it was killed) is marked FAILED with its steps, then
 * every {@link CrashRecovery} runs. After the job, it releases the lock it took.
 *
 * <p>{@link JobRuns} calls {@link #prepare()} itself before deciding whether to resume a run, since a run still
 * marked as running can be neither restarted nor abandoned.
 */
public class HomeGuard implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(HomeGuard.class);
    private static final Set<BatchStatus> LEFT_RUNNING = Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING, BatchStatus.UNKNOWN);

    private final PipelineHome home;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final List<CrashRecovery> recoveries;
    private final ThreadLocal<java.util.Deque<HomeLock>> held = ThreadLocal.withInitial(java.util.ArrayDeque::new);
    private boolean recovered;

    public HomeGuard(PipelineHome home, JobRepository jobRepository, JobOperator jobOperator, List<CrashRecovery> recoveries) {
        this.home = home;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.recoveries = List.copyOf(recoveries);
    }

    /**
     * Takes the home's lock and, the first time in this process, recovers what a crash left. The caller closes the
     * lock.
     *
     * @throws HomeLock.Busy when another process holds the home
     */
    public HomeLock prepare() throws Exception {
        HomeLock lock = HomeLock.acquire(home);
        try {
            recoverOnce(null);
            return lock;
        } catch (Exception | Error e) {
            lock.close();
            throw e;
        }
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        try {
            HomeLock lock = HomeLock.acquire(home);
            held.get().push(lock);
            recoverOnce(jobExecution);
        } catch (HomeLock.Busy e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot recover the home " + home.root() + " before the " + jobExecution.getJobInstance().getJobName()
                    + " job: " + vn.inspection.pipeline.system.Errors.describe(e), e);
        }
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        HomeLock lock = held.get().poll();
        if (lock != null) {
            try {
                lock.close();
            } catch (java.io.IOException e) {
                log.warn("cannot release the lock of {}: {}", home.root(), e.getMessage());
            }
        }
    }

    private synchronized void recoverOnce(JobExecution running) throws Exception {
        if (recovered) {
            return;
        }
        for (String jobName : jobRepository.getJobNames()) {
            for (JobExecution execution : jobRepository.findRunningJobExecutions(jobName)) {
                if (running != null && execution.getId() == running.getId()) {
                    continue;
                }
                if (LEFT_RUNNING.contains(execution.getStatus())) {
                    // this process holds the home's lock, so no process runs it: it was killed
                    log.warn("{} run (execution {}) was interrupted while {}; marking it failed so the next run can resume it",
                            jobName, execution.getId(), execution.getStatus());
                    jobOperator.recover(execution);
                }
            }
        }
        for (CrashRecovery recovery : recoveries) {
            int count = recovery.recover();
            if (count > 0) {
                log.warn("recovered {} {} left by a crash", count, recovery.what());
            }
        }
        recovered = true;
    }
}
