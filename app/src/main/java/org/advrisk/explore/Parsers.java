package org.advrisk.explore;

import java.util.List;
import java.util.Locale;
import org.advrisk.param.Lists;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.advrisk.theory.DimensionRule;

/**
 * The value parsers of the API, each the one the command line uses for the flag of the same name
 * (SpectrumSpec, GroundTruthSpec, DimensionRule, Distribution, AttackNorm, Target, the list and
 * logspace parser), plus the explorer's own refusals: no {@code file:} values (the server reads no
 * files) and one value where the page shows one.
 */
final class Parsers {
    private Parsers() {
    }

    static final String SPECTRUM_ALLOWED = "isotropic, powerlaw:a=..,b=.., twolevel:spikes=..,spike=..,tail=.., "
            + "geometric:r=.. (file: is not available in the explorer)";
    static final String THETA_ALLOWED = "top:k=..,norm=.., random:k=..,norm=.. (file: is not available in the explorer)";

    static SpectrumSpec spectrum(String text) {
        noFile("spectrum", text, SPECTRUM_ALLOWED);
        return SpectrumSpec.parse(text);
    }

    static GroundTruthSpec theta(String text) {
        noFile("theta", text, THETA_ALLOWED);
        return GroundTruthSpec.parse(text);
    }

    private static void noFile(String field, String text, String allowed) {
        if (text.trim().toLowerCase(Locale.ROOT).startsWith("file:")) {
            throw new IllegalArgumentException(field + ": '" + text + "': the explorer reads no files; allowed: " + allowed);
        }
    }

    static DimensionRule p(String text) {
        return DimensionRule.parse(text);
    }

    static Distribution distribution(String field, String text) {
        return Distribution.parse(field, text);
    }

    /**
     * An integer in [min, max]: a declared parameter (n, trials, test-size) is read by its declaration
     * first (the command line's and the spec's words), then held to the explorer's limit {@code max}.
     */
    static long integer(String field, String text, long min, long max) {
        org.advrisk.param.IntParam declared = switch (field) {
            case "n" -> org.advrisk.param.Parameters.N;
            case "trials" -> org.advrisk.param.Parameters.TRIALS;
            case "test-size" -> org.advrisk.param.Parameters.TEST_SIZE;
            default -> new org.advrisk.param.IntParam(field, Long.MIN_VALUE, Long.MAX_VALUE, "", field);
        };
        long v = declared.parse(text);
        if (v < min) {
            throw new IllegalArgumentException(field + ": " + v + " must be >= " + min);
        }
        if (v > max) {
            throw new IllegalArgumentException(field + ": " + v + " is too large; allowed: at most " + max
                    + " (the explorer's limit)");
        }
        return v;
    }

    /** The master seed: the declaration's parser and words ({@code Parameters.SEED}, default 1 at every door). */
    static long seed(String text) {
        return org.advrisk.param.Parameters.SEED.parse(text);
    }

    /** A finite number ≥ 0: σ through its declaration ({@code Parameters.SIGMA}), others ≥ 0 without a bound. */
    static double nonNegative(String field, String text) {
        return (field.equals("sigma") ? org.advrisk.param.Parameters.SIGMA : org.advrisk.param.NumberParam.nonNegative(field))
                .parse(text);
    }

    /** A finite number &gt; 0 (the command line's b check). */
    static double positive(String field, String text, String why) {
        double v = number(field, text);
        if (!(v > 0)) {
            throw new IllegalArgumentException(field + ": " + v + " must be finite and > 0" + why);
        }
        return v;
    }

    private static double number(String field, String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + ": '" + text + "' must be a finite number");
        }
        return v;
    }

    /** A list (values and logspace:LO,HI,COUNT) of at most {@code max} values ≥ 0. */
    static double[] list(String field, String text, int max) {
        double[] v = declared(field, text);
        if (v.length > max) {
            throw new IllegalArgumentException(field + ": " + v.length + " values exceed the explorer's limit of " + max);
        }
        return v;
    }

    /** Exactly one value ≥ 0 (the page shows one λ and one α). */
    static double one(String field, String text) {
        double[] v = declared(field, text);
        if (v.length != 1) {
            throw new IllegalArgumentException(field + ": '" + text + "' has " + v.length
                    + " values; the explorer shows one, give one number >= 0");
        }
        return v[0];
    }

    /** The shared declaration's parser for λ and α (the CLI's messages), the plain list parser otherwise. */
    private static double[] declared(String field, String text) {
        return switch (field) {
            case "lambda" -> org.advrisk.param.Parameters.LAMBDA.parseList(text);
            case "alpha" -> org.advrisk.param.Parameters.ALPHA.parseList(text);
            default -> org.advrisk.param.NumberParam.nonNegative(field).parseList(text);
        };
    }

    /** One attack norm; {@code theoryOnly} keeps to those with a deterministic equivalent (l2, linf). */
    static AttackNorm attack(String text, boolean theoryOnly) {
        List<AttackNorm> a = Lists.words("attack", text).stream().map(AttackNorm::parse).toList();
        if (a.size() != 1) {
            throw new IllegalArgumentException("attack: '" + text + "' has " + a.size()
                    + " values; the explorer shows one attack");
        }
        AttackNorm at = a.get(0);
        if (theoryOnly && !org.advrisk.model.AttackNorms.of(at).deterministicEquivalent()) {
            throw new IllegalArgumentException("attack: " + at.label() + " has no deterministic equivalent; allowed: l2, linf");
        }
        return at;
    }

    /** One target. */
    static Target target(String text) {
        List<Target> t = Lists.words("target", text).stream().map(Target::parse).toList();
        if (t.size() != 1) {
            throw new IllegalArgumentException("target: '" + text + "' has " + t.size()
                    + " values; the explorer shows one target");
        }
        return t.get(0);
    }

    /** Increasing sample sizes (the command line's n-grid rule), at most {@code max} of them. */
    static long[] nGrid(String text, int max) {
        double[] v = org.advrisk.param.NumberParam.nonNegative("n-grid").parseList(text);
        if (v.length > max) {
            throw new IllegalArgumentException("n-grid: " + v.length + " values exceed the explorer's limit of " + max);
        }
        long[] ns = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 1 || v[i] != Math.rint(v[i]) || v[i] > Limits.MAX_THEORY_N) {
                throw new IllegalArgumentException("n-grid: " + v[i] + " must be an integer >= 1 (at most "
                        + Limits.MAX_THEORY_N + " here)");
            }
            ns[i] = (long) v[i];
            if (i > 0 && ns[i] <= ns[i - 1]) {
                throw new IllegalArgumentException("n-grid: sample sizes must increase, got " + ns[i - 1] + " then " + ns[i]);
            }
        }
        return ns;
    }
}
