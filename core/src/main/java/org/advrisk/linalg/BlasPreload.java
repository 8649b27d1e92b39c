package org.advrisk.linalg;

/**
 * Loads the native BLAS and LAPACK libraries (a few hundred ms of CPU) on a daemon thread, so that the
 * loading overlaps the command line's start and the reading of a table instead of following them.
 * It is a class of its own because touching {@link Blas} runs its static initialiser, which loads the
 * libraries, on the calling thread; here only the new thread touches it. Later BLAS calls wait for the
 * loading if it is still under way; no number depends on it.
 */
public final class BlasPreload {
    private BlasPreload() {
    }

    /** Starts the loading and returns at once. */
    public static void inBackground() {
        Thread t = new Thread(() -> Blas.syevdInPlace(1, new double[] {1}), "advrisk-blas-preload");
        t.setDaemon(true);
        t.start();
    }
}
