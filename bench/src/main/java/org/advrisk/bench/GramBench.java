package org.advrisk.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.advrisk.linalg.Blas;
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
 * The Gram matrix XXᵀ of an n×p standard normal matrix by {@link Blas#syrkLower} (+ symmetrize), the
 * counterpart of numpy's {@code X @ X.T} (bench/micro/numpy_micro.py, same shape) — and the streamed
 * {@code GramSampler} pays it once per block. BLAS threads as the parameter says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class GramBench {
    @Param({"2000"})
    int n;

    @Param({"20000"})
    int p;

    @Param({"1", "2"})
    int threads;

    double[] x;
    double[] c;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        x = new double[n * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        c = new double[n * n];
        Blas.threads(threads);
    }

    @Benchmark
    public double[] gram() {
        Blas.syrkLower(n, p, 1.0, x, 0.0, c);
        Blas.symmetrizeLower(n, c);
        return c;
    }
}
