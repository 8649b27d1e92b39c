package org.advrisk.linalg;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the process alive while a BLAS/LAPACK call is under way at shutdown.
 *
 * <p>On exit the C runtime runs OpenBLAS's library destructor, which unmaps the library's work
 * buffers; a thread still inside {@code dgemm} then reads unmapped memory and the JVM dies with a
 * SIGSEGV banner and an {@code hs_err_pid*.log} (seen on Ctrl-C and SIGTERM during long calls).
 * Native calls cannot be interrupted, so {@link Blas} counts every call with {@link #BLAS}, whose
 * shutdown hook, once the JVM starts shutting down, lets no new call begin (the calling thread waits
 * for the process to end) and waits until the calls under way have returned. An interruption
 * therefore costs at most the rest of the longest call in flight.
 *
 * <p>No shutdown hook may call {@link Blas}: it would wait for the end of the process.
 */
final class NativeGate {
    /** The gate of every {@link Blas} call, drained by a JVM shutdown hook. */
    static final NativeGate BLAS = new NativeGate(1_000);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> BLAS.drain(System.err), "advrisk-blas-drain"));
    }

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object drained = new Object();
    private final long noticeMillis;
    private volatile boolean closing;

    /** @param noticeMillis after this long, {@link #drain} says on its stream why the process waits */
    NativeGate(long noticeMillis) {
        this.noticeMillis = noticeMillis;
    }

    /** Marks the start of a native call; once draining, the caller waits here for the process to end. */
    void enter() {
        if (!closing) {
            inFlight.incrementAndGet();
            if (!closing) {
                return;
            }
            leave();
        }
        while (true) {
            LockSupport.park(this); // the JVM is exiting: never start a call it could outlive
        }
    }

    /** Marks the end of a native call begun with {@link #enter()}. */
    void leave() {
        if (inFlight.decrementAndGet() == 0 && closing) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** Number of native calls under way. */
    int inFlight() {
        return inFlight.get();
    }

    /** Forbids new calls, then returns once the calls under way have returned. */
    void drain(PrintStream notice) {
        closing = true;
        long start = System.nanoTime();
        boolean told = false;
        synchronized (drained) {
            while (inFlight.get() > 0) {
                if (!told && System.nanoTime() - start > noticeMillis * 1_000_000L) {
                    told = true;
                    notice.println("advrisk: stopping: waiting for a running BLAS/LAPACK call to return "
                            + "(native calls cannot be interrupted; kill -9 ends the process at once)");
                    notice.flush();
                }
                try {
                    drained.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
