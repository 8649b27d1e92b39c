package org.advrisk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The slope and the regret ratios against hand computations. */
class LogLogSlopeTest {
    @Test
    void exactPowerLawHasItsExponent() {
        double[] n = {100, 200, 400, 800};
        double[] y = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            y[i] = 7 * Math.pow(n[i], -1.25);
        }
        assertThat(LogLogSlope.of(n, y)).isCloseTo(-1.25, within(1e-12));
        y[2] = -1;
        assertThat(LogLogSlope.of(n, y)).isNaN();
    }

    @Test
    void twoPointsGiveTheRatioOfLogs() {
        assertThat(LogLogSlope.of(new double[] {10, 40}, new double[] {3, 12})).isCloseTo(1, within(1e-12));
    }

    @Test
    void regretRatiosFromArgmins() {
        // R min at index 1 (1.0), R_α min at index 3 (2.0); A = R_α[1]/2 = 3/2, S = R[3]/1 = 1.4.
        Regret r = Regret.of(new double[] {1.2, 1.0, 1.1, 1.4}, new double[] {4, 3, 2.5, 2});
        assertThat(r.iStd()).isEqualTo(1);
        assertThat(r.iAdv()).isEqualTo(3);
        assertThat(r.a()).isCloseTo(1.5, within(1e-15));
        assertThat(r.s()).isCloseTo(1.4, within(1e-15));
    }
}
