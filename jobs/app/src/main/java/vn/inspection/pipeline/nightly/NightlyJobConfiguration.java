package vn.inspection.pipeline.nightly;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.job.JobParametersExtractor;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

import vn.inspection.pipeline.delivery.DeliveryProperties;
import vn.inspection.pipeline.delivery.MailDelivery;
import vn.inspection.pipeline.delivery.RejectsMail;
import vn.inspection.pipeline.delivery.RejectsProperties;
import vn.inspection.pipeline.delivery.UnitAddresses;
import vn.inspection.pipeline.ingest.IngestRunner;
import vn.inspection.pipeline.ingest.IngestSummary;
import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.orchestration.HomeGuard;
import vn.inspection.pipeline.orchestration.JobRuns;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.system.PipelineProperties;
import vn.inspection.pipeline.warehouse.LakeChangedDecider;
import vn.inspection.pipeline.warehouse.Warehouse;

/**
 * The nightly job: the inbox's new files into the lake, the warehouse refreshed when the lake changed, the reports
 * due rendered into the outbox and delivered.
 *
 * <pre>
 *  inbox? ──FILES──▶ ingest ─▶ processed ─▶ lake changed? ──CHANGED──▶ refresh ─▶ render ─▶ deliver ─▶ rejects
 *     └────EMPTY───────────────────────────────▲       └────UNCHANGED──────────────▲
 * </pre>
 *
 * <ul>
 *   <li>{@code ingest}: the ingest job as a step ({@code JobStep}), started or resumed by {@link JobRuns} like the
 *       {@code ingest} command does; a file the lake holds is skipped by checksum, so the inbox is never modified</li>
 *   <li>{@code processed}: with {@code move-processed}, files whose content is in the lake move to
 *       {@code <home>/processed/<date>/}; otherwise nothing</li>
 *   <li>{@code refresh}: the warehouse rebuilt ({@link LakeChangedDecider} decides)</li>
 *   <li>{@code render}: the reports due as of {@code as-of} ({@link DueReport}), once per period</li>
 *   <li>{@code deliver}: to the outbox and by mail, once per period and recipient list</li>
 * </ul>
 *
 * <p>Every run is guarded by {@link HomeGuard} (the home's lock, crash recovery) and summed up by
 * {@link RunSummaries}. A run that fails is resumed by the next run given the same inbox and as-of at the step that
 * failed: an SMTP outage neither re-ingests nor re-renders.
 *
 * <p>Parameters: {@code run.id} (identifying), {@code inbox}, {@code as-of}, {@code move-processed} and
 * {@code resume} (whether an interrupted ingest inside it resumes).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NightlyProperties.class, DeliveryProperties.class, RejectsProperties.class, UnitReportsProperties.class})
public class NightlyJobConfiguration {
    public static final String JOB_NAME = NightlySummary.JOB;
    public static final String INBOX = "inbox";
    public static final String AS_OF = "as-of";
    public static final String MOVE_PROCESSED = "move-processed";
    public static final String RESUME = "resume";

    /** Job context: the ingest step's summary (JSON). */
    public static final String INGEST_SUMMARY = "nightly.ingest";
    /** Job context: the ingest run the ingest step ran or resumed. */
    public static final String INGEST_RUN = "nightly.ingest.run";
    /** Job context: spreadsheets the inbox held when the job looked (its new ones are ingested). */
    public static final String INBOX_FILES = "nightly.inbox.files";
    /** Job context: files moved out of the inbox (JSON). */
    public static final String MOVED = "nightly.moved";
    /** Job context: what became of each report due (JSON). */
    public static final String REPORTS = "nightly.reports";
    /** Job context: each delivery (JSON). */
    public static final String DELIVERIES = "nightly.deliveries";
    /** Job context: what became of each office's rejected rows (JSON). */
    public static final String REJECTS = "nightly.rejects";
    /** Job context: the run's summary (JSON), written when the run ends. */
    public static final String SUMMARY = "nightly.summary";
    /** Step context: why a step failed, when the step knows better than its exception. */
    static final String FAILURE = "nightly.failure";

    @Bean
    Job nightlyJob(JobRepository jobRepository, HomeGuard homeGuard, RunSummaries runSummaries, JobExecutionDecider inboxDecider,
                   Step nightlyIngestStep, Step processedStep, LakeChangedDecider lakeChangedDecider, Step refreshStep, Step renderStep, Step deliverStep,
                   Step rejectsStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(homeGuard)
                .listener(runSummaries)
                .start(inboxDecider).on("FILES").to(nightlyIngestStep)
                .from(inboxDecider).on("EMPTY").to(lakeChangedDecider)
                .from(nightlyIngestStep).next(processedStep).next(lakeChangedDecider).on(LakeChangedDecider.CHANGED.getName()).to(refreshStep)
                .from(lakeChangedDecider).on(LakeChangedDecider.UNCHANGED.getName()).to(renderStep)
                .from(refreshStep).next(renderStep)
                .from(renderStep).next(deliverStep)
                .from(deliverStep).next(rejectsStep)
                .end()
                .build();
    }

    @Bean
    RunSummaries runSummaries(PipelineHome home, JobRepository jobRepository, Clock clock) {
        return new RunSummaries(home, jobRepository, clock);
    }

    @Bean
    MailDelivery mailDelivery(ObjectProvider<JavaMailSender> sender, DeliveryProperties properties, Clock clock) {
        return new MailDelivery(sender.getIfAvailable(), properties.mail(), clock);
    }

    /**
     * FILES when the inbox holds a spreadsheet the lake does not hold yet ({@link Inbox}), else EMPTY: a night with
     * nothing new starts no ingest run.
     */
    @Bean
    JobExecutionDecider inboxDecider(PipelineHome home, Lake lake) {
        return (jobExecution, stepExecution) -> {
            Path inbox = Path.of(jobExecution.getJobParameters().getString(INBOX));
            try {
                Inbox scanned = Inbox.scan(inbox, home, lake);
                ExecutionContext context = jobExecution.getExecutionContext();
                context.putInt(INBOX_FILES, scanned.found());
                // an ingest this run started and did not finish is resumed, even when every file of it reached the lake
                boolean unfinished = context.containsKey(INGEST_RUN) && !context.containsKey(INGEST_SUMMARY);
                return new FlowExecutionStatus(scanned.fresh() > 0 || unfinished ? "FILES" : "EMPTY");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the inbox " + inbox + ": " + vn.inspection.pipeline.system.Errors.describe(e), e);
            }
        };
    }

    /**
     * The ingest job as a step: launched with the parameters {@link JobRuns} chooses (an interrupted ingest of the same
     * inbox is resumed, any other abandoned), which the step keeps, so a restart of the nightly resumes the same ingest.
     */
    @Bean
    Step nightlyIngestStep(JobRepository jobRepository, JobOperator jobOperator, @Qualifier("ingestJob") Job ingestJob, JobRuns jobRuns,
                           IngestRunner ingestRunner) {
        JobParametersExtractor parameters = (job, stepExecution) -> {
            JobParameters nightly = stepExecution.getJobParameters();
            Path inbox = Path.of(nightly.getString(INBOX));
            boolean resume = Boolean.parseBoolean(nightly.getString(RESUME, "true"));
            try {
                JobParameters chosen = jobRuns.parametersFor(job, ingestRunner.request(List.of(inbox),
                        resume ? IngestRunner.Interrupted.RESUME : IngestRunner.Interrupted.ABANDON, IngestRunner.Known.SKIP));
                stepExecution.getJobExecution().getExecutionContext().putLong(INGEST_RUN, chosen.getLong(JobRuns.RUN_ID));
                return chosen;
            } catch (Exception e) {
                throw new IllegalStateException("cannot prepare the ingest of " + inbox + ": " + vn.inspection.pipeline.system.Errors.describe(e), e);
            }
        };
        StepExecutionListener results = new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution stepExecution) {
                ExecutionContext context = stepExecution.getJobExecution().getExecutionContext();
                if (!context.containsKey(INGEST_RUN)) {
                    return null;
                }
                JobInstance instance = jobRepository.getJobInstance(ingestJob.getName(),
                        new JobParametersBuilder().addLong(JobRuns.RUN_ID, context.getLong(INGEST_RUN)).toJobParameters());
                JobExecution ingest = instance == null ? null : jobRepository.getLastJobExecution(instance);
                if (ingest == null) {
                    return null;
                }
                if (ingest.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
                    context.putString(INGEST_SUMMARY, IngestRunner.summary(ingest).toJson());
                } else {
                    stepExecution.getExecutionContext().putString(FAILURE, IngestRunner.failure(ingest));
                }
                return null;
            }
        };
        return new StepBuilder("ingest", jobRepository)
                .job(ingestJob)
                .operator(jobOperator)
                .parametersExtractor(parameters)
                .listener(results)
                .build();
    }

    @Bean
    Step processedStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineHome home, Clock clock) {
        return new StepBuilder("processed", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    ExecutionContext context = job.getExecutionContext();
                    if (!Boolean.parseBoolean(job.getJobParameters().getString(MOVE_PROCESSED, "false")) || !context.containsKey(INGEST_SUMMARY)) {
                        return RepeatStatus.FINISHED;
                    }
                    Path inbox = Path.of(job.getJobParameters().getString(INBOX));
                    List<String[]> moved = new ProcessedFiles(inbox, home.root().resolve("processed"))
                            .move(IngestSummary.fromJson(context.getString(INGEST_SUMMARY)), LocalDate.now(clock));
                    context.putString(MOVED, Json.write(moved.stream().map(m -> new NightlySummary.Moved(m[0], m[1])).toList()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Step renderStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Warehouse warehouse, Lake lake,
                    SchemaCatalog schemas, MetricCatalog metrics, PipelineProperties pipeline, NightlyProperties properties, MailDelivery mail,
                    UnitReportsProperties unitReports, PipelineHome home, Clock clock) {
        return new StepBuilder("render", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    RenderDueReports render = new RenderDueReports(warehouse, lake, schemas, metrics,
                            ReportSpecs.load(pipeline.schemasDir(), properties.reports(), schemas, metrics), properties, mail, outbox(home), clock,
                            servedUnits(lake, unitReports));
                    try {
                        List<ReportOutcome> outcomes = render.render(job.getJobParameters().getLocalDate(AS_OF), JobRuns.runId(job));
                        job.getExecutionContext().putString(REPORTS, Json.write(outcomes));
                    } catch (RenderDueReports.RenderFailedException e) {
                        job.getExecutionContext().putString(REPORTS, Json.write(e.outcomes()));
                        throw e;
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Step deliverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, MailDelivery mail, PipelineHome home, Lake lake,
                     ObjectProvider<JavaMailSender> sender, DeliveryProperties delivery, Clock clock) {
        return new StepBuilder("deliver", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    ExecutionContext context = job.getExecutionContext();
                    List<ReportOutcome> reports = context.containsKey(REPORTS)
                            ? Json.read(context.getString(REPORTS), new com.fasterxml.jackson.core.type.TypeReference<List<ReportOutcome>>() { })
                            : List.of();
                    try {
                        java.util.function.Function<String, java.util.Optional<MailDelivery>> unitMail = unitMail(lake, sender.getIfAvailable(),
                                delivery.mail(), clock);
                        context.putString(DELIVERIES, Json.write(new DeliverReports(mail, outbox(home), unitMail).deliver(reports, JobRuns.runId(job))));
                    } catch (DeliverReports.DeliveryFailedException e) {
                        context.putString(DELIVERIES, Json.write(e.outcomes()));
                        throw e;
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /** The codes of the units served a report of their own: those with an address, at the levels the setting chooses. */
    static List<String> servedUnits(Lake lake, UnitReportsProperties unitReports) {
        if (!unitReports.enabled() || lake.snapshot().entries().isEmpty()) {
            return List.of();
        }
        UnitAddresses addresses = UnitAddresses.read(lake);
        return addresses.served().stream()
                .filter(u -> unitReports.serves(addresses.hierarchy().ancestors(u.code()).size() - 1))
                .map(vn.inspection.pipeline.unit.UnitHierarchy.Unit::code)
                .toList();
    }

    /** A unit's own report goes to the unit's addresses, with the reports' sender, templates and retries. */
    static java.util.function.Function<String, java.util.Optional<MailDelivery>> unitMail(Lake lake, JavaMailSender sender, DeliveryProperties.Mail settings,
                                                                                    Clock clock) {
        UnitAddresses[] addresses = new UnitAddresses[1];
        return unit -> {
            if (sender == null) {
                return java.util.Optional.empty();
            }
            if (addresses[0] == null) {
                addresses[0] = UnitAddresses.read(lake);
            }
            List<String> to = addresses[0].of(unit);
            return to.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new MailDelivery(sender,
                    new DeliveryProperties.Mail(to, settings.from(), settings.subject(), settings.body(), settings.figures(), settings.retry()), clock));
        };
    }

    /**
     * {@code rejects}: every office whose files had rejected rows receives them once, by mail ({@link ReturnRejects});
     * a mail that fails is told in the summary and tried again the next night, without failing this one.
     */
    @Bean
    Step rejectsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Lake lake, SchemaCatalog schemas,
                     ObjectProvider<JavaMailSender> sender, DeliveryProperties delivery, RejectsProperties rejects, PipelineHome home, Clock clock) {
        return new StepBuilder("rejects", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    ExecutionContext context = job.getExecutionContext();
                    Long ingestRun = context.containsKey(INGEST_SUMMARY) && context.containsKey(INGEST_RUN) ? context.getLong(INGEST_RUN) : null;
                    ReturnRejects returning = new ReturnRejects(lake, schemas, new RejectsMail(sender.getIfAvailable(), delivery.mail(), clock), rejects,
                            outbox(home), clock);
                    context.putString(REJECTS, Json.write(returning.returnRejects(ingestRun, JobRuns.runId(job))));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /** The home's outbox: the rendered PDFs and the delivery ledger. */
    static Path outbox(PipelineHome home) {
        return home.root().resolve("outbox");
    }
}
