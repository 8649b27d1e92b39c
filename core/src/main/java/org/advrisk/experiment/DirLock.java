package org.advrisk.experiment;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock of a run directory: an OS file lock on {@value ResultStore#LOCK}, taken on one channel
 * that stays open (and is never reopened by this process) until {@link #release()}; the file holds
 * the holder's pid, host and start time so that a refused process can name it. The file itself is
 * never deleted (deleting a lock file lets two later processes lock two different files).
 *
 * <p>Within one JVM a registry of held directories answers first: on POSIX systems closing any
 * other handle of a locked file would drop the process's lock.
 */
final class DirLock {
    /** This machine's name, as recorded in the lock file and the manifest. */
    static final String HOST = RunEnvironment.current().host();

    private static final Map<Path, DirLock> HELD = new ConcurrentHashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private DirLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir} (which exists) or refuses with who holds it. */
    static DirLock acquire(Path dir) throws IOException {
        Path key = dir.toRealPath();
        DirLock mine = new DirLock(key, null, null);
        if (HELD.putIfAbsent(key, mine) != null) {
            throw inUse(dir, "this process (pid " + ProcessHandle.current().pid() + ")");
        }
        Path file = dir.resolve(ResultStore.LOCK);
        FileChannel ch = null;
        try {
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw Faults.of(e, file, "cannot create the lock file", "choose a --out you can write to");
            }
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(ch);
                throw inUse(dir, holder.isEmpty() ? "another advrisk process that is just starting" : holder);
            }
            String me = "pid " + ProcessHandle.current().pid() + " on " + HOST + " since " + Instant.now();
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            DirLock held = new DirLock(key, ch, lock);
            HELD.put(key, held);
            return held;
        } catch (IOException | RuntimeException e) {
            HELD.remove(key, mine);
            if (ch != null) {
                ch.close();
            }
            throw e;
        }
    }

    /** True when some process (this one included) holds the lock of {@code dir}. */
    static boolean isHeld(Path dir) throws IOException {
        Path file = dir.resolve(ResultStore.LOCK);
        if (!Files.exists(file)) {
            return false;
        }
        if (HELD.containsKey(dir.toRealPath())) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (IOException e) {
            return false; // read-only: nobody can be writing there either
        }
    }

    /** Releases the lock and closes its channel (the file stays). */
    void release() throws IOException {
        try {
            if (channel != null && channel.isOpen()) {
                try {
                    channel.truncate(0); // no stale holder named after we are gone
                } catch (IOException ignored) {
                    // a full or read-only disk: the stale text names a process that no longer holds the lock
                }
                if (lock.isValid()) {
                    lock.release();
                }
                channel.close();
            }
        } finally {
            HELD.remove(key, this);
        }
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(512);
            ch.read(buf, 0);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static IllegalArgumentException inUse(Path dir, String holder) {
        return new IllegalArgumentException("out: " + dir + " is in use by " + holder
                + "; wait for it to finish (or stop it) or choose another --out");
    }
}
