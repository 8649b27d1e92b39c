package org.advrisk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code advrisk} command line. Exit codes: 0 done, 2 bad input (one-line
 * message, no stack trace), 1 a bug (stack trace).
 */
@Command(name = "advrisk", mixinStandardHelpOptions = true, version = "advrisk 0.1.0",
        description = "Benign overfitting versus adversarial robustness: exact risks, theory and simulation.",
        subcommands = {LinearCommand.class, TheoryCommand.class, NtkCommand.class, RunCommand.class, ReportCommand.class,
            org.advrisk.explore.ExploreCommand.class, AuditCommand.class,
            ReproduceCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** The one-line summary of each command, as {@code advrisk --help} lists it (and as the header of its own help). */
    static final java.util.Map<String, String> SUMMARIES = java.util.Map.of(
            "linear", "Exact standard and adversarial risks of ridge regression.",
            "theory", "Effective ranks, benign diagnosis, DE, trade-off (no sampling).",
            "ntk", "Two-layer ReLU network, lazy regime: kernel or GD, its risks.",
            "run", "Run a spec file's sweep into a directory (resumable), report.",
            "report", "Re-render plots and report.html of a run directory.",
            "explore", "Interactive page: trade-off, simulations, NTK, a run's figures.",
            "audit", "How fragile is a linear model on your data; which λ to pick.",
            "reproduce", "Reproduce the paper's claims (i)-(iii) with verdicts, report.");


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the configured command line (also used by tests). */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /**
     * The root with only the {@code audit} subcommand, for {@code advrisk audit ...} without help: picocli
     * otherwise reads the annotations (and loads the option types) of every command at each start, about a
     * tenth of a second that a small audit pays for nothing. Parsing, messages and exit codes are the same.
     */
    @Command(name = "advrisk", mixinStandardHelpOptions = true, version = "advrisk 0.1.0")
    static final class AuditOnly implements Runnable {
        @Override
        public void run() {
        }
    }

    /** The command line {@code args} need: the audit alone when they run an audit, else every command. */
    static CommandLine commandLine(String... args) {
        if (!auditRun(args)) {
            return commandLine();
        }
        CommandLine cl = new CommandLine(new AuditOnly());
        cl.addSubcommand("audit", new AuditCommand());
        return configure(cl);
    }

    /** Whether the arguments run an audit (not its help). */
    static boolean auditRun(String... args) {
        java.util.List<String> a = java.util.List.of(args);
        return !a.isEmpty() && a.get(0).equals("audit") && !a.contains("--help") && !a.contains("-h")
                && !a.contains("--version") && !a.contains("-V");
    }

    private static CommandLine configure(CommandLine cl) {
        SUMMARIES.forEach((name, line) -> {
            CommandLine sub = cl.getSubcommands().get(name);
            if (sub != null) {
                sub.getCommandSpec().usageMessage().header(line);
            }
        });
        cl.setOverwrittenOptionsAllowed(true);
        for (CommandLine sub : cl.getSubcommands().values()) { // the registry's plug-in estimators bring their flags
            if (sub.getCommandSpec().mixins().values().stream().anyMatch(m -> m.userObject() instanceof EstimatorOptions)) {
                EstimatorOptions.declarePlugins(sub.getCommandSpec());
            }
        }
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof UserInputException) {
                line.getErr().println("advrisk: error: " + org.advrisk.param.UserText.line(ex.getMessage()));
                return 2;
            }
            String fault = Problems.fileSystem(ex);
            if (fault != null) {
                line.getErr().println("advrisk: error: " + org.advrisk.param.UserText.line(fault));
                return 2;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            // a declared converter's refusal (DeclaredConverters) is the declaration's message, as at every door
            String message = ex.getCause() instanceof IllegalArgumentException declared ? declared.getMessage()
                    : ex.getMessage();
            err.println("advrisk: error: " + org.advrisk.param.UserText.line(message));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return 2;
        });
        return cl;
    }

    /** Runs the command line and returns the exit code (tests call this; main exits with it). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static void main(String[] args) {
        if (auditRun(args)) {
            org.advrisk.linalg.BlasPreload.inBackground(); // the audit needs BLAS after reading: load it meanwhile
            for (String a : args) {
                if (a.toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")) {
                    org.advrisk.data.ParquetPreload.inBackground(); // and DuckDB for a Parquet table
                    break;
                }
            }
        }
        System.exit(commandLine(args).execute(args));
    }
}
