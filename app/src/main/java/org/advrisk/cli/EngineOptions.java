package org.advrisk.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.advrisk.experiment.Engine;
import picocli.CommandLine.Option;

/**
 * The flags that choose where work runs, shared by {@code advrisk run} and {@code advrisk linear}:
 * {@code --engine local} (this JVM's threads) or {@code --engine spark} (an engine module found on
 * the classpath through {@link Engine.Provider}; the app never links against Spark).
 */
public final class EngineOptions {
    /** Allowed engines, for messages. */
    static final String ALLOWED = "local, spark";

    @Option(names = "--engine", defaultValue = "local", paramLabel = "NAME",
            description = {"Where the work runs: local (this machine's threads) | spark (Apache Spark: trials, or the",
                "chunks of a huge-p Gram sum, become tasks; same bits as local). Default: ${DEFAULT-VALUE}."})
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = {"With --engine spark: local[N] | spark://HOST:PORT | yarn | k8s://…; default: what spark-submit",
                "configured, else local[*]. Example: --master local[2]."})
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = {"With --engine spark: a Spark setting, repeatable.",
                "Example: --conf spark.executor.memory=8g --conf spark.executor.cores=4."})
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--javacpp-cache", paramLabel = "DIR",
            description = {"With --engine spark: where executors unpack the native OpenBLAS library",
                "(org.bytedeco.javacpp.cachedir; default ~/.javacpp/cache). Example: --javacpp-cache /scratch/javacpp."})
    String javacppCache;

    /** True unless {@code --engine local}; refuses unknown names. */
    boolean remote() {
        String e = engine.trim().toLowerCase(Locale.ROOT);
        if (e.equals("local")) {
            if (master != null || !conf.isEmpty() || javacppCache != null) {
                throw new IllegalArgumentException("engine: --master, --conf and --javacpp-cache need --engine spark;"
                        + " got --engine " + engine);
            }
            return false;
        }
        if (e.equals("spark")) {
            return true;
        }
        throw new IllegalArgumentException("engine: '" + engine + "' is not allowed; allowed: " + ALLOWED);
    }

    /** Starts the chosen cluster engine (call only when {@link #remote()}). */
    Engine open(PrintStream progress) {
        return Engine.open(engine.trim().toLowerCase(Locale.ROOT),
                new Engine.Options(master, conf, javacppCache, progress));
    }
}
