package org.advrisk.experiment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The lock of an output directory for commands outside the sweep runner ({@code audit}): the same
 * {@value ResultStore#LOCK} OS file lock that {@code run} and {@code reproduce} take (one holder at a
 * time, the holder's pid and host in the file), and the same notion of a directory that holds nothing
 * yet.
 */
public final class OutDirLock implements AutoCloseable {
    private final DirLock lock;

    private OutDirLock(DirLock lock) {
        this.lock = lock;
    }

    /** Locks {@code dir} (which exists) or refuses, naming the holder and what to do. */
    public static OutDirLock acquire(Path dir) throws IOException {
        return new OutDirLock(DirLock.acquire(dir));
    }

    /** True when some process (this one included) holds the lock of {@code dir}. */
    public static boolean isHeld(Path dir) throws IOException {
        return DirLock.isHeld(dir);
    }

    /** True when {@code dir} is absent, empty, or holds only what a run that died before its manifest leaves. */
    public static boolean holdsNothing(Path dir) throws IOException {
        return RunFiles.onlyBookkeeping(dir);
    }

    /** Releases the lock (the file stays). */
    @Override
    public void close() throws IOException {
        lock.release();
    }
}
