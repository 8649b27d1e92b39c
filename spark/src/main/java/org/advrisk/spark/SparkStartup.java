package org.advrisk.spark;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Starts a Spark context within a stated time and with Spark's own logging muted meanwhile: a
 * standalone master that does not speak Spark (or does not answer) makes Spark retry registration
 * for a minute or more, printing hundreds of lines of traces; advrisk says one line instead.
 */
final class SparkStartup {
    /** How long a spark:// master may take to accept the application. */
    static final long STANDALONE_TIMEOUT_MILLIS = 30_000;

    private SparkStartup() {
    }

    /**
     * Runs {@code start} on its own daemon thread and returns its result; refuses with one line
     * (IllegalArgumentException) when it fails or, for {@code timeoutMillis > 0}, takes longer. On a
     * timeout the starting thread is left behind (the CLI exits) and Spark's logging stays muted.
     */
    static <T> T start(Callable<T> start, String master, long timeoutMillis) {
        Level before = LogManager.getRootLogger().getLevel();
        setRootLevel(Level.OFF); // the failure, if any, becomes our one line
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(start.call());
            } catch (Throwable e) { // NOPMD: every failure of the start becomes the one line
                result.completeExceptionally(e);
            }
        }, "advrisk-spark-start");
        t.setDaemon(true);
        t.start();
        try {
            T value = timeoutMillis > 0 ? result.get(timeoutMillis, TimeUnit.MILLISECONDS) : result.get();
            setRootLevel(before);
            return value;
        } catch (TimeoutException e) {
            throw new IllegalArgumentException("master: " + master + " did not accept the application within "
                    + (timeoutMillis + 999) / 1000 + " s; check that the URL names a running Spark master");
        } catch (ExecutionException e) {
            setRootLevel(before);
            throw SparkGuard.startFailure(master, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("master: " + master + ": interrupted while Spark was starting");
        }
    }

    /** The refusal when Spark gave up on the master during start (the context comes back stopped). */
    static IllegalArgumentException notAccepted(String master) {
        return new IllegalArgumentException("master: " + master + " did not accept the application (Spark gave up"
                + " registering with it); check that the URL names a running Spark master");
    }

    private static void setRootLevel(Level level) {
        if (level != null) {
            Configurator.setRootLevel(level);
        }
    }
}
