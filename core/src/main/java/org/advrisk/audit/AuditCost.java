package org.advrisk.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advrisk.linalg.MemoryBudget;

/**
 * The work and memory of an audit, estimated from the table's size and the flags before any split is
 * drawn or any model fitted, and refused beyond the limits the other commands use: at most
 * {@link MemoryBudget#MAX_STREAM_FLOPS} floating-point operations (hours of work) and the rows, split
 * masks and statistics within the share of the heap {@link MemoryBudget#available()} allows. A refusal
 * names the flag that dominates and the largest value of it that fits.
 *
 * @param n           rows of the table
 * @param p           features (inputs d with a map)
 * @param splits      number of splits (--repeats, --cv folds, or 1)
 * @param splitsFlag  the flag that sets the number of splits (--repeats, --cv) or null when it is fixed
 * @param nTest       test rows per split
 * @param lambdas     λ values
 * @param attacks     attack norms
 * @param alphas      budgets α
 * @param extraRows   result rows per (split, attack, α) besides the λ grid (advtrain's δ values)
 * @param map         the --map spec ("none", relu:m=M, rff:m=M,…, ntk)
 * @param pgdSteps    PGD steps (with a map)
 * @param pgdRestarts PGD restarts (with a map)
 */
public record AuditCost(long n, long p, long splits, String splitsFlag, long nTest, long lambdas, long attacks, long alphas,
                        long extraRows, String map, long pgdSteps, long pgdRestarts) {
    /** Most splits an audit may have (the mean over splits settles long before; each split is fitted anew). */
    public static final long MAX_SPLITS = 10_000;
    /** Heap bytes planned per result row (the row, its column map and its printed form). */
    static final long ROW_BYTES = 2048;
    private static final Pattern WIDTH = Pattern.compile("(?:^|[:,])\\s*m\\s*=\\s*(\\d{1,18})\\s*(?:,|$)");

    /** Floating-point operations of the whole audit (a saturating estimate). */
    public double flops() {
        return splits * perSplit(pgdSteps);
    }

    /** Result rows of the whole audit. */
    public double rows() {
        return (double) splits * attacks * alphas * (lambdas + extraRows);
    }

    /** Bytes planned: result rows and one test mask per split. */
    public double bytes() {
        return rows() * ROW_BYTES + (double) splits * n;
    }

    /** Refuses an audit beyond the work or memory limit, naming the flag to change. */
    public void require() {
        if (splits > MAX_SPLITS) {
            throw new IllegalArgumentException(splitsFlag + ": " + splits + " splits, more than the " + MAX_SPLITS + " allowed"
                    + " (each split is fitted anew; the mean over splits and its standard error settle long before)");
        }
        double cap = MemoryBudget.MAX_STREAM_FLOPS;
        double total = flops();
        if (total > cap) {
            double pgd = splits * pgdPart(pgdSteps);
            String what = String.format(Locale.ROOT, "about %.1e floating-point operations (%d split(s) × %d λ × %d attack(s) × %d α"
                    + " on %d rows and %d features%s), more than %.0e (hours of work)", total, splits, lambdas, attacks,
                    alphas, n, p, mapped() ? ", " + map.trim() + " with PGD " + pgdSteps + " steps × " + 2 * (pgdRestarts + 1)
                    + " runs per test row" : "", cap);
            if (mapped() && pgd > total / 2) {
                long fit = (long) Math.floor(pgdSteps * (cap - (total - pgd)) / pgd);
                throw new IllegalArgumentException("pgd-steps: " + pgdSteps + " makes the audit " + what + "; the largest"
                        + " --pgd-steps that fits is " + Math.max(0, fit) + "; or use fewer --pgd-restarts, λ or α values");
            }
            if (splitsFlag != null && splits > 1) {
                long fit = (long) Math.floor(cap / (total / splits));
                throw new IllegalArgumentException(splitsFlag + ": " + splits + " makes the audit " + what + "; the largest "
                        + splitsFlag + " that fits is " + Math.max(0, fit) + "; or use fewer λ or α values, or a smaller map");
            }
            throw new IllegalArgumentException("the audit would take " + what + "; use fewer --features, rows, λ or α values"
                    + (mapped() ? ", a smaller --map or fewer --pgd-steps" : ""));
        }
        double have = MemoryBudget.available();
        if (bytes() > have) {
            double perSplit = bytes() / splits;
            String flag = splitsFlag != null && splits > 1 ? splitsFlag : "--lambda";
            String fit = flag.equals("--lambda") ? "" : "; the largest " + flag + " that fits is " + (long) Math.floor(have / perSplit);
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: the audit would hold %.0f result rows (%d split(s)"
                    + " × %d λ%s × %d attack(s) × %d α), about %.1f GiB, but the JVM may use %.1f GiB%s; or use fewer λ, α or"
                    + " attacks, or raise the heap (ADVRISK_JAVA_OPTS=-Xmx…)", flag, rows(), splits, lambdas,
                    extraRows > 0 ? " and " + extraRows + " δ" : "", attacks, alphas, bytes() / (1L << 30),
                    have / (double) (1L << 30), fit));
        }
    }

    private boolean mapped() {
        return !map.trim().equalsIgnoreCase("none");
    }

    private boolean kernel() {
        return map.trim().equalsIgnoreCase("ntk");
    }

    /** m of a random feature map spec (1 when it cannot be read: the map's own parser names the problem later). */
    static long width(String spec) {
        Matcher m = WIDTH.matcher(spec.trim().toLowerCase(Locale.ROOT));
        return m.find() ? Math.max(1, Long.parseLong(m.group(1))) : 1;
    }

    private double perSplit(long steps) {
        double nTrain = Math.max(1, n - nTest);
        double fitted;
        double eval;
        if (!mapped()) {
            double k = Math.min(nTrain, p);
            fitted = nTrain * p * k + 10 * k * k * k + lambdas * p * k;
            eval = lambdas * (double) nTest * p + (double) lambdas * attacks * alphas * nTest;
            return fitted + eval;
        }
        double features = kernel() ? nTrain : width(map);
        double k = Math.min(nTrain, features);
        fitted = kernel() ? nTrain * nTrain * p + 10 * nTrain * nTrain * nTrain
                : nTrain * features * p + nTrain * features * k + 10 * k * k * k;
        eval = lambdas * (double) nTest * features * p;
        return fitted + eval + pgdPart(steps);
    }

    /** PGD: every (λ, attack, α, test row) runs 2(R+1) times T+1 gradient steps of about 4·features·d flops. */
    private double pgdPart(long steps) {
        if (!mapped()) {
            return 0;
        }
        double features = kernel() ? Math.max(1, n - nTest) : width(map);
        return (double) lambdas * attacks * alphas * nTest * 2.0 * (pgdRestarts + 1) * (steps + 1.0) * 4.0 * features * p;
    }
}
