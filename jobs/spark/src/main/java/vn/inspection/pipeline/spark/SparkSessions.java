package vn.inspection.pipeline.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark application a command runs in: the one already running in this JVM (a test's, a notebook's, or the
 * one {@code spark-submit} configured through {@code spark.*} properties), else a new one. A command stops only
 * an application it started.
 */
public final class SparkSessions implements AutoCloseable {
    /** Where the application runs when neither {@code --spark-master} nor {@code spark-submit} says: this machine's cores. */
    public static final String MASTER_DEFAULT = "local[*]";

    private final SparkSession session;
    private final boolean owned;

    private SparkSessions(SparkSession session, boolean owned) {
        this.session = session;
        this.owned = owned;
    }

    /**
     * The running application, or a new one on {@code master} (null: {@code spark.master} as spark-submit set it,
     * else {@link #MASTER_DEFAULT}).
     *
     * @throws IllegalArgumentException when an application already runs on another master
     */
    public static SparkSessions obtain(String master, String appName) {
        scala.Option<SparkSession> running = SparkSession.getDefaultSession();
        if (running.isDefined()) {
            String current = running.get().sparkContext().master();
            if (master != null && !master.equals(current)) {
                throw new IllegalArgumentException("a Spark application on " + current + " already runs in this JVM: cannot use " + master);
            }
            return new SparkSessions(running.get(), false);
        }
        SparkConf conf = new SparkConf(true);   // picks up the spark.* properties spark-submit (or -D) set
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(MASTER_DEFAULT);
        }
        conf.setAppName(conf.get("spark.app.name", appName));
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (conf.get("spark.master").startsWith("local")) {
            // one machine: no web UI, loopback only, few shuffle partitions (the defaults suit a cluster)
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        }
        return new SparkSessions(SparkSession.builder().config(conf).getOrCreate(), true);
    }

    public SparkSession session() {
        return session;
    }

    /** Stops the application if this object started it. */
    @Override
    public void close() {
        if (owned) {
            session.stop();
        }
    }
}
