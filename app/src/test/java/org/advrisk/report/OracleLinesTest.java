package org.advrisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.advrisk.cli.Main;
import org.advrisk.report.Figure.Series;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle on the report's frontier figure, against the closed form of this setting: θ* uniform on 3
 * spikes at eigenvalue 1 (‖θ*‖ = 1), so θ(μ) = θ* / (1 + μ), and with t = μ/(1 + μ): R = t², ‖θ‖₂ = 1 − t,
 * R_α = t² + 2α√(2/π)(1 − t)t + α²(1 − t)². Its slope at θ* is 2α(α − √(2/π)): below α ≈ 0.80 the ground truth
 * alone is the frontier, above it the path dips below α²‖θ*‖².
 */
class OracleLinesTest {
    @TempDir
    static Path tmp;
    static List<Figure> figures;

    static final String SPEC = """
            name: oracle-lines
            seed: 5
            trials: 2
            n: [20, 40]
            p: "n^1.5"
            sigma: 0.5
            spectrum: "twolevel:spikes=3,spike=1,tail=1"
            theta: "top:k=3,norm=1"
            lambda: [0, "logspace:-3,0,3"]
            alpha: [0.5, 1]
            attack: l2
            """;

    @BeforeAll
    static void run() throws Exception {
        Path spec = tmp.resolve("s.yaml");
        Files.writeString(spec, SPEC);
        Path dir = tmp.resolve("run");
        int code = Main.commandLine().execute("run", spec.toString(), "--out", dir.toString(), "--no-report", "--quiet");
        assertThat(code).isZero();
        figures = Figures.of(RunData.load(dir));
    }

    private static Figure figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private static double closedForm(double r, double alpha) {
        double t = Math.sqrt(r);
        return t * t + 2 * alpha * Math.sqrt(2 / Math.PI) * (1 - t) * t + alpha * alpha * (1 - t) * (1 - t);
    }

    @Test
    void theOraclePathFollowsTheClosedFormAndIsTheGroundTruthAloneBelowTheSlopeChange() {
        Figure low = figure("frontier-a0_5");
        Series path = low.named("oracle path θ(μ) (knows Σ, θ*)").orElseThrow();
        assertThat(path.x().length).isGreaterThan(20);
        for (int i = 0; i < path.x().length; i++) {
            assertThat(path.y()[i]).isCloseTo(closedForm(path.x()[i], 0.5), within(1e-12));
            assertThat(path.y()[i]).isGreaterThan(0.25); // above the ground truth's α²‖θ*‖²
        }
        assertThat(low.named("oracle frontier (Pareto points of the path)")).isEmpty();
        assertThat(low.caption()).contains("the oracle frontier is θ* alone");
    }

    @Test
    void aboveTheSlopeChangeTheOracleFrontierDipsBelowTheGroundTruth() {
        Figure high = figure("frontier-a1");
        Series front = high.named("oracle frontier (Pareto points of the path)").orElseThrow();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < front.x().length; i++) {
            assertThat(front.y()[i]).isCloseTo(closedForm(front.x()[i], 1), within(1e-12));
            assertThat(front.y()[i]).isLessThan(1.0);
            if (i > 0) {
                assertThat(front.y()[i]).isLessThan(front.y()[i - 1]); // Pareto: R up, R_α down
            }
            min = Math.min(min, front.y()[i]);
        }
        // min over t of t² + 2√(2/π)(1 − t)t + (1 − t)², at t = (1 − √(2/π))/(2(1 − √(2/π))) = 1/2
        double c = Math.sqrt(2 / Math.PI);
        assertThat(min).isCloseTo(0.5 + 0.5 * c, within(1e-3)).isGreaterThanOrEqualTo(0.5 + 0.5 * c - 1e-12);
        assertThat(high.caption()).doesNotContain("θ* alone");
    }
}
