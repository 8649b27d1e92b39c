package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;

import org.advrisk.linalg.SymmetricEigen;
import org.junit.jupiter.api.Test;

/** The column-blocked UᵀMU equals the plain two-gemm congruence and does not depend on threads. */
class CongruenceBlocksTest {
    @Test
    void blockedCongruenceMatchesPlainAndIsThreadIndependent() {
        int n = 600; // 4 blocks
        assertThat(Congruence.blocks(n)).isEqualTo(4);
        double[] k = WishartTail.bartlett(n, 2 * n, 1, 0);
        double[] m = WishartTail.bartlett(n, 3 * n, 2, 0);
        SymmetricEigen e = SymmetricEigen.of(n, k);
        double[] plain = e.congruence(m);
        double[] one = Congruence.of(e, m, 1);
        double[] two = Congruence.of(e, m, 2);
        assertThat(java.util.Arrays.equals(two, one)).as("bit-identical for 1 and 2 threads").isTrue();
        // same products, possibly another summation order: |error| ≤ n·ε·‖M‖ with ‖M‖ ≈ (√3n + √n)² ≈ 4500
        double worst = 0;
        for (int i = 0; i < n * n; i++) {
            worst = Math.max(worst, Math.abs(one[i] - plain[i]));
        }
        assertThat(worst).isLessThan(1e-9 * 4500);
    }
}
