package vn.inspection.pipeline.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * An exclusive lock on the pipeline home for the life of a run that writes it (ingest, refresh, nightly), so two
 * runs never write the same lake. The lock file holds the process id and start time of its holder, so a second
 * run can say who holds it ({@link Busy}). The operating system releases the lock when the process dies, even
 * by kill -9; a run that holds it knows that any job execution still marked as running was left by a crash.
 *
 * <p>Re-entrant within a thread: a command that holds the lock can call code that takes it again (the ingest
 * command holds it across the ingest and the warehouse refresh). Read commands never take it.
 */
public final class HomeLock implements AutoCloseable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    /** Locks this JVM holds, by lock file: the operating system's lock is per process, not per thread. */
    private static final Map<Path, HomeLock> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread owner;
    private int holds = 1;

    private HomeLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.owner = Thread.currentThread();
    }

    /** Another run holds the home: what the user sees, with the holder's process id and start time when known. */
    public static final class Busy extends IllegalStateException {
        public Busy(String message) {
            super(message);
        }
    }

    /**
     * Takes the home's lock, creating the home if needed.
     *
     * @throws Busy when another process (or another thread of this one) holds it
     */
    public static HomeLock acquire(PipelineHome home) throws IOException {
        Path file = home.lockFile();
        synchronized (HELD) {
            HomeLock held = HELD.get(file);
            if (held != null) {
                if (held.owner == Thread.currentThread()) {
                    held.holds++;
                    return held;
                }
                throw busy(home, held.describeSelf());
            }
            Files.createDirectories(home.root());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw busy(home, holder);
            }
            HomeLock homeLock = new HomeLock(file, channel, lock);
            homeLock.writeHolder();
            HELD.put(file, homeLock);
            return homeLock;
        }
    }

    private static Busy busy(PipelineHome home, String holder) {
        return new Busy("another run" + (holder.isEmpty() ? "" : " (" + holder + ")") + " is using this home (" + home.root()
                + "): wait for it to finish, then run this command again");
    }

    /** "PID 1234, started 2014-07-01 02:00:05" from the lock file, or "" while its holder has not written it yet. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(4096, channel.size()));
            channel.read(buffer, 0);
            Properties properties = new Properties();
            properties.load(new java.io.StringReader(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)));
            String pid = properties.getProperty("pid");
            String started = properties.getProperty("started");
            if (pid == null) {
                return "";
            }
            return "PID " + pid + (started == null ? "" : ", started " + WHEN.format(Instant.parse(started)));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private String describeSelf() {
        return "PID " + ProcessHandle.current().pid() + ", this process";
    }

    private void writeHolder() throws IOException {
        ProcessHandle.Info info = ProcessHandle.current().info();
        String text = "pid=" + ProcessHandle.current().pid() + "\n"
                + "started=" + info.startInstant().orElse(Instant.now()) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (--holds > 0) {
                return;
            }
            HELD.remove(file);
            try {
                channel.truncate(0); // a lock file that names nobody: the holder has gone
            } finally {
                lock.release();
                channel.close();
            }
        }
    }
}
