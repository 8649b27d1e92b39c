package org.advrisk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.advrisk.experiment.Engine;
import org.advrisk.experiment.ResultStore;
import org.advrisk.experiment.RunEnvironment;
import org.advrisk.experiment.Runner;
import org.advrisk.experiment.Spec;
import org.advrisk.experiment.Sweep;
import org.advrisk.experiment.Trial;
import org.advrisk.experiment.TrialEvaluator;

/**
 * Runs one spec into one directory: opens (or resumes) the store, shows a progress bar with ETA on
 * stderr (only on a terminal and without --quiet), stores each finished trial, and on Ctrl-C keeps
 * what is finished and says how to resume.
 */
final class ExperimentRun {
    private ExperimentRun() {
    }

    /**
     * Runs the spec; returns the outcome. {@code resumeHint} is the command that resumes the run.
     */
    static Runner.Outcome execute(Spec spec, String specSource, Path out, int threads, boolean quiet,
                                  PrintWriter err, String resumeHint) throws IOException {
        return execute(spec, specSource, out, threads, quiet, err, resumeHint, null);
    }

    /**
     * Runs the spec on a cluster engine (null: the local thread pool); the store, the progress bar and
     * Ctrl-C behave the same either way.
     */
    static Runner.Outcome execute(Spec spec, String specSource, Path out, int threads, boolean quiet,
                                  PrintWriter err, String resumeHint, Engine engine) throws IOException {
        org.advrisk.experiment.SweepBudget.requireSweep(spec, threads);
        List<Trial> trials = Sweep.trials(spec);
        TrialEvaluator evaluator = TrialEvaluator.forSpec(spec);
        ResultStore store = ResultStore.open(out, spec, RunEnvironment.current(), specSource, threads, trials.size(),
                org.advrisk.experiment.InputFiles.hashes(spec));
        boolean showBar = !quiet && System.console() != null;
        ProgressBar[] bar = new ProgressBar[1];
        Runner.Listener listener = new Runner.Listener() {
            @Override
            public void started(int total, int alreadyDone) {
                if (showBar && alreadyDone < total) {
                    bar[0] = new ProgressBarBuilder().setTaskName(spec.name()).setInitialMax(total)
                            .startsFrom(alreadyDone, Duration.ZERO).setStyle(ProgressBarStyle.ASCII)
                            .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250)
                            .showSpeed().build();
                }
            }

            @Override
            public void trialDone(Trial trial, int done, int total) {
                if (bar[0] != null) {
                    bar[0].stepTo(done);
                }
            }
        };
        if (store.recoveredLines() > 0) {
            err.println("advrisk: dropped " + store.recoveredLines() + " line(s) of a trial cut off by an earlier"
                    + " interruption in " + out.resolve(ResultStore.RESULTS) + "; that trial runs again");
        }
        Runner local = engine == null ? new Runner(evaluator, store, threads, listener) : null;
        Job runner = local != null ? new Job() {
            @Override
            public Runner.Outcome run(List<Trial> all) throws IOException {
                return local.run(all);
            }

            @Override
            public boolean stop(long waitMillis) {
                return local.stop(waitMillis);
            }
        } : new Job() {
            @Override
            public Runner.Outcome run(List<Trial> all) throws IOException {
                return engine.run(spec, all, store, listener);
            }

            @Override
            public boolean stop(long waitMillis) {
                return engine.stop(waitMillis);
            }
        };
        Object lock = new Object();
        boolean[] closed = new boolean[1];
        java.util.concurrent.CountDownLatch mainDone = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C (SIGINT) or SIGTERM: stop after the trial being stored, close the store, say how to resume.
            SHUTTING_DOWN.set(true);
            runner.stop(30_000);
            try {
                mainDone.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (lock) {
                if (!closed[0]) {
                    closed[0] = true;
                    try {
                        if (bar[0] != null) {
                            bar[0].close();
                        }
                        store.finish(trials, "interrupted");
                        store.close();
                    } catch (IOException | RuntimeException e) {
                        // best effort: the rows on disk are already safe
                    }
                }
            }
            int done = store.finished().size();
            PrintStream ps = System.err;
            ps.println();
            ps.println("advrisk: interrupted: " + done + " of " + trials.size() + " trials are stored in " + out
                    + "; resume with: " + resumeHint);
            ps.flush();
        }, "advrisk-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Runner.Outcome outcome = null;
        String status = "failed";
        try {
            outcome = runner.run(trials);
            status = outcome.complete() ? "complete" : "interrupted";
        } catch (java.nio.file.FileSystemException e) {
            status = "interrupted"; // a full disk or lost permissions: the stored trials are intact, resume later
            throw e;
        } finally {
            // Whatever happened, close the store (release the lock), let the shutdown hook go on at once
            // (it waits for mainDone: a failure here once left it waiting 30 s) and remove it.
            try {
                synchronized (lock) {
                    if (!closed[0]) {
                        closed[0] = true;
                        if (bar[0] != null) {
                            bar[0].close();
                        }
                        try {
                            store.finish(trials, status);
                        } catch (IOException | RuntimeException e) {
                            if (outcome != null) {
                                throw e; // the run itself went well: this failure is the news
                            }
                            // else: keep the run's own exception; the rows on disk are intact
                        } finally {
                            store.close();
                        }
                    }
                }
            } finally {
                mainDone.countDown();
                removeHook(hook);
            }
        }
        return outcome;
    }

    /** Renders plots and report.html; a file-system fault names the directory and what to do. */
    static Path render(Path dir) throws IOException {
        try {
            return org.advrisk.report.Reports.render(dir);
        } catch (IOException e) {
            throw org.advrisk.experiment.Faults.of(e, dir, "cannot write the plots or report.html (the results are"
                    + " intact)", "free space (or fix the permissions) and run advrisk report " + dir);
        }
    }

    /** The local runner or a cluster engine, seen the same way by the shutdown hook. */
    private interface Job {
        Runner.Outcome run(List<Trial> trials) throws IOException;

        boolean stop(long waitMillis);
    }

    /** True once a shutdown hook has started: it prints the interruption message itself. */
    static boolean shuttingDown() {
        return SHUTTING_DOWN.get();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean SHUTTING_DOWN =
            new java.util.concurrent.atomic.AtomicBoolean();

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }
}
