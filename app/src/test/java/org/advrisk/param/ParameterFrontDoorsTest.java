package org.advrisk.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.advrisk.cli.Main;
import org.advrisk.experiment.SpecReader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every declared shared parameter given an invalid value through every front door: the CLI flags of
 * each command that has it (exit code 2, a one-line message naming the parameter and the value, no
 * stack trace) and spec files (an IllegalArgumentException naming the field and the value). Also: the
 * one default per parameter is what both doors use.
 */
class ParameterFrontDoorsTest {
    /** A bad value for each declared parameter and the commands (with base flags) that take it. */
    private record Case(String name, String bad, List<String[]> commands, boolean inSpec) {
    }

    private static final String[] LINEAR = {"linear", "--n", "20", "--p", "40"};
    private static final String[] THEORY = {"theory", "--n", "20", "--p", "40", "--show", "de"};
    private static final String[] NTK = {"ntk", "--n", "10", "--d", "20", "--test-size", "20"};

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("lambda", "-1", List.of(LINEAR, THEORY, NTK), true));
        c.add(new Case("alpha", "-0.5", List.of(LINEAR, THEORY, NTK), true));
        c.add(new Case("sigma", "-2", List.of(LINEAR, THEORY, NTK), true));
        c.add(new Case("delta", "-1", List.<String[]>of(LINEAR), true));
        c.add(new Case("seed", "x1", List.of(LINEAR, THEORY, NTK), true));
        c.add(new Case("trials", "0", List.of(LINEAR, NTK), true));
        c.add(new Case("test-size", "1", List.of(LINEAR, NTK), false));
        c.add(new Case("n", "0", List.of(LINEAR, THEORY, NTK), true));
        c.add(new Case("p", "0", List.of(LINEAR, THEORY), true));
        c.add(new Case("attack-scale", "2.5", List.<String[]>of(LINEAR), false)); // spec field attack_scale: ThreatSpecTest
        return c;
    }

    private static String[] with(String[] base, String flag, String value) {
        List<String> args = new ArrayList<>(List.of(base));
        args.removeIf(a -> false);
        int i = args.indexOf(flag);
        if (i >= 0) {
            args.set(i + 1, value);
        } else {
            args.add(flag);
            args.add(value);
        }
        return args.toArray(new String[0]);
    }

    @Test
    void everyDeclaredParameterHasACase() {
        List<String> names = new ArrayList<>();
        for (Record r : Parameters.ALL) {
            names.add(r instanceof NumberParam p ? p.name() : ((IntParam) r).name());
        }
        assertThat(cases().stream().map(Case::name)).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void badCliValuesExitWith2AndAOneLineMessage() {
        for (Case c : cases()) {
            for (String[] base : c.commands()) {
                String[] args = with(base, "--" + c.name(), c.bad());
                CommandLine cl = Main.commandLine();
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                cl.setOut(new PrintWriter(out));
                cl.setErr(new PrintWriter(err));
                int code = cl.execute(args);
                String e = err.toString();
                assertThat(code).as("exit code of %s", String.join(" ", args)).isEqualTo(2);
                assertThat(e).as("message of %s", String.join(" ", args)).contains(c.name()).contains(c.bad())
                        .doesNotContain("Exception").doesNotContain("\tat ");
                assertThat(e.trim().split("\n").length).as(e).isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    void badSpecValuesNameTheFieldAndTheValue() throws Exception {
        ObjectMapper m = new ObjectMapper();
        for (Case c : cases()) {
            if (!c.inSpec()) {
                continue;
            }
            String value = c.bad().matches("-?[0-9.]+") ? c.bad() : "\"" + c.bad() + "\"";
            String n = c.name().equals("n") ? value : "[50]";
            String p = c.name().equals("p") ? value : "\"n^2\"";
            boolean own = c.name().equals("n") || c.name().equals("p");
            String json = "{\"n\": " + n + ", \"p\": " + p + ", \"spectrum\": \"isotropic\""
                    + (own ? "" : ", \"" + c.name() + "\": " + value) + "}";
            assertThatThrownBy(() -> SpecReader.read(m.readTree(json), "t")).as(json)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(c.name())
                    .hasMessageContaining(c.bad().replace("\"", ""));
        }
    }

    @Test
    void specAndCliShareOneDefault() throws Exception {
        var spec = SpecReader.read(new ObjectMapper().readTree("{\"n\": 50, \"p\": 100, \"spectrum\": \"isotropic\"}"),
                "t");
        assertThat(spec.seed()).isEqualTo(Parameters.SEED.defaultValue()).isEqualTo(1);
        assertThat(spec.alpha()).containsExactly(0.1);
        assertThat(spec.sigma()).containsExactly(0.5);
        assertThat(spec.lambda()).containsExactly(0.0);
        assertThat(spec.trials()).isEqualTo(1);
    }

    @Test
    void ntkLambdaTakesLogspace() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute("ntk", "--n", "10", "--d", "20", "--test-size", "20", "--lambda", "0,logspace:-2,-1,2",
                "--format", "csv");
        assertThat(code).isEqualTo(0);
        String[] lines = out.toString().trim().split("\n");
        assertThat(lines).hasSize(4); // header + λ = 0, 0.01, 0.1
        assertThat(lines[2]).contains("0.01");
    }
}
