package org.advrisk.bench;

import java.util.Locale;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.linear.PathPoint;
import org.advrisk.linear.RidgePath;
import org.advrisk.linear.SpectralFamily;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.linear.TailMode;
import org.advrisk.random.Distribution;

/**
 * The cost of the gradient-flow t path against the ridge λ path on one training set, inside one JVM:
 * sampling + eigendecomposition once, then 100 λ (ridge), 100 t (gf) and 100 K (gd) through their
 * filters. Run: java -cp app/target/advrisk.jar:CLASSES org.advrisk.bench.FlowPathPhases [n] [p] [reps]
 * (the claim (ii) spectrum, two-level with tail mass √n; p ≥ 2n draws the tail exactly).
 */
public final class FlowPathPhases {
    private FlowPathPhases() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long p = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        LinearProblem pr = new LinearProblem(n, SpectrumSpec.parse("twolevel:spikes=10,spike=1,tail=" + Math.sqrt(n))
                .withSize(p), GroundTruthSpec.parse("top:k=10,norm=1").withSize(p, 0), 0.5, Distribution.GAUSSIAN,
                Distribution.GAUSSIAN);
        double[] lambdas = new double[100];
        double[] times = new double[100];
        double[] steps = new double[100];
        for (int i = 0; i < 100; i++) {
            lambdas[i] = Math.pow(10, -6 + 7.0 * i / 99);
            times[i] = 1 / lambdas[i];
            steps[i] = Math.rint(Math.pow(10, 5.0 * i / 99));
        }
        steps[0] = 0;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            RidgePath path = RidgePath.fit(pr, 0, r, 1, TailMode.AUTO);
            long t1 = System.nanoTime();
            PathPoint[] ridge = path.at(lambdas);
            long t2 = System.nanoTime();
            PathPoint[] gf = path.filtered(SpectralFamily.FLOW).at(times);
            long t3 = System.nanoTime();
            double eta = 0.9 * 2 * n / path.eigenRange()[1];
            PathPoint[] gd = path.filtered(SpectralFamily.steps(eta)).at(dedupe(steps));
            long t4 = System.nanoTime();
            System.out.printf(Locale.ROOT, "{\"n\": %d, \"p\": %d, \"sample_and_eigen_s\": %.3f, \"ridge_100_s\": %.4f,"
                    + " \"gf_100_s\": %.4f, \"gd_path_s\": %.4f, \"check\": %.6g}%n", n, p, (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9,
                    ridge[0].stdRisk() + gf[0].stdRisk() + gd[0].stdRisk());
        }
    }

    private static double[] dedupe(double[] v) {
        return java.util.Arrays.stream(v).distinct().toArray();
    }
}
