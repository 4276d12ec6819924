package vn.inspection.pipeline.lake;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.inspection.pipeline.orchestration.CrashRecovery;
import vn.inspection.pipeline.system.PipelineHome;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LakeProperties.class)
class LakeConfiguration {

    @Bean
    Lake lake(PipelineHome home) {
        return new Lake(home.lake(), home.reports().resolve("rejects"));
    }

    /** Publishes a crash interrupted after their intent was written: completed before any job writes the home. */
    @Bean
    CrashRecovery lakePublishes(Lake lake) {
        return new CrashRecovery() {
            @Override
            public String what() {
                return "interrupted lake publish(es)";
            }

            @Override
            public int recover() throws java.io.IOException {
                return lake.recover();
            }
        };
    }
}
