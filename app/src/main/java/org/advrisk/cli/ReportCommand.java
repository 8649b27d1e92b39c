package org.advrisk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.advrisk.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** {@code advrisk report DIR}: re-renders plots and report.html from a run directory's results. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Re-render plots/*.png|svg and report.html from the results of a run (or reproduce) directory.",
                "Example: advrisk report runs/ridge"})
public final class ReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    CommandSpec cmd;

    @Parameters(index = "0", paramLabel = "DIR", description = "A directory written by advrisk run or advrisk reproduce, e.g. runs/ridge")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("dir: " + dir + " is not a directory; allowed: a run directory of advrisk run or reproduce");
        }
        refuseSpecialFiles(dir);
        Path html = ExperimentRun.render(dir);
        cmd.commandLine().getOut().println("advrisk: report " + html);
        cmd.commandLine().getOut().flush();
        return 0;
    }

    /**
     * A FIFO, socket or device among the files the report reads would block the report or feed it
     * endless bytes: refuse it by name before reading anything (a run writes regular files only).
     */
    static void refuseSpecialFiles(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir, 3)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!Files.isDirectory(f) && !Files.isRegularFile(f)) {
                    throw new UserInputException("dir: " + f + " is not a regular file (a FIFO, socket, device or"
                            + " broken link); allowed: the regular files advrisk run or reproduce writes");
                }
            }
        }
    }
}
