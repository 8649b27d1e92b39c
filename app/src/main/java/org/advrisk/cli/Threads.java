package org.advrisk.cli;

import java.util.List;
import org.advrisk.linalg.Blas;
import org.advrisk.random.TrialLoop;

/** Runs independent trials on a thread pool and returns their results in trial order (through the core {@link TrialLoop}). */
public final class Threads {
    private Threads() {
    }

    /** A trial's work: its index and the threads it may use inside. */
    @FunctionalInterface
    public interface TrialWork<T> {
        T run(int trial, int innerThreads);
    }

    /** --threads value, or all cores; must be >= 1. */
    public static int resolve(Integer threads) {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " must be >= 1");
        }
        return threads;
    }

    /**
     * Runs trials 0..count−1. With several trials they run in parallel (each single-threaded inside);
     * a single trial gets all threads. BLAS stays single-threaded, so results never depend on threads.
     */
    public static <T> List<T> map(int count, int threads, TrialWork<T> work) {
        Blas.threads(1);
        return TrialLoop.map(count, threads, TrialLoop.Inner.ONE, work::run);
    }
}
