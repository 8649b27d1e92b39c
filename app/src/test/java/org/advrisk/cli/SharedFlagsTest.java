package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The flags several commands take are one declaration (the same field of one mixin class) everywhere. */
class SharedFlagsTest {
    private static Class<?> declaredIn(String command, String flag) {
        CommandLine cl = Main.commandLine().getSubcommands().get(command);
        OptionSpec o = cl.getCommandSpec().findOption(flag);
        assertThat(o).as("%s %s", command, flag).isNotNull();
        Object where = o.userObject();
        assertThat(where).as("%s %s is a field", command, flag).isInstanceOf(Field.class);
        return ((Field) where).getDeclaringClass();
    }

    @Test
    void sharedFlagsAreDeclaredOnce() {
        for (String flag : List.of("--n", "--sigma", "--noise", "--theta", "--seed", "--lambda", "--alpha", "--trials",
                "--format")) {
            Class<?> linear = declaredIn("linear", flag);
            assertThat(declaredIn("ntk", flag)).as(flag).isEqualTo(linear);
            if (!List.of("--lambda", "--trials").contains(flag)) {
                assertThat(declaredIn("theory", flag)).as(flag).isEqualTo(linear);
            }
        }
        assertThat(declaredIn("run", "--threads")).isEqualTo(declaredIn("reproduce", "--threads"));
        assertThat(declaredIn("run", "--quiet")).isEqualTo(declaredIn("reproduce", "--quiet"));
    }

    @Test
    void ntkKeepsItsOwnDefaultSampleSizeThroughTheSharedFlag() {
        Cli ntk = Cli.run("ntk", "--d", "20", "--test-size", "20", "--format", "csv");
        assertThat(ntk.code()).as(ntk.err()).isZero();
        String[] header = ntk.out().lines().findFirst().orElseThrow().split(",");
        String[] row = ntk.out().lines().skip(1).findFirst().orElseThrow().split(",");
        assertThat(header[2]).isEqualTo("n");
        assertThat(row[2]).isEqualTo(NtkCommand.N_DEFAULT).isEqualTo("200");
        Cli linear = Cli.run("linear", "--format", "csv");
        assertThat(linear.out().lines().skip(1).findFirst().orElseThrow().split(",")[2]).isEqualTo("100");
        String help = Cli.run("ntk", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--n=N Training sample size n. Example: --n 400. Default: 200.");
        assertThat(Cli.run("linear", "--help").out().replaceAll("\\s+", " ")).contains("Default: 100.");
    }
}
