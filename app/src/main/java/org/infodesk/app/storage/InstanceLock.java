package org.infodesk.app.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.infodesk.app.data.StoreException;

/**
 * One writer per data folder: an OS file lock on {@code infodesk.lock}, held while the store is
 * open and released by the OS if the process dies, so a crash never leaves the folder locked.
 */
final class InstanceLock implements AutoCloseable {

    static final String FILE = "infodesk.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path folder) throws StoreException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new StoreException(StoreException.Problem.LOCKED, folder, "held by another process");
            }
            return new InstanceLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StoreException(StoreException.Problem.LOCKED, folder, null, "held in this process", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(StoreException.Problem.READ_ONLY, folder, null, e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        }
    }
}
