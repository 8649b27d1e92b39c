package org.advrisk.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.advrisk.experiment.Engine;
import org.advrisk.experiment.Json;
import org.advrisk.experiment.ResultSink;
import org.advrisk.experiment.Runner;
import org.advrisk.experiment.Spec;
import org.advrisk.experiment.Trial;
import org.advrisk.linalg.Blas;
import org.advrisk.linear.GramChunk;
import org.advrisk.linear.GramSampler;
import org.advrisk.linear.GramStats;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.LinearProblemSpec;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * The Spark engine: a thin driver around one {@link JavaSparkContext}. A sweep becomes one job with
 * a partition (a task) per pending trial, whose rows come back as each task finishes and are
 * appended to the {@link ResultSink} (the run directory's ResultStore, or any other sink) from the
 * calling thread, exactly as the local runner does. A
 * huge-p Gram sum becomes one task per chunk ({@link GramSampler#chunk}); the driver adds the chunk
 * sums strictly in chunk order ({@link GramChunk.Sum}), never with Spark's reduce or treeAggregate
 * (they combine in completion order), so the result has the bits of the local streaming path.
 */
public final class SparkEngine implements Engine {
    private final JavaSparkContext jsc;
    private final java.io.PrintStream progress;
    private final AtomicLong groups = new AtomicLong();
    private volatile boolean stopRequested;
    private volatile CountDownLatch running;

    private SparkEngine(JavaSparkContext jsc, java.io.PrintStream progress) {
        this.jsc = jsc;
        this.progress = progress;
    }

    /** The Spark settings the options ask for (what {@link #start} uses; public for tests and docs). */
    public static SparkConf conf(Engine.Options options) {
        SparkConf conf = new SparkConf(true); // also reads the spark.* properties spark-submit sets
        conf.setIfMissing("spark.app.name", "advrisk");
        if (options.master() != null) {
            conf.setMaster(options.master());
        } else {
            conf.setIfMissing("spark.master", "local[*]");
        }
        String master = conf.get("spark.master");
        if (master.startsWith("local") || master.contains("://127.0.0.1") || master.contains("://localhost")) {
            // Everything on this machine: bind the driver to the loopback interface only.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        // Executors run BLAS single-threaded: a task is one core's work, and the bits do not depend on it.
        conf.setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        if (options.javacppCacheDir() != null) {
            String flag = "-Dorg.bytedeco.javacpp.cachedir=" + options.javacppCacheDir();
            String old = conf.get("spark.executor.extraJavaOptions", "");
            conf.set("spark.executor.extraJavaOptions", old.isBlank() ? flag : old + " " + flag);
            System.setProperty("org.bytedeco.javacpp.cachedir", options.javacppCacheDir()); // local[N] executors
        }
        for (Map.Entry<String, String> e : options.conf().entrySet()) {
            if (!e.getKey().startsWith("spark.")) {
                throw new IllegalArgumentException("conf: " + e.getKey() + " is not a Spark setting; allowed: keys"
                        + " starting with spark., e.g. --conf spark.executor.memory=8g");
            }
            conf.set(e.getKey(), e.getValue());
        }
        if (!conf.contains("spark.jars")) {
            String jar = ownJar();
            if (jar != null) {
                conf.set("spark.jars", jar); // executors of a real cluster load advrisk from it
            }
        }
        SparkGuard.checkMaster(master, Runtime.getRuntime().availableProcessors());
        SparkGuard.checkUi(conf, master, System.getenv("SPARK_LOCAL_IP"));
        return conf;
    }

    /**
     * Starts Spark with the options. Bad options, an unreachable standalone master (10 s), one that
     * does not accept the application (30 s) and a context that fails to start are refused with one
     * line (IllegalArgumentException).
     */
    static SparkEngine start(Engine.Options options) {
        SparkConf conf = conf(options);
        String master = conf.get("spark.master");
        SparkGuard.checkReachable(master, SparkGuard.CONNECT_TIMEOUT_MILLIS);
        if (options.progress() == null) {
            // --quiet: Spark's own warnings go too (errors still show)
            org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.ERROR);
        }
        Blas.threads(1);
        long timeout = master.startsWith("spark://") ? SparkStartup.STANDALONE_TIMEOUT_MILLIS : 0;
        JavaSparkContext jsc = SparkStartup.start(() -> new JavaSparkContext(conf), master, timeout);
        if (jsc.sc().isStopped()) {
            throw SparkStartup.notAccepted(master);
        }
        return new SparkEngine(jsc, options.progress());
    }

    /** The application jar holding this class, when it runs from one (the ./advrisk wrapper's case). */
    private static String ownJar() {
        String prop = System.getProperty("advrisk.spark.jar");
        if (prop != null && !prop.isBlank()) {
            return prop;
        }
        try {
            CodeSource cs = SparkEngine.class.getProtectionDomain().getCodeSource();
            if (cs == null) {
                return null;
            }
            Path p = Path.of(cs.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p.toString() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The Spark context (for tests). */
    JavaSparkContext context() {
        return jsc;
    }

    @Override
    public Runner.Outcome run(Spec spec, List<Trial> trials, ResultSink store, Runner.Listener listener)
            throws IOException {
        CountDownLatch ended = new CountDownLatch(1);
        running = ended;
        try {
            return runSweep(spec, trials, store, listener == null ? new Runner.Listener() { } : listener);
        } finally {
            ended.countDown();
        }
    }

    private Runner.Outcome runSweep(Spec spec, List<Trial> trials, ResultSink store, Runner.Listener listener)
            throws IOException {
        String json = specJson(spec);
        // the resumable part of the sweep, as the local runner computes it
        Runner.Pending todo = Runner.Pending.of(trials, store);
        Map<Integer, Trial> pending = new LinkedHashMap<>();
        List<TrialTask> tasks = new ArrayList<>();
        for (Trial t : todo.pending()) {
            pending.put(t.index(), t);
            tasks.add(new TrialTask(t.index(), t.key()));
        }
        int total = todo.total();
        int skipped = todo.skipped();
        listener.started(total, skipped);
        if (pending.isEmpty() || stopRequested) {
            return todo.outcome(0);
        }
        JavaRDD<TrialTask> rdd = jsc.parallelize(tasks, tasks.size());
        BlockingQueue<TrialResult> results = new LinkedBlockingQueue<>();
        String group = "advrisk-sweep-" + groups.incrementAndGet();
        jsc.setJobGroup(group, "advrisk sweep " + spec.name(), true);
        SimpleFutureAction<BoxedUnit> job = submit(rdd, new SweepFunction(json), 0, tasks.size(), results);
        Progress bar = new Progress(progress, "sweep " + spec.name() + " (" + skipped + " of " + total
                + " trials already stored)", tasks.size());
        int ran = 0;
        try {
            while (ran < tasks.size()) {
                if (stopRequested) {
                    return new Runner.Outcome(total, skipped, ran, true);
                }
                TrialResult r;
                try {
                    r = results.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Runner.Outcome(total, skipped, ran, true);
                }
                if (r == null) {
                    if (job.isCompleted() && results.isEmpty()) {
                        if (stopRequested) {
                            return new Runner.Outcome(total, skipped, ran, true);
                        }
                        throw failure(job, "sweep " + spec.name());
                    }
                    continue;
                }
                Trial t = pending.get(r.index());
                if (t == null || !t.key().equals(r.key())) {
                    throw new IllegalStateException("a task returned trial " + r.index() + " " + r.key()
                            + ", which this run did not ask for");
                }
                if (r.error() != null) {
                    throw new IllegalArgumentException("trial " + t.key() + ": " + r.error());
                }
                store.append(t, r.rows());
                ran++;
                listener.trialDone(t, skipped + ran, total);
                bar.update(ran);
            }
            return new Runner.Outcome(total, skipped, ran, false);
        } finally {
            if (ran < tasks.size() && !job.isCompleted()) {
                jsc.cancelJobGroup(group); // stopped or failed: do not leave tasks running
            }
            jsc.clearJobGroup();
        }
    }

    /** The spec as JSON, checked to read back as the same spec (what the executors will expand). */
    static String specJson(Spec spec) {
        try {
            String json = Json.MAPPER.writeValueAsString(spec.toTree());
            Spec back = SweepFunction.readSpec(json);
            if (!Json.MAPPER.writeValueAsString(back.toTree()).equals(json)) {
                throw new IllegalStateException("spec " + spec.name() + " does not survive a JSON round trip;"
                        + " executors would run a different sweep");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write spec " + spec.name() + " as JSON", e);
        }
    }

    @Override
    public boolean stop(long waitMillis) {
        stopRequested = true;
        CountDownLatch ended = running;
        if (ended == null) {
            return true;
        }
        try {
            return ended.await(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public GramStats gram(LinearProblemSpec spec, long trial) {
        LinearProblem problem = spec.problem(); // validated here, on the driver, before any task runs
        int n = problem.n();
        long chunks = GramSampler.chunkCount(n, problem.p());
        if (chunks > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("p: " + problem.p() + " makes " + chunks + " chunks; allowed: at most "
                    + Integer.MAX_VALUE);
        }
        int count = (int) chunks;
        long chunkBytes = 8L * n * (n + 1) + 16L * n;
        long heapShare = Runtime.getRuntime().maxMemory() / 4;
        if (heapShare / chunkBytes < 2) {
            throw new IllegalArgumentException("n: " + n + " needs " + (chunkBytes >> 20) + " MiB per chunk on the driver,"
                    + " more than a quarter of its heap (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB) for two;"
                    + " raise the driver's -Xmx (ADVRISK_JAVA_OPTS, or spark-submit --driver-memory)");
        }
        // Chunks in flight: a scheduling choice only (the sum's order is fixed), bounded by the driver's heap.
        int window = (int) Math.max(1, Math.min(Math.max(1, jsc.defaultParallelism()), heapShare / chunkBytes / 2));
        List<Long> ids = new ArrayList<>(count);
        for (long c = 0; c < count; c++) {
            ids.add(c);
        }
        JavaRDD<Long> rdd = jsc.parallelize(ids, count);
        GramFunction f = new GramFunction(spec, trial);
        BlockingQueue<PackedChunk> arrived = new LinkedBlockingQueue<>();
        Map<Long, PackedChunk> waiting = new HashMap<>();
        ArrayDeque<SimpleFutureAction<BoxedUnit>> inFlight = new ArrayDeque<>();
        ArrayDeque<Integer> windowEnds = new ArrayDeque<>();
        String group = "advrisk-gram-" + groups.incrementAndGet();
        jsc.setJobGroup(group, "advrisk Gram sum, trial " + trial, true);
        Progress bar = new Progress(progress, "Gram sum of trial " + trial + " (n=" + n + ", p=" + problem.p()
                + ", " + count + " chunks of " + GramSampler.chunkBlocks(n) + " blocks)", count);
        GramChunk.Sum sum = new GramChunk.Sum(n);
        int nextWindow = 0;
        try {
            while (sum.count() < count) {
                while (inFlight.size() < 2 && nextWindow < count) {
                    int end = (int) Math.min(count, (long) nextWindow + window);
                    inFlight.add(submit(rdd, f, nextWindow, end, arrived));
                    windowEnds.add(end);
                    nextWindow = end;
                }
                PackedChunk c = waiting.remove(sum.count());
                if (c == null) {
                    PackedChunk got = arrived.poll(100, TimeUnit.MILLISECONDS);
                    if (got != null) {
                        waiting.put(got.chunk(), got);
                    } else {
                        for (SimpleFutureAction<BoxedUnit> j : inFlight) {
                            if (j.isCompleted() && j.value().get().isFailure()) {
                                throw failure(j, "Gram sum of trial " + trial);
                            }
                        }
                    }
                    continue;
                }
                sum.add(c.unpack());
                bar.update(sum.count());
                if (sum.count() == windowEnds.peek()) {
                    windowEnds.poll();
                    inFlight.poll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the Gram sum of trial " + trial, e);
        } finally {
            if (sum.count() < count) {
                jsc.cancelJobGroup(group);
            }
            jsc.clearJobGroup();
        }
        return GramSampler.finish(problem, spec.seed(), trial, sum.total(), null, 0, true);
    }

    /** Submits partitions [from, to) of the one-element-per-partition RDD; each result goes to the queue. */
    private <T, U> SimpleFutureAction<BoxedUnit> submit(JavaRDD<T> rdd, scala.Function1<scala.collection.Iterator<T>, U> f,
                                                         int from, int to, BlockingQueue<U> into) {
        List<Object> parts = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            parts.add(i);
        }
        return jsc.sc().submitJob(rdd.rdd(), f, CollectionConverters.asScala(parts).toSeq(),
                new AbstractFunction2<Object, U, BoxedUnit>() {
                    @Override
                    public BoxedUnit apply(Object partition, U result) {
                        into.add(result);
                        return BoxedUnit.UNIT;
                    }
                },
                new AbstractFunction0<BoxedUnit>() {
                    @Override
                    public BoxedUnit apply() {
                        return BoxedUnit.UNIT;
                    }
                });
    }

    private static IllegalStateException failure(SimpleFutureAction<BoxedUnit> job, String what) {
        Try<BoxedUnit> t = job.value().get();
        Throwable cause = t.isFailure() ? t.failed().get() : null;
        return new IllegalStateException(what + " failed on Spark: " + (cause == null ? "the job ended early" : cause.getMessage()),
                cause);
    }

    @Override
    public void close() {
        jsc.stop();
    }
}
