package org.advrisk.linear;

import java.util.Locale;
import org.advrisk.model.LinearProblem;

/**
 * How the constant tail of a spectrum (λ_h = … = λ_{p−1} = ε beyond the head h, see
 * {@link WishartTail#headSize}) is sampled.
 *
 * <ul>
 *   <li>{@link #AUTO}: exact Wishart tail when {@link WishartTail#preferred} says so (Gaussian design,
 *       tail at least 2n features), else streaming;</li>
 *   <li>{@link #EXACT}: always the Wishart tail (refused when not {@link WishartTail#eligible});</li>
 *   <li>{@link #STREAM}: always stream every feature block (needed for θ̂ itself, l1/linf norms and
 *       non-Gaussian designs).</li>
 * </ul>
 */
public enum TailMode {
    AUTO, EXACT, STREAM;

    /** Allowed CLI words. */
    public static final String ALLOWED = "auto, on, off";

    /** Parses auto | on | off (also exact/stream), case-insensitive. */
    public static TailMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "on", "exact", "wishart" -> EXACT;
            case "off", "stream" -> STREAM;
            default -> throw new IllegalArgumentException("exact-tail: '" + text + "' is not allowed; allowed: " + ALLOWED);
        };
    }

    /** Whether this mode samples the given problem's tail by Wishart (throws when EXACT is impossible). */
    public boolean usesWishart(LinearProblem problem) {
        return switch (this) {
            case STREAM -> false;
            case AUTO -> WishartTail.preferred(problem);
            case EXACT -> {
                String why = WishartTail.whyNot(problem);
                if (why != null) {
                    throw new IllegalArgumentException("exact-tail: on is not possible here: " + why);
                }
                yield true;
            }
        };
    }
}
