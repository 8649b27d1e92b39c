package org.advrisk.ntk;

import java.util.List;
import org.advrisk.attack.Ball;
import org.advrisk.kernel.Activation;
import org.advrisk.kernel.Kernel;
import org.advrisk.kernel.ActivationNtk;
import org.advrisk.kernel.ReluNtk;

/**
 * One NTK experiment: data, kernel (or finite width), the λ path, the attacks and the test sample.
 *
 * @param n        training sample size
 * @param data     inputs, target and noise
 * @param kernel   k1 (first layer trained), k2 (second), k1+k2 (both)
 * @param width    hidden width m of a finite network trained by GD, or 0 for the infinite-width kernel
 * @param init     initialisation of a finite network
 * @param eta      GD step (NaN: 1/λ_max(Θ̂(0)))
 * @param gdSteps  GD steps of a finite network
 * @param lambdas  kernel ridge parameters (our convention; finite width: only 0)
 * @param risks    budgets, attacks, PGD settings, test batch size
 * @param testSize test sample size
 * @param seed     master seed
 * @param activation the network's activation (relu: the earlier waves' network)
 * @param scale    output scale A of a finite network (1: lazy as before; small: rich training)
 */
public record NtkConfig(int n, NtkData data, ReluNtk kernel, int width, TwoLayerNet.Init init, double eta,
                        int gdSteps, double[] lambdas, TestRisks.Options risks, int testSize, long seed,
                        Activation activation, double scale) {
    /** A relu configuration with scale 1. */
    public NtkConfig(int n, NtkData data, ReluNtk kernel, int width, TwoLayerNet.Init init, double eta,
                     int gdSteps, double[] lambdas, TestRisks.Options risks, int testSize, long seed) {
        this(n, data, kernel, width, init, eta, gdSteps, lambdas, risks, testSize, seed, Activation.RELU, 1.0);
    }

    public NtkConfig {
        if (activation == null) {
            throw new IllegalArgumentException("activation: missing; allowed: " + Activation.ALLOWED);
        }
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("scale: " + scale + " must be finite and > 0");
        }
        if (width == 0 && scale != 1) {
            throw new IllegalArgumentException("scale: " + scale + " needs a finite --width (the infinite-width kernel"
                    + " is the lazy limit, scale 1)");
        }
        org.advrisk.param.Parameters.N.check(n);
        if (width < 0) {
            throw new IllegalArgumentException("width: " + width + " must be inf or >= 1");
        }
        org.advrisk.param.Parameters.TEST_SIZE.check(testSize); // >= 2: standard errors
        if (lambdas.length == 0) {
            throw new IllegalArgumentException("lambda: need at least one value");
        }
        lambdas = lambdas.clone();
        for (double l : lambdas) {
            org.advrisk.param.Parameters.LAMBDA.check(l);
            if (width > 0 && l != 0) {
                throw new IllegalArgumentException("lambda: " + l + " is not allowed with a finite width: gradient"
                        + " descent trains the network towards interpolation (lambda 0); use --width inf for the"
                        + " kernel ridge path");
            }
        }
        if (width > 0 && init == TwoLayerNet.Init.ANTISYMMETRIC && width % 2 != 0) {
            throw new IllegalArgumentException("width: " + width + " must be even with the antisymmetric"
                    + " initialisation (neurons come in pairs); use an even width or --init independent");
        }
        if (gdSteps < 0) {
            throw new IllegalArgumentException("gd-steps: " + gdSteps + " must be >= 0");
        }
    }

    /** Which layers a finite network trains for this kernel. */
    public GdOptions gdOptions() {
        return new GdOptions(eta, gdSteps, kernel.firstLayer(), kernel.secondLayer());
    }

    /** The infinite-width kernel of the trained layers for this activation. */
    public Kernel activationKernel() {
        return ActivationNtk.of(activation, kernel, data.d());
    }

    /** The attacks. */
    public List<Ball> attacks() {
        return risks.attacks();
    }
}
