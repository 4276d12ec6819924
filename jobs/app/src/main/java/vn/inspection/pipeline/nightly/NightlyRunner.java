package vn.inspection.pipeline.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import vn.inspection.pipeline.delivery.DeliveryProperties;
import vn.inspection.pipeline.delivery.MailDelivery;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.orchestration.JobRuns;
import vn.inspection.pipeline.orchestration.RunRequest;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.PipelineProperties;

/**
 * Runs the nightly job through {@link JobRuns}: the configuration is checked first (mail, templates, report specs), so
 * a mistake stops the run before it reads anything; then the last nightly run, if it did not complete and was given the
 * same inbox, night and options, is resumed at its failed step, or else a new run starts (an interrupted one is
 * abandoned: what it rendered stays in the delivery ledger, and the new run delivers it without rendering it again).
 */
@Component
public class NightlyRunner {
    private final JobRuns jobRuns;
    private final Job nightlyJob;
    private final MailDelivery mail;
    private final DeliveryProperties delivery;
    private final NightlyProperties properties;
    private final PipelineProperties pipeline;
    private final SchemaCatalog schemas;
    private final MetricCatalog metrics;
    private final RunSummaries summaries;

    NightlyRunner(JobRuns jobRuns, @Qualifier("nightlyJob") Job nightlyJob, MailDelivery mail, DeliveryProperties delivery, NightlyProperties properties,
                  PipelineProperties pipeline, SchemaCatalog schemas, MetricCatalog metrics, RunSummaries summaries) {
        this.jobRuns = jobRuns;
        this.nightlyJob = nightlyJob;
        this.mail = mail;
        this.delivery = delivery;
        this.properties = properties;
        this.pipeline = pipeline;
        this.schemas = schemas;
        this.metrics = metrics;
        this.summaries = summaries;
    }

    /** What a nightly run is asked. */
    public record Request(Path inbox, LocalDate asOf, boolean moveProcessed, boolean resume) {
        public Request {
            Objects.requireNonNull(inbox, "inbox");
            Objects.requireNonNull(asOf, "asOf");
            inbox = inbox.toAbsolutePath().normalize();
        }
    }

    /**
     * Checks the configuration a run relies on.
     *
     * @throws IllegalArgumentException saying which key is wrong and how
     */
    public void validate() {
        mail.validate();
        for (String metric : delivery.mail().figures()) {
            if (metrics.metric(metric).isEmpty()) {
                throw new IllegalArgumentException("pipeline.delivery.mail.figures names '" + metric + "', which is not a metric of the catalog "
                        + "(list them with: pipeline metrics)");
            }
        }
        Language.check(properties.language());
        ReportSpecs.load(pipeline.schemasDir(), properties.reports(), schemas, metrics);
    }

    /** Runs (or resumes) the nightly job; returns its execution when it has ended, completed or not. */
    public JobExecution run(Request request) throws Exception {
        validate();
        return jobRuns.run(nightlyJob, new RunRequest() {
            @Override
            public JobParameters newRun(long runId) {
                return new JobParametersBuilder()
                        .addLong(JobRuns.RUN_ID, runId)
                        .addString(NightlyJobConfiguration.INBOX, request.inbox().toString(), false)
                        .addLocalDate(NightlyJobConfiguration.AS_OF, request.asOf(), false)
                        .addString(NightlyJobConfiguration.MOVE_PROCESSED, String.valueOf(request.moveProcessed()), false)
                        .addString(NightlyJobConfiguration.RESUME, String.valueOf(request.resume()), false)
                        .toJobParameters();
            }

            @Override
            public boolean sameAs(JobParameters interrupted) throws IOException {
                return request.inbox().toString().equals(interrupted.getString(NightlyJobConfiguration.INBOX))
                        && request.asOf().equals(interrupted.getLocalDate(NightlyJobConfiguration.AS_OF))
                        && String.valueOf(request.moveProcessed()).equals(interrupted.getString(NightlyJobConfiguration.MOVE_PROCESSED, "false"));
            }

            @Override
            public boolean resume() {
                return request.resume();
            }
        });
    }

    /** The summary a run left (the one {@link RunSummaries} wrote when it ended). */
    public NightlySummary summary(JobExecution execution) {
        if (execution.getExecutionContext().containsKey(NightlyJobConfiguration.SUMMARY)) {
            return NightlySummary.fromJson(execution.getExecutionContext().getString(NightlyJobConfiguration.SUMMARY));
        }
        return summaries.build(execution, null);
    }

    /** Checks a language code as the configuration gives it. */
    private static final class Language {
        static void check(String code) {
            try {
                vn.inspection.pipeline.text.Language.parse(code);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pipeline.nightly.language: " + e.getMessage(), e);
            }
        }
    }
}
