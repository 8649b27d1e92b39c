package org.advrisk.explore;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code advrisk explore}: starts the explorer on 127.0.0.1 and serves until interrupted (Ctrl-C).
 */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"An interactive page on 127.0.0.1: risks against λ, the (R, R_α) frontier, min-norm risks and",
            "the benign diagnosis against n, the regret ratios A and S; simulations in the background; the",
            "command and spec that reproduce the view. Stop it with Ctrl-C."},
        footer = {"", "Example:", "  advrisk explore --port 0 --open"})
public final class ExploreCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "7878", paramLabel = "N",
            description = "Port on 127.0.0.1 (0 = a free port; the URL is printed). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--open", description = "Also open the page in the desktop's browser (xdg-open), if there is one.")
    boolean open;

    @Option(names = "--run", paramLabel = "DIR",
            description = {"Also serve the figure data of a run directory (advrisk run, or one part of advrisk reproduce)",
                "as JSON at /api/figures: the report's figures (axes, series, reference lines) as data."})
    java.nio.file.Path run;

    @Option(names = "--runs", paramLabel = "DIR",
            description = {"Serve every run directory found under DIR (up to 3 levels down: advrisk run outputs, the parts",
                "of advrisk reproduce); the page picks one in a list and draws its figures and verdicts."})
    java.nio.file.Path runs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        if (run != null && runs != null) {
            throw new IllegalArgumentException("runs: give --run DIR (one run) or --runs DIR (every run under DIR), not both");
        }
        ExploreServer server = runs != null ? ExploreServer.start(port, RunCatalog.scan(runs)) : ExploreServer.start(port, run);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "advrisk-explore-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("advrisk explore: serving " + server.url() + " (127.0.0.1 only; Ctrl-C stops it)");
        if (runs != null) {
            out.println("advrisk explore: " + server.runNames().size() + " runs under " + runs + ": "
                    + String.join(", ", server.runNames()));
        }
        out.flush();
        if (open) {
            openBrowser(server.url(), spec.commandLine().getErr());
        }
        stopped.await();
        return 0;
    }

    /** Best effort: xdg-open, not waited for; a missing opener is a note, not an error. */
    private static void openBrowser(String url, PrintWriter err) {
        try {
            new ProcessBuilder("xdg-open", url).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            err.println("advrisk explore: note: could not run xdg-open (" + e.getMessage() + "); open " + url
                    + " yourself");
            err.flush();
        }
    }
}
