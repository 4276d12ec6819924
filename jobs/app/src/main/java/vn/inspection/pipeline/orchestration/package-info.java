/**
 * Running the jobs that write the pipeline home, whatever the job: the home's lock and crash recovery
 * ({@link vn.inspection.pipeline.orchestration.HomeGuard}, a listener of every such job), resume-or-start
 * ({@link vn.inspection.pipeline.orchestration.JobRuns}: an interrupted run given the same request resumes at
 * its failed step, otherwise it is abandoned and a new run starts), and the run history read back from the
 * job repository ({@link vn.inspection.pipeline.orchestration.RunHistory}).
 *
 * <p>Promises: no two processes write one home (the second is told who holds it); a run killed at any point
 * (even by {@code kill -9}) is marked failed and its half-done work completed or dropped by the next run,
 * before that run starts anything; a run never silently redoes a step that completed.
 */
package vn.inspection.pipeline.orchestration;
