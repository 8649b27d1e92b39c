package org.advrisk.ntk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.advrisk.attack.Ball;
import org.advrisk.columns.Columns;
import org.advrisk.kernel.ReluNtk;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/**
 * NTK rows of kernel gradient flow: gf at t = ∞ equals kernel ridge at λ = 0 in every risk column, rows
 * carry estimator, time and lambda_equiv; a finite network's rows carry time = n·η·K.
 */
class NtkFlowRowsTest {
    static NtkConfig config(int width) {
        NtkData data = new NtkData(SpectrumSpec.parse("isotropic").withSize(20), false,
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(20, 1), 0.3, Distribution.GAUSSIAN);
        return new NtkConfig(30, data, ReluNtk.K1, width, TwoLayerNet.Init.ANTISYMMETRIC, Double.NaN, 20,
                new double[] {0}, new TestRisks.Options(new double[] {0.1}, List.of(Ball.parse("l2")), 3, 0, 64), 100, 5);
    }

    @Test
    void flowAtInfinityEqualsRidgeAtZero() {
        List<NtkRow> rows = NtkTrial.run(config(0), 0, 1,
                new NtkFlowRows.Choice(true, new double[] {2, Double.POSITIVE_INFINITY}));
        assertThat(rows).hasSize(3);
        NtkRow ridge = rows.get(0);
        NtkRow inf = rows.get(2);
        assertThat(ridge.row().text(Columns.ESTIMATOR)).isEqualTo("ridge");
        assertThat(inf.row().text(Columns.ESTIMATOR)).isEqualTo("gf");
        assertThat(inf.row().number(Columns.TIME)).isInfinite();
        assertThat(inf.row().number(Columns.LAMBDA_EQUIV)).isZero();
        assertThat(inf.lambda()).isNaN();
        for (var c : List.of(Columns.STD_RISK, Columns.ADV_RISK, Columns.NORM_L2, Columns.TRAIN_MSE, Columns.LAMBDA_EFF)) {
            assertThat(inf.row().number(c)).as(c.name()).isEqualTo(ridge.row().number(c));
        }
        assertThat(rows.get(1).row().number(Columns.TRAIN_MSE)).isGreaterThan(inf.row().number(Columns.TRAIN_MSE));
    }

    @Test
    void aFiniteNetworkReportsItsTime() {
        NtkConfig c = config(200);
        List<NtkRow> rows = NtkTrial.run(c, 0, 1, new NtkFlowRows.Choice(true, null));
        double eta = rows.get(0).row().number(Columns.ETA);
        assertThat(rows.get(0).row().number(Columns.TIME)).isEqualTo(30 * eta * 20);
    }
}
