package org.advrisk.theory;

/**
 * k* = min{k ≥ 0 : r_k(Σ) ≥ b·n} and how the search ended.
 *
 * @param value  k* when {@link #status} is FOUND, else −1
 * @param status FOUND; NONE (no k reaches b·n: the variance proxy is infinite); BEYOND_TRUNCATION
 *               (no k ≤ P reaches b·n but the spectrum continues past the truncation P)
 */
public record KStar(long value, Status status) {
    /** How the search for k* ended. */
    public enum Status { FOUND, NONE, BEYOND_TRUNCATION }

    public KStar {
        if ((status == Status.FOUND) != (value >= 0)) {
            throw new IllegalArgumentException("kStar: value " + value + " does not match status " + status);
        }
    }

    /** True when k* exists and was found. */
    public boolean found() {
        return status == Status.FOUND;
    }

    /** Text for outputs: the number, "none" or "&gt;P". */
    public String text() {
        return switch (status) {
            case FOUND -> Long.toString(value);
            case NONE -> "none";
            case BEYOND_TRUNCATION -> ">P";
        };
    }
}
