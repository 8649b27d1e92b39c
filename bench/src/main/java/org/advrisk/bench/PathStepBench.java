package org.advrisk.bench;

import java.util.concurrent.TimeUnit;
import org.advrisk.linalg.Blas;
import org.advrisk.linear.DualRidgePath;
import org.advrisk.linear.GramStats;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.linear.PathPoint;
import org.advrisk.model.Spectrum;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.linear.TailMode;
import org.advrisk.random.Distribution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Path evaluation after the eigendecomposition: exact l2 quantities at L values of λ from one fitted
 * {@link DualRidgePath} (one n×n by n×L gemm plus O(nL)); {@code single} is one λ (an O(n²) step).
 * The path is fitted once per fork (twolevel spectrum, exact Wishart tail: the fit itself is not timed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class PathStepBench {
    @Param({"2000"})
    int n;

    @Param({"100"})
    int lambdas;

    DualRidgePath path;
    double[] grid;

    @Setup
    public void setup() {
        Blas.threads(1);
        long p = 10L * n;
        Spectrum s = SpectrumSpec.parse("twolevel:spikes=10,spike=1,tail=1").withSize(p);
        LinearProblem pr = new LinearProblem(n, s, GroundTruthSpec.parse("top:k=1,norm=1").withSize(p, 0), 0.5,
                Distribution.GAUSSIAN, Distribution.GAUSSIAN);
        path = DualRidgePath.fit(pr, 0, 0, 1, TailMode.EXACT);
        grid = new double[lambdas];
        for (int i = 0; i < lambdas; i++) {
            grid[i] = Math.pow(10, -6 + 7.0 * i / Math.max(1, lambdas - 1));
        }
    }

    @Benchmark
    public PathPoint[] wholeGrid() {
        return path.at(grid);
    }

    @Benchmark
    public PathPoint single() {
        return path.at(0.01);
    }
}
