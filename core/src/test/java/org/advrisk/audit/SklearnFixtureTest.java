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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The table ridge path against scikit-learn (fixture made by sklearn/make_fixture.py: StandardScaler,
 * then Ridge(alpha = n_train·λ), and numpy's lstsq at λ = 0). Tolerance 1e-9 relative: both sides
 * solve the same well-conditioned systems (condition number of the standardised Gram below 1e3 for
 * the ridge values, κ·ε ≈ 1e-13), so 1e-9 leaves room only for rounding, not for a different model.
 */
class SklearnFixtureTest {
    private static final double REL = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"primal", "dual"})
    void thetaInterceptAndTestMseMatchScikitLearn(String name) throws Exception {
        Path dir = Path.of(getClass().getResource("sklearn/fixture.json").toURI()).getParent();
        JsonNode c = new ObjectMapper().readTree(dir.resolve("fixture.json").toFile()).get("cases").get(name);
        CsvTable train = CsvTable.open(CsvSource.file(dir.resolve(name + "-train.csv")), new ColumnSpec("y", null, null),
                MissingPolicy.REFUSE);
        CsvTable test = train.sameColumns(CsvSource.file(dir.resolve(name + "-test.csv")));
        Split split = Splits.testFile((int) train.count(), (int) test.count());
        TrainingStatistics st = GramAccumulator.accumulate(train, split, true, false);
        assertThat(st.dual()).isEqualTo(name.equals("dual"));
        int p = c.get("p").asInt();
        for (int j = 0; j < p; j++) {
            assertRel(st.mean()[j], c.get("mean").get(j).asDouble(), REL);
            assertRel(st.sd()[j], c.get("scale").get(j).asDouble(), REL);
        }
        JsonNode fits = c.get("fits");
        double[] lambdas = new double[fits.size()];
        for (int l = 0; l < lambdas.length; l++) {
            lambdas[l] = fits.get(l).get("lambda").asDouble();
        }
        TableRidgePath path = TableRidgePath.fit(st);
        double[] thetas = path.thetas(lambdas);
        for (int l = 0; l < lambdas.length; l++) {
            JsonNode f = fits.get(l);
            double norm = 0;
            for (int j = 0; j < p; j++) {
                norm = Math.max(norm, Math.abs(f.get("coef_standardized").get(j).asDouble()));
            }
            for (int j = 0; j < p; j++) {
                // each coefficient relative to the largest (a tiny coefficient has no relative accuracy of its own)
                assertThat(Math.abs(thetas[j + l * p] - f.get("coef_standardized").get(j).asDouble()))
                        .as("%s λ=%s θ_%d", name, lambdas[l], j).isLessThanOrEqualTo(REL * norm);
            }
            assertRel(st.yMean(), f.get("intercept_standardized").asDouble(), REL);
            assertRel(path.trainMse(lambdas[l]) + 1e-300, f.get("train_mse").asDouble() + 1e-300,
                    name.equals("dual") && lambdas[l] == 0 ? Double.NaN : REL);
        }
        AuditOptions o = new AuditOptions(lambdas, List.of(AttackNorm.L2), new double[] {0.1}, AlphaScale.RAW, null, true, false);
        AuditResult r = Audit.run(train, test, List.of(split), o);
        for (int l = 0; l < lambdas.length; l++) {
            assertRel(r.rows().get(l).testMse(), fits.get(l).get("test_mse").asDouble(), REL);
        }
    }

    @Test
    void interpolatorTrainMseIsRoundingSmall() throws Exception {
        Path dir = Path.of(getClass().getResource("sklearn/fixture.json").toURI()).getParent();
        CsvTable train = CsvTable.open(CsvSource.file(dir.resolve("dual-train.csv")), new ColumnSpec("y", null, null),
                MissingPolicy.REFUSE);
        TrainingStatistics st = GramAccumulator.accumulate(train, Splits.all((int) train.count()), true, false);
        // p = 50 > n = 20: λ = 0 interpolates; the shrinkage formula gives exactly 0 on the fitted span
        assertThat(TableRidgePath.fit(st).trainMse(0)).isLessThan(1e-20);
    }

    private static void assertRel(double actual, double expected, double rel) {
        if (Double.isNaN(rel)) {
            return;
        }
        assertThat(Math.abs(actual - expected)).as("actual %s expected %s", actual, expected)
                .isLessThanOrEqualTo(rel * Math.abs(expected));
    }
}
