package org.advrisk.linalg;

import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * What a request will need in memory (and work), estimated before anything is allocated and
 * checked against the JVM's max heap, so that a large request is refused with the flag to change
 * and the largest value that fits instead of an OutOfMemoryError. All sizes in long arithmetic.
 *
 * <p>The estimates count the dense arrays a trial holds at once (8 bytes a double): n×n Gram,
 * covariance products and eigenvectors, the test sets, the eigenvalue arrays of a truncation. The one
 * budget of every package (tables, audits, sweeps); a whole sweep is checked by the experiment's
 * {@code SweepBudget}.
 */
public final class MemoryBudget {
    /** Share of the max heap a request may plan for (the rest is the JVM's and the rows'). */
    public static final double SHARE = 0.8;
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

    /** a·b saturated at Long.MAX_VALUE (non-negative arguments). */
    public static long sat(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE / 16 : a * b;
    }

    /** Refuses {@code bytes} above {@link #SHARE} of the max heap; {@code what} names the request and its flags. */
    public static void require(long bytes, String what) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > SHARE * max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s needs about %.1f GiB but the JVM may use %.1f GiB; reduce it, or raise the heap "
                            + "(ADVRISK_JAVA_OPTS=-Xmx…)", what, bytes / 1073741824.0, max / 1073741824.0));
        }
    }

    /** A size in MiB or GiB, as the messages write it. */
    public static String size(long bytes) {
        if (bytes >= (1L << 30)) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MiB", Math.max(1, bytes / (double) (1L << 20)));
    }
}
