package org.advrisk.audit;

/**
 * Sums of |r|, r², |r|³, r⁴ of the test residuals r = f(x) − y of one model, enough for the mean
 * and the standard error of (|r| + c)² for every c = α‖Dθ̂‖_q at once.
 *
 * @param count test points
 * @param s1    Σ|r|
 * @param s2    Σr²
 * @param s3    Σ|r|³
 * @param s4    Σr⁴
 */
public record ResidualMoments(long count, double s1, double s2, double s3, double s4) {
    /** The test MSE, mean r². */
    public double mse() {
        return s2 / count;
    }

    /** Mean of (|r| + c)²: the certified adversarial MSE when c = α‖Dθ̂‖_q. */
    public double adversarial(double c) {
        return (s2 + 2 * c * s1) / count + c * c;
    }

    /**
     * Standard error of the mean of v = (|r| + c)² over the test points (sample variance, n − 1):
     * Var v = Var r² + 4c Cov(r², |r|) + 4c² Var |r|, each from the moments; 0 for one point.
     */
    public double adversarialSe(double c) {
        if (count < 2) {
            return 0;
        }
        double n = count;
        double m1 = s1 / n;
        double m2 = s2 / n;
        double m3 = s3 / n;
        double m4 = s4 / n;
        double var = (m4 - m2 * m2) + 4 * c * (m3 - m1 * m2) + 4 * c * c * (m2 - m1 * m1);
        var = Math.max(0, var) * n / (n - 1);
        return Math.sqrt(var / n);
    }
}
