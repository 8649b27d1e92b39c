package org.advrisk.experiment;

import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * What a request will need in memory (and work), estimated before anything is allocated and
 * checked against the JVM's max heap, so that a large request is refused with the flag to change
 * and the largest value that fits instead of an OutOfMemoryError. All sizes in long arithmetic.
 *
 * <p>The estimates count the dense arrays a trial holds at once (8 bytes a double): n×n Gram,
 * covariance products and eigenvectors, the test sets, the eigenvalue arrays of a truncation.
 */
public final class MemoryBudget {
    /** Share of the max heap a request may plan for (the rest is the JVM's and the rows'). */
    static final double SHARE = 0.8;
    /** Most trials a sweep may have (each is a small object; 10⁷ alone take gigabytes). */
    public static final long MAX_TRIALS = 2_000_000;
    /** Above this many flops per training set (≈ n²·p) the streaming path is refused (about an hour on one core). */
    public static final double MAX_STREAM_FLOPS = 1e14;

    private MemoryBudget() {
    }

    /** Bytes a linear trial holds: n×n (or p×p for p < n) matrices K, M, eigenvectors, UᵀMU, work; a feature block. */
    public static long linearTrial(long n, long p) {
        long m = Math.min(n, p);
        long block = Math.min(p, Math.max(n, 1024));
        return 8L * (6 * sat(m, m) + 2 * sat(n, block) + 8 * n);
    }

    /** Bytes an NTK trial holds: kernel Gram and eigenvectors (n×n), test inputs and cross-kernel, a width-m net. */
    public static long ntkTrial(long n, long d, long testSize, long width) {
        long gram = 5 * sat(n, n);
        long test = 3 * sat(testSize, d) + 2 * sat(testSize, n) + 2 * sat(n, d);
        long net = width == 0 ? 0 : 5 * sat(width, d) + 3 * sat(n, width);
        return 8L * (gram + test + net);
    }

    /** Bytes of a deterministic equivalent over P explicit eigenvalues (a few arrays of P doubles). */
    public static long theory(long truncation) {
        return 8L * 6 * truncation;
    }

    /** The heap a request may plan for. */
    public static long available() {
        return (long) (Runtime.getRuntime().maxMemory() * SHARE);
    }

    /**
     * Refuses {@code flag = value} when {@code bytesAt(value)} exceeds the heap, naming the largest
     * value that fits (bytesAt must grow with its argument). {@code what} says what the memory is for.
     */
    public static void require(String flag, long value, LongUnaryOperator bytesAt, String what) {
        long need = bytesAt.applyAsLong(value);
        long have = available();
        if (need <= have) {
            return;
        }
        long lo = 0;
        long hi = value;
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (bytesAt.applyAsLong(mid) <= have) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        throw new IllegalArgumentException(flag + ": " + value + " needs about " + size(need) + " of memory (" + what
                + ") but the JVM may use " + size(have) + " (" + (int) (SHARE * 100) + "% of its max heap "
                + size(Runtime.getRuntime().maxMemory()) + "); the largest " + flag + " that fits is " + lo
                + "; or raise the heap, e.g. ADVRISK_JAVA_OPTS=-Xmx" + Math.max(1, (long) Math.ceil(need / SHARE / (1L << 30)))
                + "g ./advrisk ...");
    }

    /** Refuses a sweep with more than {@link #MAX_TRIALS} trials, counted without expanding it. */
    public static void requireTrials(Spec spec) {
        long count = 1;
        long[] sizes = {spec.spectrum().size(), spec.theta().size(), spec.p().size(), spec.sigma().size(),
            spec.design().size(), spec.noise().size(), spec.n().size(), spec.trials()};
        for (long s : sizes) {
            count = sat(count, s);
        }
        if (count > MAX_TRIALS) {
            throw new IllegalArgumentException("trials: the sweep has " + (count == Long.MAX_VALUE ? "more than 9e18" : count)
                    + " trials (the product of the grid sizes of spectrum, theta, p, sigma, design, noise, n and"
                    + " trials), more than the " + MAX_TRIALS + " allowed; shorten a grid or split the sweep");
        }
    }

    /** Refuses streaming a training set of n²·p flops beyond {@link #MAX_STREAM_FLOPS}; {@code why} explains the path. */
    public static void requireStreamingFlops(long n, long p, String why) {
        double flops = (double) n * n * p;
        if (flops > MAX_STREAM_FLOPS) {
            throw new IllegalArgumentException("p: " + p + " with n=" + n + " needs the streaming path" + why + ", about "
                    + String.format(Locale.ROOT, "%.1e", flops) + " flops per training set (> "
                    + String.format(Locale.ROOT, "%.0e", MAX_STREAM_FLOPS) + ", hours of work);"
                    + " use l2 attacks with a gaussian design and a constant-tail spectrum (exact Wishart tail, any p),"
                    + " a smaller p, or a cluster (--engine spark)");
        }
    }

    /**
     * Checks a whole sweep before it runs: its trial count, and for every grid point the memory of
     * {@code min(threads, trials)} concurrent trials and (linear) the streaming work.
     */
    public static void requireSweep(Spec spec, int threads) {
        requireTrials(spec);
        long parallel = Math.max(1, Math.min(threads, spec.trials() * (long) spec.n().size()));
        int widest = spec.width().stream().mapToInt(Integer::intValue).max().orElse(0);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Trial t : Sweep.trials(spec)) {
            Point pt = t.point();
            if (t.trial() != 0 || !seen.add(pt.key())) {
                continue;
            }
            long p = pt.p();
            if (spec.family() == Family.NTK) {
                require("n", pt.n(), v -> parallel * ntkTrial(v, p, NtkTrialEvaluator.TEST_SIZE, widest),
                        parallel + " trial(s) at once, each with n×n kernel matrices and " + NtkTrialEvaluator.TEST_SIZE
                                + " test points in d = " + p + " dimensions");
                continue;
            }
            boolean adv = spec.estimators().advtrain();
            // advtrain holds the n×p design and about one more copy while fitting (see AdvTrainEstimator).
            require("n", pt.n(), v -> parallel * (linearTrial(v, p) + (adv ? 16 * sat(v, p) : 0)), parallel
                    + " trial(s) at once, each with n×n Gram, covariance and eigenvector matrices (p = " + p + ")"
                    + (adv ? " and, for estimator advtrain, the n×p design twice" : ""));
            org.advrisk.model.LinearProblem pr = LinearTrialEvaluator.problem(pt, t.seed());
            org.advrisk.linear.LinearQuery q = new org.advrisk.linear.LinearQuery(
                    spec.lambda().stream().mapToDouble(Double::doubleValue).toArray(),
                    spec.alpha().stream().mapToDouble(Double::doubleValue).toArray(),
                    spec.attack().stream().map(org.advrisk.model.AttackNorm::parse).toList(),
                    spec.target().stream().map(org.advrisk.model.Target::parse).toList(), LinearTrialEvaluator.TEST_SIZE);
            org.advrisk.linear.TailMode mode = LinearTrialEvaluator.tailMode(pr, q, adv);
            if (!(pr.p() >= pr.n() && mode.usesWishart(pr))) {
                requireStreamingFlops(pr.n(), pr.p(), " (n = " + pt.n() + ", spectrum " + pt.spectrum() + ")");
            }
        }
    }

    /** a·b saturated at Long.MAX_VALUE (non-negative arguments). */
    static long sat(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE / 16 : a * b;
    }

    static String size(long bytes) {
        if (bytes >= (1L << 30)) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MiB", Math.max(1, bytes / (double) (1L << 20)));
    }
}
