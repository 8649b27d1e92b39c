package org.advrisk.cli;

import picocli.CommandLine.Option;

/** The flags of the commands that run sweeps into run directories ({@code run}, {@code reproduce}): one declaration. */
public final class SweepOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Trials run in parallel (default: all cores = ${DEFAULT-VALUE}), e.g. --threads 2")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "No progress bars (they are also off when stderr is not a terminal)")
    boolean quiet;

    /** The thread count, refused below 1. */
    int threads() {
        if (threads < 1) {
            throw new UserInputException("threads: " + threads + " is not allowed; allowed: an integer >= 1");
        }
        return threads;
    }
}
