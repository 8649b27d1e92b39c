package org.advrisk.attack;

/**
 * A real-valued function of x ∈ R^d with its input gradient, evaluated on batches of points stored
 * as the columns of a d×count column-major matrix.
 */
public interface Predictor {
    /** The input dimension d. */
    int dim();

    /**
     * Evaluates f at the columns of xs (d×count): values[t] = f(x_t); when grads is not null it
     * receives ∇ₓf(x_t) as column t of a d×count column-major matrix.
     */
    void evaluate(int count, double[] xs, double[] values, double[] grads);

    /** f(x) at one point. */
    default double value(double[] x) {
        double[] v = new double[1];
        evaluate(1, x, v, null);
        return v[0];
    }

    /** ∇ₓf(x) at one point. */
    default double[] gradient(double[] x) {
        double[] v = new double[1];
        double[] g = new double[dim()];
        evaluate(1, x, v, g);
        return g;
    }
}
