package org.advrisk.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A store told to expect more rows than its heap share goes to the temporary file from its first row (not after
 * filling the heap); one told to expect few stays on the heap; both give back every row, bit for bit, in order.
 */
class RowStoreTest {
    private static List<double[]> rows(RowStore s) {
        List<double[]> out = new ArrayList<>();
        s.forEach((i, x, y) -> out.add(new double[] {i, x[0], x[1], y}));
        return out;
    }

    @Test
    void expectedSizeDecidesHeapOrFileUpFront() {
        double[] xy = new double[30];
        for (int k = 0; k < xy.length; k++) {
            xy[k] = Math.sqrt(k) - 1.0 / (k + 3);
        }
        RowStore big = new RowStore(3, 100);
        big.expect(1000);
        assertThat(big.spilled()).isTrue();
        RowStore small = new RowStore(3, 100);
        small.expect(10);
        assertThat(small.spilled()).isFalse();
        for (RowStore s : List.of(big, small)) {
            s.append(xy, 10);
            s.finish();
            List<double[]> got = rows(s);
            assertThat(got).hasSize(10);
            for (int r = 0; r < 10; r++) {
                assertThat(got.get(r)).containsExactly(r, xy[3 * r], xy[3 * r + 1], xy[3 * r + 2]);
            }
            s.delete();
        }
        assertThat(small.spilled()).isFalse();
    }
}
