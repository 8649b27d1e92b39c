import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.advrisk.attack.Ball;
import org.advrisk.attack.Pgd;
import org.advrisk.kernel.KernelPredictor;
import org.advrisk.kernel.KernelRidgePath;
import org.advrisk.kernel.ReluNtk;
import org.advrisk.linalg.Blas;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.ntk.GdOptions;
import org.advrisk.ntk.LazyTraining;
import org.advrisk.ntk.NtkData;
import org.advrisk.ntk.TwoLayerNet;
import org.advrisk.random.Distribution;
import org.advrisk.random.OrderedParallel;

/**
 * Benchmark of the NTK hot paths (run by bench/ntk/run.sh, not a unit test):
 *  gd  — full-batch GD of the two-layer net, n=1000, d=500, m=20000, 200 steps (first layer), incl. the
 *        empirical NTK at init for η and the laziness diagnostics;
 *  pgd — 50 l2 PGD steps (both directions, as advrisk runs it) on 1000 test points for the K1 kernel
 *        predictor fitted on n=1000, d=500.
 * Usage: java -cp app/target/advrisk.jar bench/ntk/NtkBench.java THREADS [gd|pgd|all] [tiny]
 * (tiny: n=40, d=20, m=200, 5 GD steps, 40 test points: the test suite runs it so it keeps compiling)
 * Prints "name wall_seconds cpu_seconds" lines (CPU = whole process, all threads).
 */
public class NtkBench {
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        String which = args.length > 1 ? args[1] : "all";
        boolean tiny = args.length > 2 && args[2].equals("tiny");
        int n = tiny ? 40 : 1000, d = tiny ? 20 : 500, m = tiny ? 200 : 20000, steps = tiny ? 5 : 200;
        NtkData data = new NtkData(SpectrumSpec.parse("isotropic").withSize(d), true,
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(d, 1), 0.5, Distribution.GAUSSIAN);
        NtkData.Sample train = data.train(n, 1, 0);
        NtkData.Sample test = data.test(tiny ? 40 : 1000, 1, 0);
        if (which.equals("gd") || which.equals("all")) {
            Blas.threads(threads);
            TwoLayerNet net = TwoLayerNet.initialise(d, m, TwoLayerNet.Init.ANTISYMMETRIC, 1, 0);
            long t0 = System.nanoTime();
            long c0 = cpu();
            LazyTraining.Result r = LazyTraining.train(net, train, GdOptions.firstLayer(steps));
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("gd %.3f %.3f  (train_mse=%.3e, weight_move=%.3e)%n", s, (cpu() - c0) / 1e9, r.trainMse(), r.weightMove());
        }
        if (which.equals("pgd") || which.equals("all")) {
            Blas.threads(1);
            KernelRidgePath path = KernelRidgePath.fit(ReluNtk.K1, d, n, train.x(), train.y());
            KernelPredictor f = path.at(0);
            Pgd pgd = Pgd.of(Ball.L2, 0.5, 50, 0);
            int batches = threads;
            int per = (test.n() + batches - 1) / batches;
            long t0 = System.nanoTime();
            long c0 = cpu();
            List<double[]> worst = OrderedParallel.map(batches, threads, b -> {
                int from = b * per;
                int c = Math.min(per, test.n() - from);
                double[] z = Arrays.copyOfRange(test.x(), from * d, (from + c) * d);
                double[] tg = Arrays.copyOfRange(test.fStar(), from, from + c);
                return pgd.attack(f, c, z, tg, 1, 0, b).worst();
            });
            double s = (System.nanoTime() - t0) / 1e9;
            double mean = worst.stream().flatMapToDouble(Arrays::stream).average().orElse(Double.NaN);
            System.out.printf("pgd %.3f %.3f  (mean worst sq error=%.4f)%n", s, (cpu() - c0) / 1e9, mean);
        }
    }
}
