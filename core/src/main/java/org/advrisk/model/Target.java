package org.advrisk.model;

import java.util.Locale;

/**
 * What the attacked prediction is compared with (docs/theory.md §1).
 * <ul>
 *   <li>{@link #CLEAN}: the clean response ⟨x, θ*⟩ of the unperturbed x (the paper's framing;
 *       the ground truth pays α²‖θ*‖²_q);</li>
 *   <li>{@link #CONSISTENT}: the response ⟨x+δ, θ*⟩ of the perturbed point (the dual norm of
 *       θ − θ* enters instead of that of θ); also spelled {@code truth-at-perturbed}, which says what it
 *       is (it is not a label-preserving attack: δ may move θ*'s prediction, the target moves with it);</li>
 *   <li>{@link #NOISY}: the noisy label y = ⟨x, θ*⟩ + ε.</li>
 * </ul>
 */
public enum Target {
    CLEAN, CONSISTENT, NOISY;

    /** Allowed values, for messages. */
    public static final String ALLOWED = org.advrisk.param.Choices.TARGET.allowed();

    /** Parses clean, consistent or noisy. */
    public static Target parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "clean" -> CLEAN;
            case "consistent", "truth-at-perturbed", "truth_at_perturbed" -> CONSISTENT;
            case "noisy", "noisy_label", "noisy-label" -> NOISY;
            default -> {
                org.advrisk.param.Choices.TARGET.parse(text); // refuses in the declaration's words
                throw new IllegalStateException("target: " + text + " is declared but has no Target");
            }
        };
    }

    /** Lower-case name as used on the command line and in outputs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
