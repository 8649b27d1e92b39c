package org.advrisk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.advrisk.cli.Main;
import org.advrisk.experiment.ResultStore;
import org.advrisk.experiment.RunEnvironment;
import org.advrisk.experiment.Runner;
import org.advrisk.experiment.Spec;
import org.advrisk.experiment.SpecReader;
import org.advrisk.experiment.Sweep;
import org.advrisk.experiment.Trial;
import org.advrisk.experiment.TrialEvaluator;
import picocli.CommandLine;

/** Specs, reference runs and exact comparisons shared by the Spark tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** A small linear sweep: two spectra × two n × 3 trials, a λ path and two budgets, l2 and linf. */
    static final String LINEAR = """
            name: spark-linear
            seed: 5
            trials: 3
            n: [30, 50]
            p: "20*n"
            spectrum: ["powerlaw:a=1,b=1", "twolevel:spikes=3,spike=1,tail=1"]
            theta: "top:k=3,norm=1"
            lambda: [0, 0.01, 0.1]
            alpha: [0.1, 0.3]
            attack: [l2, linf]
            """;

    /** A small NTK sweep: the infinite-width kernel and one finite network. */
    static final String NTK = """
            name: spark-ntk
            family: ntk
            seed: 2
            trials: 2
            n: [20, 40]
            p: 60
            spectrum: "twolevel:spikes=3,spike=1,tail=2"
            theta: "top:k=3,norm=1"
            lambda: [0, 0.01]
            alpha: 0.25
            width: [inf, 40]
            """;

    static Spec spec(String yaml) throws IOException {
        return SpecReader.read(new YAMLMapper().readTree(yaml), "spec");
    }

    /** Runs the spec with the local runner (threads threads) into dir, as `advrisk run` does. */
    static void runLocally(Spec spec, Path dir, int threads) throws IOException {
        List<Trial> trials = Sweep.trials(spec);
        try (ResultStore store = ResultStore.open(dir, spec, RunEnvironment.current(), "test", threads, trials.size())) {
            Runner.Outcome o = new Runner(TrialEvaluator.forSpec(spec), store, threads, null).run(trials);
            assertThat(o.complete()).isTrue();
            store.finish(trials, "complete");
        }
    }

    /** Runs the spec on the engine into dir, as `advrisk run --engine spark` does. */
    static Runner.Outcome runOnEngine(SparkEngine engine, Spec spec, Path dir) throws IOException {
        List<Trial> trials = Sweep.trials(spec);
        try (ResultStore store = ResultStore.open(dir, spec, RunEnvironment.current(), "test", 1, trials.size())) {
            Runner.Outcome o = engine.run(spec, trials, store, null);
            store.finish(trials, o.complete() ? "complete" : "interrupted");
            return o;
        }
    }

    /** Rows equal column by column; doubles compared by their raw bits (no tolerance: the same sums). */
    static void assertSameBits(List<Map<String, Object>> actual, List<Map<String, Object>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        int doubles = 0;
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> a = actual.get(i);
            Map<String, Object> e = expected.get(i);
            assertThat(a.keySet()).containsExactlyElementsOf(e.keySet());
            for (String k : e.keySet()) {
                Object x = a.get(k);
                Object y = e.get(k);
                if (y instanceof Double d) {
                    assertThat(x).isInstanceOf(Double.class);
                    assertThat(Double.doubleToRawLongBits((Double) x)).as("row %d column %s: %s vs %s", i, k, x, y)
                            .isEqualTo(Double.doubleToRawLongBits(d));
                    doubles++;
                } else {
                    assertThat(Objects.equals(x, y)).as("row %d column %s: %s vs %s", i, k, x, y).isTrue();
                }
            }
        }
        assertThat(doubles).isPositive();
    }

    /** The CLI run in-process: exit code, stdout, stderr. */
    record Cli(int code, String out, String err) {
        static Cli run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            return new Cli(cl.execute(args), out.toString(), err.toString());
        }
    }
}
