package vn.inspection.pipeline.system;

/**
 * A condition of the home or of the settings that the user must put right before a command can run (a pseudonym key
 * that is not the lake's, a damaged job repository): its message is the whole line to show, what is wrong and how to
 * put it right. Thrown while the application starts, it reaches the command unwrapped ({@code PipelineApplication}).
 */
public class Refusal extends RuntimeException {
    public Refusal(String message) {
        super(message);
    }

    public Refusal(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first refusal in a chain of causes, if any. */
    public static java.util.Optional<Refusal> in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal refusal) {
                return java.util.Optional.of(refusal);
            }
        }
        return java.util.Optional.empty();
    }
}
