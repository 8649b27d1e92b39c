package org.advrisk.kernel;

import org.advrisk.linear.Estimator;

/**
 * Kernel ridge regression as an {@link Estimator}: one eigendecomposition of the training Gram serves
 * every λ ({@link KernelRidgePath}).
 *
 * @param kernel the kernel
 */
public record KernelRidge(Kernel kernel) implements Estimator<KernelData, KernelRidgePath> {
    public KernelRidge {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel ridge: the kernel is missing");
        }
    }

    @Override
    public KernelRidgePath fit(KernelData data) {
        return KernelRidgePath.of(kernel, data);
    }
}
