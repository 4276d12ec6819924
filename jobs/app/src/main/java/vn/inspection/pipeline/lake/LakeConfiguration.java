package vn.inspection.pipeline.lake;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.inspection.pipeline.system.PipelineHome;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LakeProperties.class)
class LakeConfiguration {

    @Bean
    Lake lake(PipelineHome home) {
        return new Lake(home.lake(), home.reports().resolve("rejects"));
    }
}
