package org.advrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.advrisk.data.ColumnSpec;
import org.advrisk.data.CsvSource;
import org.advrisk.data.CsvTable;
import org.advrisk.data.GramAccumulator;
import org.advrisk.data.MissingPolicy;
import org.advrisk.data.Split;
import org.advrisk.data.Splits;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.FlowQuery;
import org.advrisk.linear.SpectralFamily;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gradient flow and gradient descent in the audit (standardised features, centred y, free intercept)
 * against numpy (fixture made by flow/make_fixture.py: eigh of ZᵀZ and the filter for gf, lstsq at
 * t = inf, K explicit steps for gd). Tolerance 1e-10 relative to the largest coefficient (and relative
 * for the MSEs): the same standardised systems as the scikit-learn fixture (condition number below 1e3),
 * so rounding stays near κ·ε ≈ 1e-13; K ≤ 300 explicit steps add at most K·ε per step. The gf rows at
 * t = inf equal the ridge rows at λ = 0 bit for bit.
 */
class FlowFixtureTest {
    private static final double REL = 1e-10;

    @ParameterizedTest
    @ValueSource(strings = {"primal", "dual"})
    void flowAndDescentMatchNumpy(String name) throws Exception {
        Path dir = Path.of(getClass().getResource("flow/fixture.json").toURI()).getParent();
        Path tables = dir.resolveSibling("sklearn");
        JsonNode c = new ObjectMapper().readTree(dir.resolve("fixture.json").toFile()).get("cases").get(name);
        CsvTable train = CsvTable.open(CsvSource.file(tables.resolve(name + "-train.csv")),
                new ColumnSpec("y", null, null), MissingPolicy.REFUSE);
        CsvTable test = train.sameColumns(CsvSource.file(tables.resolve(name + "-test.csv")));
        Split split = Splits.testFile((int) train.count(), (int) test.count());
        TrainingStatistics st = GramAccumulator.accumulate(train, split, true, false);
        TableRidgePath path = TableRidgePath.fit(st);
        double eta = c.get("eta").asDouble();
        double[] times = params(c.get("gf"), "time");
        double[] steps = params(c.get("gd"), "steps");
        compare(path, SpectralFamily.FLOW, times, c.get("gf"), st.p());
        compare(path, SpectralFamily.steps(eta), steps, c.get("gd"), st.p());

        AuditOptions o = new AuditOptions(new double[] {0, 0.1}, List.of(AttackNorm.L2), new double[] {0.1},
                AlphaScale.RAW, null, true, false, null, new FlowQuery(times, eta, steps));
        AuditResult r = Audit.run(train, test, List.of(split), o);
        List<AuditRow> gf = r.rows().stream().filter(x -> x.estimator().equals("gf")).toList();
        List<AuditRow> gd = r.rows().stream().filter(x -> x.estimator().equals("gd")).toList();
        assertThat(gf).hasSize(times.length);
        assertThat(gd).hasSize(steps.length);
        for (int l = 0; l < times.length; l++) {
            assertRel(gf.get(l).testMse(), c.get("gf").get(l).get("test_mse").asDouble());
            assertThat(gf.get(l).flow().time()).isEqualTo(times[l]);
            assertThat(gf.get(l).lambda()).isNaN();
        }
        for (int l = 0; l < steps.length; l++) {
            assertRel(gd.get(l).testMse(), c.get("gd").get(l).get("test_mse").asDouble());
            assertThat(gd.get(l).flow().steps()).isEqualTo((long) steps[l]);
        }
        AuditRow ridge0 = r.rows().stream().filter(x -> x.estimator().equals("ridge") && x.lambda() == 0).findFirst()
                .orElseThrow();
        AuditRow gfInf = gf.get(times.length - 1);
        assertThat(gfInf.flow().time()).isInfinite();
        assertThat(gfInf.testMse()).isEqualTo(ridge0.testMse());
        assertThat(gfInf.advTestMse()).isEqualTo(ridge0.advTestMse());
        assertThat(gfInf.normDual()).isEqualTo(ridge0.normDual());
        assertThat(gfInf.trainMse()).isEqualTo(ridge0.trainMse());
        // the summary is ridge's alone, whatever gf adds
        AuditResult ridgeOnly = Audit.run(train, test, List.of(split), new AuditOptions(new double[] {0, 0.1},
                List.of(AttackNorm.L2), new double[] {0.1}, AlphaScale.RAW, null, true, false));
        assertThat(r.summaries().get(0).toMap()).isEqualTo(ridgeOnly.summaries().get(0).toMap());
    }

    private static void compare(TableRidgePath path, SpectralFamily family, double[] params, JsonNode fits, int p) {
        double[] thetas = path.thetas(family, params);
        for (int l = 0; l < params.length; l++) {
            JsonNode f = fits.get(l);
            double norm = 0;
            for (int j = 0; j < p; j++) {
                norm = Math.max(norm, Math.abs(f.get("coef_standardized").get(j).asDouble()));
            }
            for (int j = 0; j < p; j++) {
                assertThat(Math.abs(thetas[j + l * p] - f.get("coef_standardized").get(j).asDouble()))
                        .as("%s=%s θ_%d", family.parameter(), params[l], j).isLessThanOrEqualTo(REL * norm);
            }
            double want = f.get("train_mse").asDouble();
            // an interpolator's training error is rounding-small on both sides: compare on the scale of y's variance
            assertThat(Math.abs(path.trainMse(family, params[l]) - want)).as("%s=%s train", family.parameter(), params[l])
                    .isLessThanOrEqualTo(REL * Math.max(want, path.trainMse(family, 0)));
        }
    }

    private static double[] params(JsonNode fits, String key) {
        double[] out = new double[fits.size()];
        for (int l = 0; l < out.length; l++) {
            JsonNode v = fits.get(l).get(key);
            out[l] = v.isTextual() ? Double.POSITIVE_INFINITY : v.asDouble();
        }
        return out;
    }

    private static void assertRel(double actual, double expected) {
        assertThat(Math.abs(actual - expected)).as("actual %s expected %s", actual, expected)
                .isLessThanOrEqualTo(REL * Math.abs(expected));
    }
}
