package org.advrisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advrisk.cli.Main;
import org.advrisk.experiment.ResultStore;
import org.advrisk.report.Figure.Series;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-n frontier figures of a run with ridge and gradient flow: the paths are the trial means of the
 * stored rows, and the caption's distances to the oracle are those of the closed form of this setting (θ*
 * uniform on 3 spikes at 1: the oracle path has R = t², ‖θ‖ = 1 − t; at α = 0.5 its frontier is θ* alone).
 */
class EarlyStopPlotsTest {
    @TempDir
    static Path tmp;
    static RunData data;
    static List<Map<String, Object>> rows;

    static final String SPEC = """
            name: earlystop
            seed: 6
            trials: 3
            n: [20, 40]
            p: "n^1.5"
            sigma: 0.5
            spectrum: "twolevel:spikes=3,spike=1,tail=1"
            theta: "top:k=3,norm=1"
            lambda: [0, "logspace:-3,1,9"]
            alpha: 0.5
            attack: l2
            estimator: [ridge, gf]
            time: ["logspace:-1,3,9", inf]
            """;

    @BeforeAll
    static void run() throws Exception {
        Path spec = tmp.resolve("s.yaml");
        Files.writeString(spec, SPEC);
        Path dir = tmp.resolve("run");
        assertThat(Main.commandLine().execute("run", spec.toString(), "--out", dir.toString(), "--no-report",
                "--quiet")).isZero();
        data = RunData.load(dir);
        rows = ResultStore.readRows(dir);
    }

    private static double[] meanPoint(String estimator, String key, double value, int n) {
        double r = 0;
        double ra = 0;
        int c = 0;
        for (Map<String, Object> row : rows) {
            if (estimator.equals(row.get("estimator")) && ((Number) row.get("n")).intValue() == n
                    && ((Number) row.get(key)).doubleValue() == value) {
                r += ((Number) row.get("std_risk")).doubleValue();
                ra += ((Number) row.get("adv_risk")).doubleValue();
                c++;
            }
        }
        return new double[] {r / c, ra / c};
    }

    @Test
    void onePerNWithEveryPathAndTheOracleGapsOfTheClosedForm() throws Exception {
        List<Figure> fs = EarlyStopPlots.figures(data);
        assertThat(fs).extracting(Figure::id).containsExactly("frontiers-n20-a0_5", "frontiers-n40-a0_5");
        Figure f = fs.get(1);
        Series gf = f.named("gradient flow, t ∈ [0.1, ∞]").orElseThrow();
        Series ridge = f.named("ridge, λ ∈ [0, 10]").orElseThrow();
        assertThat(gf.x()).hasSize(10);
        assertThat(ridge.x()).hasSize(10);
        double[] atInf = meanPoint("gf", "time", Double.POSITIVE_INFINITY, 40);
        assertThat(gf.x()[9]).isCloseTo(atInf[0], within(1e-12 * atInf[0]));
        assertThat(gf.y()[9]).isCloseTo(atInf[1], within(1e-12 * atInf[1]));
        // gf at t = ∞ is the min-norm interpolator: ridge at λ = 0 on the same training sets
        assertThat(ridge.x()[0]).isCloseTo(atInf[0], within(1e-12 * atInf[0]));
        assertThat(f.named("oracle path θ(μ) (knows Σ, θ*)")).isPresent();

        // caption: gf's least mean R_α, the oracle frontier there (θ* alone: α² = 0.25) and the path at that R
        double best = Double.POSITIVE_INFINITY;
        double bestR = 0;
        for (int i = 0; i < gf.x().length; i++) {
            if (gf.y()[i] < best) {
                best = gf.y()[i];
                bestR = gf.x()[i];
            }
        }
        Matcher m = Pattern.compile("gradient flow R_α = ([0-9.e-]+) at R = ([0-9.e-]+) vs oracle ([0-9.e-]+) \\(×"
                + "([0-9.e-]+)\\), vs the oracle path's θ\\(μ\\) at that R ([0-9.e-]+)").matcher(f.caption());
        assertThat(m.find()).as(f.caption()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(best, within(1e-2 * best));
        assertThat(Double.parseDouble(m.group(3))).isEqualTo(0.25);
        assertThat(Double.parseDouble(m.group(4))).isCloseTo(best / 0.25, within(1e-2 * best / 0.25));
        double t = Math.sqrt(bestR);
        double path = t * t + 2 * 0.5 * Math.sqrt(2 / Math.PI) * (1 - t) * t + 0.25 * (1 - t) * (1 - t);
        assertThat(Double.parseDouble(m.group(5))).isCloseTo(path, within(1e-2 * path));
        assertThat(f.caption()).contains("the oracle frontier is θ* alone");
    }
}
