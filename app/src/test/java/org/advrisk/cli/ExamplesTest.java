package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.advrisk.experiment.Spec;
import org.advrisk.experiment.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every spec in examples/ and every built-in reproduce spec loads; one example runs end to end. */
class ExamplesTest {
    @TempDir
    Path tmp;

    static List<Path> examples() throws Exception {
        Path dir = Path.of("..", "examples");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void examplesAndBuiltInSpecsLoad() throws Exception {
        List<Path> ex = examples();
        assertThat(ex).hasSizeGreaterThanOrEqualTo(4);
        for (Path p : ex) {
            Spec s = SpecFiles.load(p);
            assertThat(Sweep.trials(s)).as(p.toString()).isNotEmpty();
        }
        for (String mode : List.of("default", "quick")) {
            for (var part : ReproduceCommand.PARTS) {
                if (part.role().direct()) {
                    continue; // no spec: RealDataPart / RegimesPart computes it
                }
                assertThat(ReproduceCommand.load(mode, part.name()).name()).isEqualTo(part.name());
            }
        }
    }

    @Test
    void doubleDescentExampleGetsARiskVsGammaPlot() throws Exception {
        Path out = tmp.resolve("dd");
        Cli r = Cli.run("run", "../examples/double-descent.yaml", "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.size(out.resolve("plots/risk-vs-gamma.png"))).isGreaterThan(5000);
        assertThat(Files.readString(out.resolve("plots/risk-vs-gamma.svg"))).contains("<svg");
        assertThat(Files.readString(out.resolve("report.html"))).contains("id=\"plot-risk-vs-gamma\"");
    }

    @Test
    void attacksExampleRuns() throws Exception {
        Path out = tmp.resolve("attacks");
        Cli r = Cli.run("run", "../examples/attacks-and-targets.yaml", "--out", out.toString(), "--quiet", "--no-report");
        assertThat(r.code()).as(r.err()).isZero();
        // 2 n × 2 trials, each 2 λ × 2 α × 4 attacks × 3 targets rows, plus the header.
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 4 * 2 * 2 * 4 * 3);
    }
}
