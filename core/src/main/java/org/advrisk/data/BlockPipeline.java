package org.advrisk.data;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the BLAS work of a streaming pass on a thread of its own, one block at a time and in the order the blocks
 * were handed on, while the visiting thread fills the next block: the same calls in the same order as doing them
 * in place, so the same bits, with the copying and the arithmetic overlapped. {@link #handOn} alternates two sets of
 * block buffers: it returns once the block handed on before is done, with the set that block used, to be filled
 * again.
 */
public final class BlockPipeline {
    private final String name;
    private ExecutorService worker;
    private Future<?> last;
    private double[][] spare;

    /** A pipeline whose thread (started with the first block) is called {@code name}. */
    public BlockPipeline(String name) {
        this.name = name;
    }

    /** Whether overlapping can gain anything here (more than one core). */
    public static boolean worthwhile() {
        return Runtime.getRuntime().availableProcessors() > 1;
    }

    /** Queues {@code block} after the blocks before it, then waits for the previous one. */
    public void submit(Runnable block) {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
        Future<?> previous = last;
        last = worker.submit(block);
        await(previous);
    }

    /**
     * Queues {@code work} on the buffers {@code filled} (as {@link #submit}) and returns the other set of buffers to
     * fill next: the set the previous block used, free now, or new arrays of the same lengths the first time.
     */
    public double[][] handOn(double[][] filled, Runnable work) {
        submit(work);
        double[][] next = spare;
        if (next == null) {
            next = new double[filled.length][];
            for (int i = 0; i < filled.length; i++) {
                next[i] = new double[filled[i].length];
            }
        }
        spare = filled;
        return next;
    }

    /** Waits for every block handed on and stops the thread; the first failure is thrown. */
    public void finish() {
        try {
            await(last);
        } finally {
            last = null;
            if (worker != null) {
                worker.shutdown();
                worker = null;
            }
        }
    }

    private static void await(Future<?> f) {
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a block's BLAS calls", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
