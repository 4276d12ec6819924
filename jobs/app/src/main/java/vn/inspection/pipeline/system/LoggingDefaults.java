package vn.inspection.pipeline.system;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's set-up until a command makes its own ({@link Logging#configure}): warnings to standard error, one
 * line each. Found by Logback through {@code META-INF/services}, in code rather than a {@code logback.xml}, because
 * parsing XML was a fifth of a read command's start-up, and every command replaces this set-up at once.
 */
public final class LoggingDefaults extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logging.defaults(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
