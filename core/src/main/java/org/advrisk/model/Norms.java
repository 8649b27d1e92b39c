package org.advrisk.model;

/** Vector norms ‖v‖_q for q in [1, ∞], with a streaming accumulator for vectors seen in blocks. */
public final class Norms {
    private Norms() {
    }

    /** ‖v‖_q of a whole vector. */
    public static double lq(double[] v, double q) {
        Accumulator a = new Accumulator(q);
        a.add(v, 0, v.length);
        return a.value();
    }

    /** The dual exponent: 1/p + 1/q = 1 (p = 1 ↔ q = ∞, p = ∞ ↔ q = 1). */
    public static double dual(double p) {
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(p)) {
            return 1;
        }
        return p / (p - 1);
    }

    /** Accumulates ‖·‖_q over blocks; scaled so that large p does not overflow. */
    public static final class Accumulator {
        private final double q;
        private double max;
        private double scaled;

        /** @param q the exponent in [1, ∞] */
        public Accumulator(double q) {
            if (!(q >= 1)) {
                throw new IllegalArgumentException("norm exponent " + q + " must be >= 1");
            }
            this.q = q;
        }

        /** Adds v[from, to). */
        public void add(double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                add(v[i]);
            }
        }

        /** Adds one coordinate. */
        public void add(double x) {
            double a = Math.abs(x);
            if (q == 1) {
                scaled += a;
                return;
            }
            if (a > max) {
                if (!Double.isInfinite(q) && max > 0) {
                    scaled *= Math.pow(max / a, q);
                }
                max = a;
            }
            if (!Double.isInfinite(q) && a > 0) {
                scaled += q == 2 ? (a / max) * (a / max) : Math.pow(a / max, q);
            }
        }

        /** The norm of everything added so far. */
        public double value() {
            if (q == 1) {
                return scaled;
            }
            if (Double.isInfinite(q)) {
                return max;
            }
            return max == 0 ? 0 : max * (q == 2 ? Math.sqrt(scaled) : Math.pow(scaled, 1 / q));
        }
    }
}
