package vn.inspection.pipeline.warehouse;

import java.util.List;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.Catalogs;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.system.PipelineProperties;

/**
 * The warehouse, its metric engine, and the refresh as a step ({@code refresh}) with the decider that says whether a
 * job needs it ({@link LakeChangedDecider}), for the jobs that write the lake (the nightly job).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarehouseProperties.class)
class WarehouseConfiguration {

    @Bean
    MetricCatalog metricCatalog(PipelineProperties properties, SchemaCatalog schemas) {
        return Catalogs.metrics(properties.schemasDir(), schemas);
    }

    @Bean
    Warehouse warehouse(PipelineHome home, Lake lake, SchemaCatalog schemas, MetricCatalog metrics, PipelineProperties properties,
                        WarehouseProperties warehouse) {
        return new Warehouse(home.warehouse(), lake, schemas, metrics, properties.schemasDir(), warehouse.storage());
    }

    @Bean
    DuckDbMetricEngine duckDbMetricEngine(Warehouse warehouse) {
        return new DuckDbMetricEngine(warehouse);
    }

    @Bean
    LakeChangedDecider lakeChangedDecider(Warehouse warehouse) {
        return new LakeChangedDecider(warehouse);
    }

    /**
     * Rebuilds the warehouse from the lake and swaps it in; fails (the job stops there) when the new warehouse fails
     * its data tests, which stay recorded in its {@code data_tests} table.
     */
    @Bean
    Step refreshStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Warehouse warehouse) {
        return new StepBuilder("refresh", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    List<Warehouse.DataTestFailure> failed = warehouse.refresh();
                    if (!failed.isEmpty()) {
                        throw new DataTestsFailedException(failed, warehouse.lakeProblems());
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
