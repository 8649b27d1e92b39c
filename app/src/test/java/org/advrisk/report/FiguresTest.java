package org.advrisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.cli.Main;
import org.advrisk.experiment.ResultStore;
import org.advrisk.report.Figure.Role;
import org.advrisk.report.Figure.Series;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figure data of a small run, checked against the stored rows (means and standard errors
 * recomputed here from results.jsonl) and against closed forms (the ground truth's α²‖θ*‖², the bound
 * σ²n/tr Σ); and its JSON form.
 */
class FiguresTest {
    @TempDir
    static Path tmp;
    static RunData data;
    static List<Map<String, Object>> rows;
    static List<Figure> figures;

    // θ* top:k=3,norm=1 (‖θ*‖₂ = 1), twolevel spikes=3 at 1 plus tail mass 1: tr Σ = 4; σ = 0.5.
    static final String SPEC = """
            name: figures
            seed: 5
            trials: 3
            n: [20, 40, 80]
            p: "n^1.5"
            sigma: 0.5
            spectrum: "twolevel:spikes=3,spike=1,tail=1"
            theta: "top:k=3,norm=1"
            lambda: [0, "logspace:-3,0,3"]
            alpha: [0.1, 0.5]
            attack: l2
            """;

    @BeforeAll
    static void run() throws Exception {
        Path spec = tmp.resolve("s.yaml");
        Files.writeString(spec, SPEC);
        Path dir = tmp.resolve("run");
        int code = Main.commandLine().execute("run", spec.toString(), "--out", dir.toString(), "--no-report", "--quiet");
        assertThat(code).isZero();
        data = RunData.load(dir);
        rows = ResultStore.readRows(dir);
        figures = Figures.of(data);
    }

    private static Figure figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private static Series series(Figure f, String name) {
        return f.named(name).orElseThrow(() -> new AssertionError(f.id() + " has no series " + name));
    }

    /** Values of a column in the stored rows at (n, λ, α), one per trial. */
    private static double[] values(String column, int n, double lambda, double alpha) {
        return rows.stream().filter(r -> ((Number) r.get("n")).intValue() == n
                        && ((Number) r.get("lambda")).doubleValue() == lambda
                        && ((Number) r.get("alpha")).doubleValue() == alpha)
                .mapToDouble(r -> ((Number) r.get(column)).doubleValue()).toArray();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    @Test
    void theRunGivesTheExpectedFiguresInReportOrder() {
        assertThat(figures).extracting(Figure::id).containsExactly("risk-vs-n", "norm-vs-n", "risk-vs-lambda-a0_1",
                "frontier-a0_1", "regret-vs-n-a0_1", "risk-vs-lambda-a0_5", "frontier-a0_5", "regret-vs-n-a0_5");
        for (Figure f : figures) {
            assertThat(f.x().log()).as(f.id()).isTrue();
            assertThat(f.y().log()).as(f.id()).isTrue();
        }
    }

    @Test
    void riskVsNShowsTheTrialMeansWithTheirStandardErrorsAndTheGroundTruthAsReference() {
        Figure f = figure("risk-vs-n");
        int[] ns = {20, 40, 80};
        Series r = series(f, "R (simulated)");
        assertThat(r.role()).isEqualTo(Role.DATA);
        assertThat(r.x()).containsExactly(20, 40, 80);
        for (int i = 0; i < ns.length; i++) {
            double[] v = values("std_risk", ns[i], 0, 0.1);
            assertThat(v).hasSize(3);
            double m = mean(v);
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            double se = Math.sqrt(ss / 2 / 3);
            // Means of three doubles summed in another order: equal to a few ulps.
            assertThat(r.y()[i]).isCloseTo(m, within(1e-14 * m));
            assertThat(r.errors()[i]).isCloseTo(Math.min(se, 0.9 * m), within(1e-12 * m));
        }
        // Reference lines: the ground truth's α²‖θ*‖²₂ = α² for each α (‖θ*‖ = 1, clean target).
        assertThat(f.references()).extracting(Series::name).containsExactly("α²‖θ*‖² (ground truth), α = 0.1",
                "α²‖θ*‖² (ground truth), α = 0.5");
        for (Series g : f.references()) {
            double alpha = g.name().endsWith("0.1") ? 0.1 : 0.5;
            for (double y : g.y()) {
                assertThat(y).isCloseTo(alpha * alpha, within(1e-15));
            }
        }
        // The deterministic equivalent of the rows, and its continuation past n_max, are theory lines.
        Series de = series(f, "R (DE)");
        assertThat(de.role()).isEqualTo(Role.THEORY);
        for (int i = 0; i < ns.length; i++) {
            // the group's mean of its trials' (equal) values: (x + x + x)/3 may differ from x by an ulp
            double[] dv = values("de_std_risk", ns[i], 0, 0.1);
            assertThat(dv).containsOnly(dv[0]);
            assertThat(de.y()[i]).isCloseTo(dv[0], within(1e-14 * dv[0]));
        }
        Series beyond = series(f, "R (DE to 10× n_max)");
        assertThat(beyond.x()[beyond.x().length - 1]).isEqualTo(800);
        assertThat(f.of(Role.DATA)).extracting(Series::name).containsExactly("R (simulated)", "R_α, α = 0.1",
                "R_α, α = 0.5");
    }

    @Test
    void normVsNHasTheLowerBoundSigmaSquaredNOverTheTrace() {
        Figure f = figure("norm-vs-n");
        Series bound = series(f, "σ²n / tr Σ (lower bound)");
        assertThat(bound.role()).isEqualTo(Role.REFERENCE);
        // tr Σ = 3 spikes of 1 + tail mass 1 = 4 at every n.
        assertThat(bound.y()[0]).isCloseTo(0.25 * 20 / 4, within(1e-12));
        assertThat(bound.y()[2]).isCloseTo(0.25 * 80 / 4, within(1e-12));
        Series norm = series(f, "‖θ̂‖² (simulated)");
        double[] l2 = values("norm_l2", 40, 0, 0.1);
        double sq = 0;
        for (double x : l2) {
            sq += x * x;
        }
        assertThat(norm.y()[1]).isCloseTo(sq / 3, within(1e-12 * sq));
    }

    @Test
    void theFrontierRunsAlongLambdaPerNWithTheGroundTruthLine() {
        Figure f = figure("frontier-a0_5");
        List<Series> curves = f.of(Role.DATA);
        assertThat(curves).extracting(Series::name).containsExactly("n = 20 (λ from 0 to 1)", "n = 40 (λ from 0 to 1)",
                "n = 80 (λ from 0 to 1)");
        Series at40 = curves.get(1);
        double[] lambdas = {0, 0.001, 0.0316227766016838, 1};
        for (int j = 0; j < lambdas.length; j++) {
            double l = lambdas[j];
            double stored = rows.stream().filter(r -> ((Number) r.get("n")).intValue() == 40
                    && Math.abs(((Number) r.get("lambda")).doubleValue() - l) <= 1e-12 * Math.max(l, 1e-300)
                    && ((Number) r.get("alpha")).doubleValue() == 0.5).mapToDouble(r -> (double) r.get("adv_risk"))
                    .average().orElseThrow();
            assertThat(at40.y()[j]).isCloseTo(stored, within(1e-12 * stored));
        }
        assertThat(f.references()).hasSize(1);
        assertThat(f.references().get(0).y()).containsExactly(0.25, 0.25);
    }

    @Test
    void regretRatiosOverNAreThoseOfTheMeanRisksWithTheirDeterministicEquivalentTenTimesFurther() {
        Figure f = figure("regret-vs-n-a0_5");
        double[] lambdas = {0, 0.001, 0.0316227766016838, 1};
        Series a = series(f, "A = R_α(λ_std)/min R_α (simulated)");
        Series sr = series(f, "S = R(λ_adv)/min R (simulated)");
        assertThat(a.x()).containsExactly(20, 40, 80);
        int[] ns = {20, 40, 80};
        for (int i = 0; i < ns.length; i++) {
            // independent of the report code: argmins of the trial means of the stored rows
            double[] std = new double[lambdas.length];
            double[] adv = new double[lambdas.length];
            for (int j = 0; j < lambdas.length; j++) {
                double l = lambdas[j];
                int n = ns[i];
                std[j] = rows.stream().filter(r -> ((Number) r.get("n")).intValue() == n
                        && Math.abs(((Number) r.get("lambda")).doubleValue() - l) <= 1e-12 * Math.max(l, 1e-300)
                        && ((Number) r.get("alpha")).doubleValue() == 0.5).mapToDouble(r -> (double) r.get("std_risk"))
                        .average().orElseThrow();
                adv[j] = rows.stream().filter(r -> ((Number) r.get("n")).intValue() == n
                        && Math.abs(((Number) r.get("lambda")).doubleValue() - l) <= 1e-12 * Math.max(l, 1e-300)
                        && ((Number) r.get("alpha")).doubleValue() == 0.5).mapToDouble(r -> (double) r.get("adv_risk"))
                        .average().orElseThrow();
            }
            int iStd = 0;
            int iAdv = 0;
            for (int j = 1; j < lambdas.length; j++) {
                iStd = std[j] < std[iStd] ? j : iStd;
                iAdv = adv[j] < adv[iAdv] ? j : iAdv;
            }
            assertThat(a.y()[i]).isCloseTo(adv[iStd] / adv[iAdv], within(1e-12));
            assertThat(sr.y()[i]).isCloseTo(std[iAdv] / std[iStd], within(1e-12));
        }
        Series de = series(f, "A (DE to 10× n_max)");
        assertThat(de.role()).isEqualTo(Role.THEORY);
        assertThat(de.x()[de.x().length - 1]).isEqualTo(800);
        for (double v : de.y()) {
            assertThat(v).isGreaterThanOrEqualTo(1.0);
        }
        assertThat(f.references().get(0).y()).containsExactly(1.5, 1.5);
    }

    @Test
    void figureDataSerialisesToJsonWithNullForMissingValues() throws Exception {
        Figure f = figure("risk-vs-lambda-a0_1");
        String json = new ObjectMapper().writeValueAsString(FigureJson.of(f));
        JsonNode n = new ObjectMapper().readTree(json);
        assertThat(n.get("id").asText()).isEqualTo("risk-vs-lambda-a0_1");
        assertThat(n.get("x").get("scale").asText()).isEqualTo("log");
        assertThat(n.get("series")).hasSize(f.series().size());
        JsonNode first = n.get("series").get(0);
        assertThat(first.get("name").asText()).isEqualTo("R, n = 20");
        assertThat(first.get("role").asText()).isEqualTo("data");
        assertThat(first.get("style").asText()).isEqualTo("line");
        assertThat(first.get("y").get(0).asDouble()).isEqualTo(f.series().get(0).y()[0]);
        Figure withNaN = new Figure("t", "t", "c", f.x(), f.y(), List.of(Series.line("l", Role.THEORY,
                new double[] {1, 2}, new double[] {Double.NaN, 3}, "#000000", Figure.Stroke.SOLID)));
        JsonNode m = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(FigureJson.of(withNaN)));
        assertThat(m.get("series").get(0).get("y").get(0).isNull()).isTrue();
        assertThat(m.get("series").get(0).get("errors")).isNull();
        List<String> names = new ArrayList<>();
        m.get("series").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactly("l");
    }
}
