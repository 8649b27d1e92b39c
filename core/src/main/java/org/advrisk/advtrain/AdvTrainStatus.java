package org.advrisk.advtrain;

/** How an adversarial-training solution was obtained (the relative duality gap of every fit bounds its suboptimality). */
public enum AdvTrainStatus {
    /** δ ≥ δ₀: θ̂ = 0 exactly (b = ȳ with an intercept). */
    ZERO("zero"),
    /** δ ≤ δ̄ (l2 training, p > n): the minimum-norm interpolator, in closed form. */
    INTERPOLATOR("interpolator"),
    /** Reweighted ridge reached the relative duality gap. */
    CONVERGED("converged"),
    /** The active-set step (a KKT solve for l∞ training, Newton on the smooth piece for l2) closed the duality gap. */
    POLISHED("polished"),
    /** F stopped decreasing (rounding level) before the gap tolerance: the reported gap says how far. */
    STALLED("stalled"),
    /** The iteration cap was reached before the gap tolerance: the reported gap says how far. */
    MAX_ITER("max_iter");

    private final String label;

    AdvTrainStatus(String label) {
        this.label = label;
    }

    /** Lower-case name for output columns. */
    public String label() {
        return label;
    }
}
