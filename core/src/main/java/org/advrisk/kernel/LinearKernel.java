package org.advrisk.kernel;

/** The linear kernel k(x, x') = ⟨x, x'⟩ (kernel ridge with it is linear ridge). */
public enum LinearKernel implements Kernel {
    INSTANCE;

    @Override
    public String label() {
        return "linear";
    }

    @Override
    public double value(double g, double a, double b) {
        return g;
    }

    @Override
    public void gradientCoefficients(double g, double a, double b, double[] out) {
        out[0] = 1;
        out[1] = 0;
    }
}
