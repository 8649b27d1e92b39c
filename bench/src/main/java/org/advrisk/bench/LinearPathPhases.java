package org.advrisk.bench;

import java.util.Locale;
import org.advrisk.linear.DualRidgePath;
import org.advrisk.linear.GramSampler;
import org.advrisk.linear.GramStats;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.linear.PathPoint;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.random.Distribution;

/**
 * Phase timings of one bench/linear-path training set inside one JVM (the counterpart of the phase
 * split numpy_eigen.py prints): streamed generation + Gram (K, M, b, y), eigendecomposition +
 * congruence, and the 100-λ path. Run: java -cp bench/target/benchmarks.jar
 * org.advrisk.bench.LinearPathPhases [n] [p] [threads] [reps].
 */
public final class LinearPathPhases {
    private LinearPathPhases() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long p = args.length > 1 ? Long.parseLong(args[1]) : 20000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        LinearProblem pr = new LinearProblem(n, SpectrumSpec.parse("powerlaw:a=1,b=0").withSize(p),
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(p, 0), 0.5, Distribution.GAUSSIAN,
                Distribution.GAUSSIAN);
        double[] lambdas = new double[100];
        for (int i = 0; i < 100; i++) {
            lambdas[i] = Math.pow(10, -6 + 7.0 * i / 99);
        }
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            GramStats g = GramSampler.sample(pr, 0, r, threads);
            long t1 = System.nanoTime();
            DualRidgePath path = DualRidgePath.fromStats(pr, 0, r, threads, g);
            long t2 = System.nanoTime();
            PathPoint[] pts = path.at(lambdas);
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "{\"tool\": \"advrisk-phases\", \"n\": %d, \"p\": %d, \"threads\": %d,"
                    + " \"generate_and_gram_s\": %.3f, \"eigen_s\": %.3f, \"path_s\": %.4f, \"risk_first\": %.6g}%n",
                    n, p, threads, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, pts[0].stdRisk());
        }
    }
}
