package org.advrisk.kernel;

/**
 * A dot-product kernel k(x, x') that depends on g = ⟨x, x'⟩, a = ‖x‖ and b = ‖x'‖ only, with its
 * gradient in the first argument written as ∇ₓk(x, x') = A·x' + B·x.
 */
public interface Kernel {
    /** Label used on the command line and in outputs. */
    String label();

    /** k(x, x') from g = ⟨x, x'⟩, a = ‖x‖, b = ‖x'‖. */
    double value(double g, double a, double b);

    /** Writes the coefficients A (out[0]) and B (out[1]) of ∇ₓk(x, x') = A·x' + B·x. */
    void gradientCoefficients(double g, double a, double b, double[] out);
}
