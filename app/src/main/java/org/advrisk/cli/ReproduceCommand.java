package org.advrisk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code advrisk reproduce}: the paper's claims in one command. Until the experiments layer lands it
 * runs a fixed {@code advrisk linear} example of claim (i): min-norm on a benign two-level spectrum.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the paper's claims (currently: a fixed min-norm example of claim (i)).")
public final class ReproduceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (int n : new int[] {50, 100, 200, 400}) {
            out.println("# min-norm, twolevel:spikes=10,spike=1,tail=1, p = n^2 = " + (n * n) + ", sigma=0.5");
            out.flush();
            int code = spec.commandLine().getParent().execute("linear", "--spectrum",
                    "twolevel:spikes=10,spike=1,tail=1", "--n", Integer.toString(n), "--p", Integer.toString(n * n),
                    "--theta", "top:k=10,norm=1", "--lambda", "0", "--alpha", "0.1,0.25", "--trials", "2");
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }
}
