package vn.inspection.pipeline.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.orchestration.CrashRecovery;
import vn.inspection.pipeline.orchestration.HomeGuard;
import vn.inspection.pipeline.orchestration.JobRuns;
import vn.inspection.pipeline.lake.LakeProperties;
import vn.inspection.pipeline.record.LayoutDetector;
import vn.inspection.pipeline.record.Pseudonymiser;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.Json;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.system.PipelineProperties;

/**
 * The ingest job: {@code plan} (checksum, skip what the lake holds, quarantine what cannot be opened,
 * order units first) → {@code rows} (read, normalise, validate, deduplicate, stage and publish each file;
 * restartable chunk by chunk) → {@code report} (summary and rejects report).
 *
 * <p>Every run is guarded by {@link HomeGuard} (the home's lock and crash recovery) and started or resumed by
 * {@link JobRuns}, from {@link IngestRunner} or as a step of the nightly job.
 *
 * <p>Parameters: {@code run.id} (identifying; names the staging area), {@code inputs.file} (a file listing
 * the paths given on the command line, one a line), {@code today} (the date that "in the future" is
 * judged against, fixed for the run so a restart judges alike) and {@code known} (what to do with files the lake
 * already holds: skip them unless their lake files are damaged, or re-ingest them).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
public class IngestJobConfiguration {
    public static final String JOB_NAME = "ingest";
    public static final String RUN_ID = JobRuns.RUN_ID;
    public static final String INPUTS_FILE = "inputs.file";
    public static final String TODAY = "today";
    /** What to do with files the lake already holds: {@link IngestRunner.Known} (SKIP unless damaged, or REINGEST). */
    public static final String KNOWN = "known";
    public static final String PLAN = "ingest.plan";
    public static final String SUMMARY = "ingest.summary";

    @Bean
    Job ingestJob(JobRepository jobRepository, HomeGuard homeGuard, Step ingestPlanStep, Step ingestRowsStep, Step ingestReportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(homeGuard)
                .start(ingestPlanStep)
                .next(ingestRowsStep)
                .next(ingestReportStep)
                .build();
    }

    /** Rejects an older version kept inside the lake (with members' names): moved out before any job writes the home. */
    @Bean
    CrashRecovery rejectsOutOfTheLake(Lake lake, PipelineHome home) {
        return new CrashRecovery() {
            @Override
            public String what() {
                return "rejects folder(s) moved out of the lake";
            }

            @Override
            public int recover() throws java.io.IOException {
                IngestReport.moveRejectsOutOfTheLake(lake, home.reports());
                return 0; // it logs what it moved
            }
        };
    }

    @Bean
    LayoutDetector layoutDetector(SchemaCatalog catalog) {
        return new LayoutDetector(catalog);
    }

    @Bean
    Quarantine quarantine(PipelineHome home) {
        return new Quarantine(home.quarantine());
    }

    @Bean
    IngestProgress ingestProgress() {
        return IngestProgress.forConsole();
    }

    @Bean
    Step ingestPlanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Lake lake,
                        LayoutDetector detector, Quarantine quarantine, PipelineHome home) {
        IngestPlanner planner = new IngestPlanner(lake, detector, quarantine);
        return new StepBuilder("plan", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    String inputsFile = jobExecution.getJobParameters().getString(INPUTS_FILE);
                    List<Path> inputs = Files.readAllLines(Path.of(inputsFile), StandardCharsets.UTF_8).stream()
                            .filter(l -> !l.isBlank()).map(Path::of).toList();
                    IngestRunner.Known known = IngestRunner.Known.valueOf(jobExecution.getJobParameters().getString(KNOWN, IngestRunner.Known.SKIP.name()));
                    IngestPlan plan = planner.plan(IngestPlanner.expand(inputs, home.root()), known);
                    jobExecution.getExecutionContext().putString(PLAN, plan.toJson());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    UnitRegistry unitRegistry() {
        return new UnitRegistry();
    }

    @Bean
    @StepScope
    RegisterItemReader registerItemReader(@Value("#{jobExecutionContext['" + PLAN + "']}") String plan,
                                          LayoutDetector detector, IngestProgress progress) {
        return new RegisterItemReader(IngestPlan.fromJson(plan), detector, progress);
    }

    @Bean
    @StepScope
    RowProcessor rowProcessor(UnitRegistry unitRegistry, Pseudonymiser pseudonymiser,
                              @Value("#{jobParameters['" + TODAY + "']}") LocalDate today, PipelineProperties pipeline) {
        return new RowProcessor(unitRegistry, pseudonymiser, today, pipeline.rejects().redact());
    }

    @Bean
    @StepScope
    LakeItemWriter lakeItemWriter(@Value("#{jobExecutionContext['" + PLAN + "']}") String plan,
                                  @Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
                                  Lake lake, UnitRegistry unitRegistry, Quarantine quarantine, LakeProperties lakeProperties, Clock clock,
                                  IngestProperties ingest, vn.inspection.pipeline.schema.SchemaCatalog schemas) {
        // a codec Parquet does not know fails here, before any row is read
        CompressionCodecName codec = CompressionCodecName.valueOf(lakeProperties.compressionCodec().toUpperCase(Locale.ROOT));
        return new LakeItemWriter(IngestPlan.fromJson(plan), runId, lake, unitRegistry, quarantine, codec.name(), clock, schemas, ingest.resends());
    }

    /** Rows read and normalised on a thread of their own, ahead of the writer (two chunks at most). */
    @Bean
    @StepScope
    ProcessedRows processedRows(RegisterItemReader registerItemReader, RowProcessor rowProcessor, IngestProperties properties) {
        return new ProcessedRows(registerItemReader, rowProcessor, 2 * properties.chunkSize());
    }

    @Bean
    Step ingestRowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestProperties properties,
                        ProcessedRows processedRows, LakeItemWriter lakeItemWriter) {
        ExecutionContextPromotionListener promotion = new ExecutionContextPromotionListener();
        promotion.setKeys(new String[] {LakeItemWriter.RESULTS, LakeItemWriter.LATE});
        return new StepBuilder("rows", jobRepository)
                .<ProcessedRow, ProcessedRow>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(processedRows)
                .writer(lakeItemWriter)
                .stream(processedRows)
                .stream(lakeItemWriter)
                .listener(promotion)
                .build();
    }

    @Bean
    Step ingestReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Lake lake, PipelineHome home,
                          SchemaCatalog catalog) {
        IngestReport report = new IngestReport(lake, home.reports(), catalog);
        return new StepBuilder("report", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    ExecutionContext context = jobExecution.getExecutionContext();
                    IngestPlan plan = IngestPlan.fromJson(context.getString(PLAN));
                    List<FileResult> results = context.containsKey(LakeItemWriter.RESULTS)
                            ? Json.read(context.getString(LakeItemWriter.RESULTS), new TypeReference<List<FileResult>>() { })
                            : List.of();
                    long runId = jobExecution.getJobParameters().getLong(RUN_ID);
                    IngestSummary summary = report.summarise(runId, plan, results, context.getLong(LakeItemWriter.LATE, 0L));
                    lake.discardRun(runId);
                    context.putString(SUMMARY, summary.toJson());
                    // file names and reasons, no cell text: readable by the home's group at most
                    vn.inspection.pipeline.system.HomeFiles.writeAtomically(home.reports().resolve("ingest-run-" + runId + ".json"),
                            summary.toJson().getBytes(StandardCharsets.UTF_8), vn.inspection.pipeline.system.HomeFiles.SUMMARY);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
