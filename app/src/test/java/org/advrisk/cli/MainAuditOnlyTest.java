package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code advrisk audit ...} starts with a command line holding the audit alone; it gives the same exit code,
 * output and messages as the full command line, for a run, K-fold, an unknown option, a bad value and a
 * missing file; help and other commands keep the full command line.
 */
class MainAuditOnlyTest {
    @TempDir
    Path dir;

    private static CliRunner run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }

    @Test
    void theAuditAloneAnswersAsTheFullCommandLine() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 60; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", a, b, a - 2 * b + 0.1 * r.nextGaussian()));
        }
        Path f = dir.resolve("t.csv");
        Files.writeString(f, sb.toString());
        String file = f.toString();
        List<String[]> cases = List.of(
                new String[] {"audit", file, "--target", "y", "--format", "csv", "--quiet"},
                new String[] {"audit", file, "--target", "y", "--cv", "3", "--format", "json", "--quiet"},
                new String[] {"audit", file, "--target", "y", "--no-such-flag"},
                new String[] {"audit", file, "--target", "y", "--lambda", "-1"},
                new String[] {"audit", dir.resolve("missing.csv").toString(), "--target", "y"});
        for (String[] args : cases) {
            CommandLine lean = Main.commandLine(args);
            assertThat(lean.getSubcommands().keySet()).containsExactly("audit");
            CliRunner want = run(Main.commandLine(), args);
            CliRunner got = run(lean, args);
            assertThat(got).as(String.join(" ", args)).isEqualTo(want);
            assertThat(want.out() + want.err()).isNotEmpty();
        }
        assertThat(run(Main.commandLine(cases.get(0)), cases.get(0)).code()).isZero();
        assertThat(run(Main.commandLine(cases.get(2)), cases.get(2)).code()).isEqualTo(2);
    }

    @Test
    void helpAndOtherCommandsKeepEveryCommand() {
        for (String[] args : List.of(new String[] {"audit", "--help"}, new String[] {"linear", "--n", "10"},
                new String[] {}, new String[] {"--version"})) {
            assertThat(Main.commandLine(args).getSubcommands()).containsKeys("audit", "linear", "reproduce");
        }
    }
}
