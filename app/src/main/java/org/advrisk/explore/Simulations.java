package org.advrisk.explore;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The background simulations of one server: at most {@link Limits#MAX_CONCURRENT_SIMULATIONS}
 * at once on as many threads (one training set at a time each), the rest refused with 429; the
 * last {@link #KEPT} jobs are kept for their results.
 */
final class Simulations implements AutoCloseable {
    static final int KEPT = 32;
    private final int max;
    private final ExecutorService pool;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, SimulationJob> jobs = new LinkedHashMap<>();

    Simulations(int max) {
        this.max = max;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(max, max, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread th = new Thread(r, "advrisk-explore-sim-" + threads.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
    }

    /** Starts a job, or refuses it (429) when {@code max} are running. */
    SimulationJob submit(SimulationWork<?> request) {
        if (active.incrementAndGet() > max) {
            active.decrementAndGet();
            throw new RefusedRequest(429, new ApiError("simulate", null, "at most " + max + " simulations at once",
                    "simulate: " + max + " simulations are already running; wait for one to finish or cancel it"));
        }
        SimulationJob job = new SimulationJob(Long.toString(ids.incrementAndGet()), request, active::decrementAndGet);
        synchronized (jobs) {
            jobs.put(job.id(), job);
            Iterator<SimulationJob> it = jobs.values().iterator();
            while (jobs.size() > KEPT && it.hasNext()) {
                if (it.next().ended()) {
                    it.remove();
                }
            }
        }
        pool.execute(job);
        return job;
    }

    /** The job with this id, or null. */
    SimulationJob get(String id) {
        synchronized (jobs) {
            return jobs.get(id);
        }
    }

    /** Number of jobs ever accepted. */
    long submitted() {
        return ids.get();
    }

    /** Number of jobs queued or running. */
    int active() {
        return active.get();
    }

    @Override
    public void close() {
        synchronized (jobs) {
            jobs.values().forEach(SimulationJob::cancel);
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
