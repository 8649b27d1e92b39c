package org.advrisk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

class MeanSeTest {
    @Test
    void agreesWithCommonsMathsSampleStandardDeviation() {
        double[] v = new Random(7).doubles(101, -3, 5).toArray();
        MeanSe ms = MeanSe.of(v);
        // both are sums of 101 terms of size ≤ 25 in double precision: agreement to ~1e-13 relative
        assertThat(ms.mean()).isCloseTo(new Mean().evaluate(v), within(1e-13));
        assertThat(ms.se()).isCloseTo(new StandardDeviation(true).evaluate(v) / Math.sqrt(v.length), within(1e-13));
        assertThat(MeanSe.of(new double[] {1, 2, 3, 4}).se()).isCloseTo(Math.sqrt(5.0 / 3 / 4), within(1e-15));
    }

    @Test
    void oneValueHasNoStandardErrorAndNoValueNoMean() {
        assertThat(MeanSe.of(new double[] {2.5})).isEqualTo(new MeanSe(2.5, Double.NaN));
        assertThat(MeanSe.of(new double[0]).mean()).isNaN();
    }
}
