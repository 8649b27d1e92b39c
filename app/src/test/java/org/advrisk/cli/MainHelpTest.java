package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code advrisk --help} lists every command with a complete one-line summary. */
class MainHelpTest {
    @Test
    void everyCommandHasOneCompleteLine() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("--help")).isZero();
        String text = out.toString();
        List<String> lines = new ArrayList<>(List.of(text.substring(text.indexOf("Commands:")).split("\\R")));
        lines.remove(0);
        for (String name : cl.getSubcommands().keySet()) {
            String line = lines.stream().filter(l -> l.startsWith("  " + name + " ")).findFirst().orElseThrow();
            int k = lines.indexOf(line);
            // the summary fits its line (no continuation line) and is a whole sentence
            assertThat(k + 1 == lines.size() || !lines.get(k + 1).startsWith("      ")).as(line).isTrue();
            assertThat(line.trim()).as(line).endsWith(".");
            if (!name.equals("help")) {
                assertThat(line).contains(Main.SUMMARIES.get(name));
            }
        }
        assertThat(Main.SUMMARIES.keySet()).containsExactlyInAnyOrderElementsOf(
                cl.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList());
    }
}
