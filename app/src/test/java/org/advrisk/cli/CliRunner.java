package org.advrisk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Test helper: runs the CLI in-process and captures exit code, stdout and stderr. */
record CliRunner(int code, String out, String err) {
    static CliRunner run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }
}
