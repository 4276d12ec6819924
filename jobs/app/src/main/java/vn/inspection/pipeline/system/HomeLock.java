package vn.inspection.pipeline.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the pipeline home for the life of a run, so two runs never write the same lake.
 * The operating system releases it when the process dies, even by kill -9; a run that holds it knows that
 * any job execution still marked as running was left by a crash.
 */
public final class HomeLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static HomeLock acquire(PipelineHome home) throws IOException {
        Files.createDirectories(home.root());
        FileChannel channel = FileChannel.open(home.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another pipeline run is using the home " + home.root() + "; wait for it to finish");
        }
        return new HomeLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
