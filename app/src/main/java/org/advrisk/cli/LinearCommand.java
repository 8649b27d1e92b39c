package org.advrisk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code advrisk linear}: exact risks of ridge and min-norm on one linear problem (in progress). */
@Command(name = "linear", mixinStandardHelpOptions = true, description = "Exact ridge/min-norm risks.")
public final class LinearCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
