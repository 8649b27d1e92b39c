package org.advrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.advrisk.experiment.Engine;
import org.advrisk.experiment.Runner;
import org.advrisk.experiment.Spec;
import org.advrisk.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code advrisk run SPEC.yaml --out DIR}: runs a spec file's sweep, resumable, then writes the report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the sweep of a spec file into a run directory (resumable), then write plots and report.html.",
                "Example: advrisk run examples/minnorm-twolevel.yaml --out runs/minnorm"})
public final class RunCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    CommandSpec cmd;

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "The spec file (YAML), e.g. examples/ridge-tradeoff.yaml")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Run directory (new, empty, or the same spec's earlier run to resume), e.g. --out runs/ridge")
    Path out;

    @picocli.CommandLine.Mixin
    SweepOptions sweep;

    @picocli.CommandLine.Mixin
    EngineOptions engine;

    @Option(names = "--no-report", description = "Only compute and store results; skip plots and report.html")
    boolean noReport;

    @Override
    public Integer call() throws IOException {
        int threads = sweep.threads();
        boolean quiet = sweep.quiet;
        if (java.nio.file.Files.exists(out.resolve(Reports.REPRODUCE))) {
            throw new UserInputException("out: " + out + " is a directory of advrisk reproduce (it has " + Reports.REPRODUCE
                    + "); resume it with advrisk reproduce --out " + out + ", or choose another --out");
        }
        Spec spec = SpecFiles.load(specFile);
        PrintWriter err = cmd.commandLine().getErr();
        PrintWriter outw = cmd.commandLine().getOut();
        String resume = ResumeHint.of("run", specFile.toString(), "--out", out.toString());
        Runner.Outcome o;
        if (engine.remote()) {
            resume += " --engine " + engine.engine + (engine.master == null ? "" : " --master " + engine.master);
            try (Engine e = engine.open(quiet ? null : System.err)) {
                o = ExperimentRun.execute(spec, specFile.toString(), out, threads, quiet, err, resume, e);
            }
        } else {
            o = ExperimentRun.execute(spec, specFile.toString(), out, threads, quiet, err, resume);
        }
        if (o.interrupted()) {
            if (ExperimentRun.shuttingDown()) {
                return 130; // the shutdown hook prints the message once the store is closed
            }
            err.println("advrisk: interrupted: " + (o.skipped() + o.ran()) + " of " + o.total()
                    + " trials are stored; resume with: " + resume);
            return 130;
        }
        outw.println("advrisk: " + o.total() + (o.total() == 1 ? " trial (" : " trials (") + o.skipped() + " already done, " + o.ran() + " run now) in "
                + out);
        if (!noReport) {
            Path html = ExperimentRun.render(out);
            outw.println("advrisk: report " + html);
        }
        outw.flush();
        return 0;
    }
}
