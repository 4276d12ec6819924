package vn.inspection.pipeline;

import java.nio.file.Path;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import vn.inspection.pipeline.system.JobRepository;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.system.PseudonymKey;
import vn.inspection.pipeline.system.Refusal;
import vn.inspection.pipeline.system.Settings;

/** The Spring Boot application: one context per CLI command, on the home the command names. */
@SpringBootApplication
public class PipelineApplication {

    /** Starts the application on a home; the caller closes the context. */
    public static ConfigurableApplicationContext start(PipelineHome home, String... extraProperties) {
        vn.inspection.pipeline.system.Logging.configure(home, true);
        try {
            // before anything opens the home (the job repository, the lake): the key must be the lake's
            PseudonymKey.resolve(Settings.fromProcess().get(PseudonymKey.SETTING).orElse(null), home);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SpringApplication application = new SpringApplication(PipelineApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        java.util.Map<String, Object> defaults = new java.util.HashMap<>();
        defaults.put("pipeline.home", home.root().toString());
        application.setDefaultProperties(defaults);
        String[] args = new String[extraProperties.length + 1];
        args[0] = "--pipeline.home=" + home.root();
        for (int i = 0; i < extraProperties.length; i++) {
            args[i + 1] = "--" + extraProperties[i];
        }
        try {
            return application.run(args);
        } catch (RuntimeException e) {
            // the trace to the log; the command shows the refusal's line
            java.util.Optional<Refusal> refusal = Refusal.in(e).or(() -> JobRepository.damaged(home, e));
            if (refusal.isPresent()) {
                org.slf4j.LoggerFactory.getLogger(PipelineApplication.class).info("the application did not start", e);
                throw refusal.get();
            }
            throw e;
        }
    }

    public static ConfigurableApplicationContext start(Path home, String... extraProperties) {
        return start(new PipelineHome(home), extraProperties);
    }
}
