package org.advrisk.bench;

import java.util.concurrent.TimeUnit;
import org.advrisk.linalg.Blas;
import org.advrisk.linalg.SymmetricEigen;
import org.advrisk.linear.WishartTail;
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
 * The one eigendecomposition per training set: LAPACK dsyevd (values and vectors) of an n×n Wishart
 * matrix (a Gram matrix of the kind the path decomposes), counterpart of {@code np.linalg.eigh}.
 * The copy of the input (n² doubles) is included; it is below 1% of the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class EigenBench {
    @Param({"1000", "2000"})
    int n;

    @Param({"1", "2"})
    int threads;

    double[] k;

    @Setup
    public void setup() {
        k = WishartTail.bartlett(n, 10L * n, 1, 0);
        Blas.threads(threads);
    }

    @Benchmark
    public SymmetricEigen eigen() {
        return SymmetricEigen.of(n, k);
    }
}
