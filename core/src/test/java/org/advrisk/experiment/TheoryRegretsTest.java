package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.advrisk.stats.Regret;
import org.junit.jupiter.api.Test;

class TheoryRegretsTest {
    private static Map<String, Object> setting(String p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("spectrum", "isotropic");
        s.put("theta", "top:k=1,norm=1");
        s.put("p_rule", p);
        s.put("sigma", 0.5);
        s.put("design", "gaussian");
        s.put("noise", "gaussian");
        s.put("attack", "l2");
        s.put("target", "clean");
        return s;
    }

    private static double[] logspace(double lo, double hi, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = Math.pow(10, lo + (hi - lo) * i / (count - 1));
        }
        return out;
    }

    @Test
    void standardArgminIsTheClosedFormOptimalRidgeOfTheIsotropicCase() {
        // Isotropic Σ = I: the ridge minimising the standard risk is λ* = σ² (p/n) / ‖θ*‖² in our convention
        // (Dobriban & Wager 2018), here 0.25 · 2 / 1 = 0.5; the grid point nearest to it is 10^-0.3 = 0.501.
        double[] lambdas = logspace(-2, 1, 31);
        Regret r = TheoryRegrets.at(Family.LINEAR, setting("2*n"), 1, 200, lambdas, 0.5);
        assertThat(r).isNotNull();
        assertThat(lambdas[r.iStd()]).isCloseTo(0.501, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(r.iAdv()).isGreaterThanOrEqualTo(r.iStd());
        assertThat(r.a()).isGreaterThanOrEqualTo(1.0);
        assertThat(r.s()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void undefinedDeterministicEquivalentGivesNoRatios() {
        // λ = 0 with p < n: least squares, for which the DE columns are undefined (NaN)
        assertThat(TheoryRegrets.at(Family.LINEAR, setting("0.5*n"), 1, 200, new double[] {0, 0.1}, 0.5)).isNull();
    }
}
