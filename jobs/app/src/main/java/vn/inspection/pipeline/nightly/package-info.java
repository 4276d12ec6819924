/**
 * The nightly job: the inbox's new registers into the lake, the warehouse refreshed when the lake changed, the reports
 * due rendered into the outbox and delivered, a summary of every night in {@code <home>/runs/}, and the history of
 * past runs.
 *
 * <p>Promises: one run of a home at a time (a second exits 4 at once); the inbox is never modified (unless asked to
 * move what the lake holds); a report is rendered once per period and mailed once per period and recipient list; a
 * failed or killed run is resumed by the next run at the step that failed, so an SMTP outage neither re-ingests nor
 * re-renders; every run, failed or not, leaves a summary saying which step failed and why. The job is wired in
 * {@link vn.inspection.pipeline.nightly.NightlyJobConfiguration}; which report is due on a night is
 * {@link vn.inspection.pipeline.nightly.DueReport}, plain Java.
 */
package vn.inspection.pipeline.nightly;
