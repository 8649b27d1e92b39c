package org.advrisk.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.advrisk.linear.GramStats;
import org.advrisk.model.LinearProblemSpec;

/**
 * A cluster engine (the Executor of the house on other machines): runs a sweep's trials and the
 * chunks of a huge-p Gram sum elsewhere and hands the results back in the order the local path
 * uses, so every output is the same as a local run's. Core only declares it; a module on the
 * classpath provides it through {@link ServiceLoader} ({@link Provider}), so core never imports a
 * cluster library. Not thread-safe: one driver thread uses it.
 */
public interface Engine extends AutoCloseable {

    /**
     * What an engine needs to start.
     *
     * @param master     where to run (for example {@code local[2]} or {@code spark://host:7077}); null: the
     *                   engine's own default (what a launcher such as spark-submit configured)
     * @param conf       engine settings KEY=VALUE (passed through)
     * @param javacppCacheDir where executors unpack the native BLAS library (null: the library's default)
     * @param progress   where progress lines (tasks done / total) go; null: nowhere
     */
    record Options(String master, Map<String, String> conf, String javacppCacheDir, PrintStream progress) {
        public Options {
            conf = Map.copyOf(conf);
        }
    }

    /** Makes engines of one name; listed in META-INF/services/org.advrisk.experiment.Engine$Provider. */
    interface Provider {
        /** The name users choose it by, e.g. {@code spark}. */
        String name();

        /** Starts an engine. Throws IllegalArgumentException for bad options. */
        Engine open(Options options);
    }

    /**
     * Runs every trial the sink does not hold yet, one task per trial (the evaluator is built where
     * the task runs), and appends each finished trial's rows (as {@link Runner#rowsOf} makes them)
     * to the sink from the calling thread (the run directory's {@link ResultStore}, or any other
     * {@link ResultSink}). A failing trial stops the run and is rethrown with its key.
     */
    Runner.Outcome run(Spec spec, List<Trial> trials, ResultSink sink, Runner.Listener listener) throws IOException;

    /** Asks a running {@link #run} to stop after the trial being stored; true once it has ended. */
    boolean stop(long waitMillis);

    /**
     * The Gram statistics of training set {@code trial}, streaming every feature: one task per chunk
     * ({@link org.advrisk.linear.GramSampler#chunk}), chunk sums added in chunk order, so the result
     * is bit-identical to {@link org.advrisk.linear.GramSampler#sample}.
     */
    GramStats gram(LinearProblemSpec problem, long trial);

    /** Stops the engine and everything it started. */
    @Override
    void close();

    /** The names of the engines on the classpath. */
    static List<String> available() {
        return ServiceLoader.load(Provider.class).stream().map(p -> p.get().name()).sorted().toList();
    }

    /**
     * Starts the engine of the given name, or says how to get it on the classpath.
     *
     * @throws IllegalArgumentException when no such engine is installed
     */
    static Engine open(String name, Options options) {
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p.name().equals(name)) {
                return p.open(options);
            }
        }
        throw new IllegalArgumentException("engine: " + name + " is not on the classpath (found: "
                + (available().isEmpty() ? "none" : String.join(", ", available())) + "); run through the ./advrisk"
                + " wrapper, which adds the advrisk-spark module and Spark's jars when --engine spark is given, or"
                + " spark-submit the advrisk-spark jar");
    }
}
