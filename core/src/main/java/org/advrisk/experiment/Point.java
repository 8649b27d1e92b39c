package org.advrisk.experiment;

import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowTypes;

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

    /** The parameter columns every row of this point starts with (type {@link RowTypes#POINT}). */
    public Row row() {
        return RowTypes.POINT.row().set(Columns.FAMILY, family.label()).set(Columns.SPECTRUM, spectrum)
                .set(Columns.THETA, theta).set(Columns.P_RULE, pRule.text()).set(Columns.SIGMA, sigma)
                .set(Columns.DESIGN, design).set(Columns.NOISE, noise).set(Columns.N, n).set(Columns.P, p).build();
    }

    /** Stable text key (independent of grid order). */
    public String key() {
        return "spectrum=" + spectrum + "|theta=" + theta + "|p=" + pRule.text() + "|sigma=" + sigma
                + "|design=" + design + "|noise=" + noise + "|n=" + n;
    }
}
