package org.advrisk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The training sums with each block's BLAS calls overlapped on a thread of their own are the bits of the same
 * calls made in place, for tables of many blocks (narrow: 4096-row blocks; wide: 1747-row blocks) and a partial
 * last block; the blocks run in the order they were handed on, and a failing block's error reaches the caller.
 */
class BlockPipelineTest {
    private static MemoryTable table(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = r.nextGaussian() * (1 + j % 5) + j;
                y[i] += (j % 3 - 1) * x[i * p + j];
            }
            y[i] += r.nextGaussian();
        }
        List<String> names = java.util.stream.IntStream.range(0, p).mapToObj(j -> "x" + j).toList();
        return new MemoryTable(names, "y", x, y);
    }

    @Test
    void overlappedBlocksGiveTheBitsOfBlocksAddedInPlace() {
        for (int[] shape : new int[][] {{30001, 7}, {8000, 300}}) {
            MemoryTable t = table(shape[0], shape[1], shape[0]);
            Split split = Splits.fraction(shape[0], 0.2, 5, 1).get(0);
            PrimalSums inPlace = new PrimalSums(shape[1], split, false);
            t.forEach(inPlace);
            PrimalSums overlapped = new PrimalSums(shape[1], split, true);
            t.forEach(overlapped);
            TrainingStatistics want = GramAccumulator.finish(t, inPlace, true, false);
            TrainingStatistics got = GramAccumulator.finish(t, overlapped, true, false);
            assertThat(split.nTrain()).as("several blocks").isGreaterThan(3 * PrimalSums.block(shape[1]));
            assertThat(got.gram()).isEqualTo(want.gram()); // bitwise
            assertThat(got.xty()).isEqualTo(want.xty());
            assertThat(got.mean()).isEqualTo(want.mean());
            assertThat(got.sd()).isEqualTo(want.sd());
            assertThat(Double.doubleToRawLongBits(got.yy())).isEqualTo(Double.doubleToRawLongBits(want.yy()));
        }
    }

    @Test
    void blocksRunInOrderAndAFailureReachesTheCaller() {
        BlockPipeline pipeline = new BlockPipeline("test-pipeline");
        List<Integer> seen = new ArrayList<>();
        for (int b = 0; b < 50; b++) {
            int block = b;
            pipeline.submit(() -> seen.add(block));
        }
        pipeline.finish();
        assertThat(seen).hasSize(50).isSorted();
        BlockPipeline failing = new BlockPipeline("test-pipeline");
        failing.submit(() -> {
            throw new IllegalArgumentException("block 0 failed");
        });
        assertThatThrownBy(() -> {
            failing.submit(() -> { });
            failing.finish();
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("block 0 failed");
    }
}
