package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.advrisk.linalg.Blas;
import org.junit.jupiter.api.Test;

/** {@code --blas-threads}: reproducible for a fixed value, equal to the default up to rounding, BLAS restored. */
class LinearBlasThreadsCommandTest {
    private static final String[] ARGS = {"linear", "--spectrum", "powerlaw:a=1,b=0", "--n", "300", "--p", "3000",
        "--lambda", "0.001,0.1", "--alpha", "0.1", "--trials", "2", "--format", "csv"};

    @Test
    void fixedBlasThreadsAreReproducibleAndAgreeWithTheDefaultToRounding() {
        CliRunner base = CliRunner.run(ARGS);
        CliRunner a = CliRunner.run(LinearCommandTest.concat(ARGS, "--blas-threads", "2"));
        CliRunner b = CliRunner.run(LinearCommandTest.concat(ARGS, "--blas-threads", "2"));
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
        assertThat(Blas.threads()).isEqualTo(1);
        String[] x = base.out().trim().split("\n");
        String[] y = a.out().trim().split("\n");
        assertThat(y).hasSameSizeAs(x);
        for (int r = 1; r < x.length; r++) {
            String[] u = x[r].split(",");
            String[] v = y[r].split(",");
            for (int c : new int[] {9, 10, 13}) { // std_risk, adv_risk, norm_l2
                double e = Double.parseDouble(u[c]);
                // different BLAS reduction orders: the condition number of XXᵀ + nλI here is < 1e4, so the
                // risks agree to ~1e-12 relative; 1e-9 leaves room for the cancellation in the risk.
                assertThat(Double.parseDouble(v[c])).isCloseTo(e, within(1e-9 * Math.abs(e)));
            }
        }
    }

    /** n = 300: the congruence UᵀMU runs in 2 fixed column blocks, in parallel with 2 threads. */
    @Test
    void oneTrialWithOneOrTwoThreadsIsBitIdenticalAtBlockedSizes() {
        String[] one = LinearCommandTest.concat(ARGS, "--trials", "1", "--threads", "1");
        String[] two = LinearCommandTest.concat(ARGS, "--trials", "1", "--threads", "2");
        CliRunner a = CliRunner.run(one);
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(CliRunner.run(two).out()).isEqualTo(a.out());
    }

    @Test
    void zeroBlasThreadsIsRefused() {
        CliRunner r = CliRunner.run(LinearCommandTest.concat(ARGS, "--blas-threads", "0"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("blas-threads: 0 must be >= 1");
    }
}
