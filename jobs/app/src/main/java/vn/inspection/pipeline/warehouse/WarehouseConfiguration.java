package vn.inspection.pipeline.warehouse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.inspection.pipeline.lake.Lake;
import vn.inspection.pipeline.metrics.MetricCatalog;
import vn.inspection.pipeline.schema.SchemaCatalog;
import vn.inspection.pipeline.system.Catalogs;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.system.PipelineProperties;

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
}
