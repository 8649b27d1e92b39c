package org.advrisk.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fully specified grid point of a sweep (everything but the trial index).
 *
 * @param family   the model family
 * @param spectrum the covariance spectrum
 * @param theta    the ground truth
 * @param pRule    how p was given (a number or an expression of n)
 * @param sigma    the noise level
 * @param design   the design distribution
 * @param noise    the noise distribution
 * @param n        the sample size
 * @param p        the dimension at this n
 */
public record Point(Family family, String spectrum, String theta, SizeRule pRule, double sigma, String design,
                    String noise, int n, long p) {

    /** The parameter columns every row of this point starts with, in output order. */
    public Map<String, Object> columns() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", family.label());
        m.put("spectrum", spectrum);
        m.put("theta", theta);
        m.put("p_rule", pRule.text());
        m.put("sigma", sigma);
        m.put("design", design);
        m.put("noise", noise);
        m.put("n", n);
        m.put("p", p);
        return m;
    }

    /** Stable text key (independent of grid order). */
    public String key() {
        return "spectrum=" + spectrum + "|theta=" + theta + "|p=" + pRule.text() + "|sigma=" + sigma
                + "|design=" + design + "|noise=" + noise + "|n=" + n;
    }
}
