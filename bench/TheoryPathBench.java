import java.util.Arrays;
import java.util.List;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.advrisk.theory.DePoint;
import org.advrisk.theory.DeterministicEquivalent;
import org.advrisk.theory.TheorySpectrum;

/**
 * Timing of the deterministic equivalent on P = 10⁶ eigenvalues (run by bench/theory-path.sh, not a
 * test): building the spectrum, one λ (cold and warm, median of 7), a 100-value λ path, for an
 * infinite power law truncated at P = 10⁶ with the analytic tail and for an exact p = 10⁶.
 * Usage: java -cp core/target/classes:commons-math3.jar bench/TheoryPathBench.java [n] [P].
 * Prints one line per measurement and the κ/risk values so the Python reference can be compared.
 */
public final class TheoryPathBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int truncation = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000; // the test suite runs it tiny
        double[] grid = new double[100];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.pow(10, -8 + 9.0 * i / (grid.length - 1));
        }
        SpectrumSpec pl = SpectrumSpec.parse("powerlaw:a=1,b=2");
        for (String mode : List.of("p=inf,P=1e6", "p=1e6 exact")) {
            long t0 = System.nanoTime();
            TheorySpectrum s = mode.startsWith("p=inf") ? TheorySpectrum.infinite(pl, new double[] {1}, truncation)
                    : TheorySpectrum.of(pl.withSize(truncation),
                            GroundTruthSpec.parse("top:k=1,norm=1").withSize(truncation, 0), truncation);
            double build = ms(t0);
            DeterministicEquivalent de = new DeterministicEquivalent(s, n, 0.5);
            for (double lambda : new double[] {0, 0.01}) {
                t0 = System.nanoTime();
                DePoint d = de.at(lambda);
                double cold = ms(t0);
                double[] warm = new double[7];
                for (int r = 0; r < warm.length; r++) {
                    t0 = System.nanoTime();
                    d = de.at(lambda);
                    warm[r] = ms(t0);
                }
                Arrays.sort(warm);
                System.out.printf("%s n=%d build_ms=%.1f lambda=%g one_lambda_cold_ms=%.1f one_lambda_warm_median_ms=%.1f"
                        + " kappa=%.15g std_risk=%.15g norm_sq=%.15g%n", mode, n, build, lambda, cold, warm[3],
                        d.kappa(), d.stdRisk(), d.normL2Sq());
            }
            double[] path = new double[5];
            for (int r = 0; r < path.length; r++) {
                t0 = System.nanoTime();
                double sum = 0;
                for (DePoint d : de.path(grid)) {
                    sum += d.adversarialRisk(AttackNorm.L2, Target.CLEAN, 0.25, Distribution.GAUSSIAN);
                }
                path[r] = ms(t0);
                if (sum <= 0) {
                    throw new IllegalStateException();
                }
            }
            Arrays.sort(path);
            System.out.printf("%s n=%d path_100_lambdas_ms first=%.1f median=%.1f%n", mode, n, path[0] == 0 ? 0 : path[0],
                    path[2]);
        }
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
