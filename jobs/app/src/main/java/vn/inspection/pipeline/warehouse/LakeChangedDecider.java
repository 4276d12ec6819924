package vn.inspection.pipeline.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

/**
 * Whether a job must refresh the warehouse: {@link #CHANGED} when the lake holds something the warehouse does not
 * (a file committed after the warehouse was built, by this run or by one a crash cut short) or there is no
 * warehouse yet, else {@link #UNCHANGED}. Asked of the lake and the warehouse themselves, so a restarted job
 * decides right whatever its earlier attempt did.
 */
public class LakeChangedDecider implements JobExecutionDecider {
    public static final FlowExecutionStatus CHANGED = new FlowExecutionStatus("CHANGED");
    public static final FlowExecutionStatus UNCHANGED = new FlowExecutionStatus("UNCHANGED");

    private final Warehouse warehouse;

    public LakeChangedDecider(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        try {
            return !warehouse.exists() || warehouse.isStale() ? CHANGED : UNCHANGED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell whether the warehouse " + warehouse.file() + " is up to date: " + e.getMessage(), e);
        }
    }
}
