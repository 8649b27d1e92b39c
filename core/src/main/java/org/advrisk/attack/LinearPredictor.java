package org.advrisk.attack;

/**
 * The linear predictor f(x) = ⟨x, θ⟩ (gradient θ everywhere).
 *
 * @param theta the coefficients
 */
public record LinearPredictor(double[] theta) implements Predictor {
    public LinearPredictor {
        if (theta.length == 0) {
            throw new IllegalArgumentException("theta: empty coefficient vector");
        }
        theta = theta.clone();
    }

    @Override
    public int dim() {
        return theta.length;
    }

    @Override
    public void evaluate(int count, double[] xs, double[] values, double[] grads) {
        int d = theta.length;
        for (int t = 0; t < count; t++) {
            double s = 0;
            int off = t * d;
            for (int k = 0; k < d; k++) {
                s += xs[off + k] * theta[k];
            }
            values[t] = s;
            if (grads != null) {
                System.arraycopy(theta, 0, grads, off, d);
            }
        }
    }
}
