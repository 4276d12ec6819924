package vn.inspection.pipeline;

import java.nio.file.Path;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import vn.inspection.pipeline.system.PipelineHome;

/** The Spring Boot application: one context per CLI command, on the home the command names. */
@SpringBootApplication
public class PipelineApplication {

    /** Starts the application on a home; the caller closes the context. */
    public static ConfigurableApplicationContext start(PipelineHome home, String... extraProperties) {
        vn.inspection.pipeline.system.Logging.configure(home, true);
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
        return application.run(args);
    }

    public static ConfigurableApplicationContext start(Path home, String... extraProperties) {
        return start(new PipelineHome(home), extraProperties);
    }
}
