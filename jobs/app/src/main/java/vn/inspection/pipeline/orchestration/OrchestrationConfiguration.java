package vn.inspection.pipeline.orchestration;

import java.util.List;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.inspection.pipeline.system.PipelineHome;

@Configuration(proxyBeanMethods = false)
class OrchestrationConfiguration {

    @Bean
    HomeGuard homeGuard(PipelineHome home, JobRepository jobRepository, JobOperator jobOperator, List<CrashRecovery> recoveries) {
        return new HomeGuard(home, jobRepository, jobOperator, recoveries);
    }

    @Bean
    JobRuns jobRuns(JobOperator jobOperator, JobRepository jobRepository, HomeGuard homeGuard) {
        return new JobRuns(jobOperator, jobRepository, homeGuard);
    }
}
