package org.advrisk.model;

import java.util.List;

/**
 * The registry of attack norms and what each can do: the closed-form worst case of a linear model
 * (every norm: sup over ‖δ‖_p ≤ α of ⟨δ, θ⟩ is α‖θ‖_q), a PGD ball for nonlinear models (l2, linf),
 * training against it ({@code advtrain}: l2, linf) and a deterministic equivalent (l2 proved, linf
 * empirical). Front doors ask it instead of spelling norms: {@link #trainable()}, {@link #parseTrainable},
 * {@link #of}. Σ-shaped budgets and label-preserving attacks are options of the threat model, not norms.
 */
public final class AttackNorms {
    /**
     * One kind of attack norm.
     *
     * @param name                    the word users write ({@code lp} stands for {@code lp:P})
     * @param closedForm              the linear worst case α‖θ‖_q is exact
     * @param pgdBall                 PGD can search its ball (nonlinear models)
     * @param trainable               adversarial training can train against it
     * @param deterministicEquivalent the theory has a prediction for it
     * @param proved                  that prediction is proved (false: empirical)
     */
    public record Kind(String name, boolean closedForm, boolean pgdBall, boolean trainable,
                       boolean deterministicEquivalent, boolean proved) {
    }

    /** l2: everything, proved. */
    public static final Kind L2 = new Kind("l2", true, true, true, true, true);
    /** linf: everything; its deterministic equivalent (folded-normal ‖θ̂‖₁) is empirical. */
    public static final Kind LINF = new Kind("linf", true, true, true, true, false);
    /** l1: closed form only. */
    public static final Kind L1 = new Kind("l1", true, false, false, false, false);
    /** lp:P, 1 &lt; P &lt; ∞: closed form only. */
    public static final Kind LP = new Kind("lp", true, false, false, false, false);

    private static final List<Kind> ALL = List.of(L2, LINF, L1, LP);

    private AttackNorms() {
    }

    /** Every kind, in the order of {@link AttackNorm#ALLOWED}. */
    public static List<Kind> all() {
        return ALL;
    }

    /** The kind of a norm. */
    public static Kind of(AttackNorm a) {
        return a.isL2() ? L2 : a.q() == 1 ? LINF : a.q() == Double.POSITIVE_INFINITY ? L1 : LP;
    }

    /** The names adversarial training can train against ({@code l2, linf}). */
    public static List<String> trainable() {
        return ALL.stream().filter(Kind::trainable).map(Kind::name).toList();
    }

    /** The names PGD can attack with. */
    public static List<String> pgdBalls() {
        return ALL.stream().filter(Kind::pgdBall).map(Kind::name).toList();
    }

    /** True when a trainable norm. */
    public static boolean isTrainable(AttackNorm a) {
        return a != null && of(a).trainable();
    }

    /**
     * Parses a training attack, naming {@code field} in the refusal: "FIELD: 'x' is unknown; allowed: l2, linf".
     */
    public static AttackNorm parseTrainable(String field, String text) {
        if (text != null && trainable().contains(text)) {
            return AttackNorm.parse(text);
        }
        throw new IllegalArgumentException(field + ": '" + text + "' is unknown; allowed: " + String.join(", ", trainable()));
    }
}
