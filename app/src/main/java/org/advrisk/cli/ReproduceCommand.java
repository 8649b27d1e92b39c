package org.advrisk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code advrisk reproduce}: the paper's claims in one command (in progress). */
@Command(name = "reproduce", mixinStandardHelpOptions = true, description = "Reproduce the paper's claims.")
public final class ReproduceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
