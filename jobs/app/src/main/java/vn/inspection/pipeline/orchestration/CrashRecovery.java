package vn.inspection.pipeline.orchestration;

/**
 * Work a crash can leave half done in the home, completed or dropped before any job that writes the home
 * starts: a publish interrupted after its intent ({@code Lake.recover()}), rejects an older version left in the
 * lake. Each capability that leaves such work declares a bean; {@link HomeGuard} runs them all, once per process,
 * under the home's lock.
 */
public interface CrashRecovery {

    /** What it recovers, for the log ("interrupted lake publishes"). */
    String what();

    /** Completes or drops what a crash left; returns how many things it recovered (0 when nothing was left). */
    int recover() throws Exception;
}
