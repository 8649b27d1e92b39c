import java.util.List;
import org.advrisk.audit.RealDataClaims;

/**
 * Times {@code RealDataClaims.run(defaultCases(), Settings.DEFAULT)} (gasoline 45/60 rows, tecator 40/215,
 * 50 splits each, 42 λ, α ∈ {0.1, 1}, B = 2000) and prints every verdict. Not a unit test: run by
 * bench/audit/real-data-claims.sh against the app's jar.
 */
public class RealDataClaimsTiming {
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        for (int k = 0; k < repeats; k++) {
            long t0 = System.nanoTime();
            List<RealDataClaims.Case> cases = RealDataClaims.defaultCases();
            long t1 = System.nanoTime();
            List<RealDataClaims.Result> vs = RealDataClaims.run(cases, RealDataClaims.Settings.DEFAULT);
            long t2 = System.nanoTime();
            System.out.printf("run %d: load %.2f s, verdicts %.2f s%n", k + 1, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            if (k == repeats - 1) {
                for (RealDataClaims.Result v : vs) {
                    System.out.println(v.text());
                    System.out.printf("  λ_std %.3g, λ_adv %.3g; R(0) %.4g vs min %.4g; R_α(0) %.4g vs min %.4g%n",
                            v.lambdaStd(), v.lambdaAdv(), v.testAtZero(), v.minTest(), v.advAtZero(), v.minAdv());
                }
            }
        }
    }
}
