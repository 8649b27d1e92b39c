package org.advrisk.kernel;


/**
 * The two Gaussian expectations behind an activation's NTK, for (u, v) centred Gaussian with
 * Var u = p, Var v = q, Cov(u, v) = c:
 * E1 = E[σ'(u)σ'(v)] (first layer) and E2 = E[σ(u)σ(v)] (second layer).
 * Closed forms: relu (arc-cosine kernels of order 0 and 1, Cho and Saul 2009), abs (σ' = sign:
 * (2/π) arcsin ρ; E|u||v| = √(pq)(2/π)(√(1 − ρ²) + ρ arcsin ρ)), erf (Williams 1997:
 * E2 = (2/π) arcsin(2c/√((1 + 2p)(1 + 2q))), E1 = (4/π)/√((1 + 2p)(1 + 2q) − 4c²)), quadratic
 * (E2 = pq + 2c², E1 = 4c). Any activation: a tensor Gauss–Hermite rule with u = √p z1,
 * v = √q(ρz1 + √(1 − ρ²) z2), ρ = c/√(pq) ({@link #quadrature}); for speed the default path uses the
 * tabulated Mehler series ({@link HermiteSeries}) where it converges fast and the quadrature elsewhere.
 */
public final class GaussianPairs {
    /** Gauss–Hermite nodes per dimension of the default quadrature. */
    public static final int DEFAULT_NODES = 96;
    private static final java.util.Map<Integer, double[][]> RULES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final double[][] DEFAULT_RULE = rule(DEFAULT_NODES);

    private GaussianPairs() {
    }

    /** {E1, E2} of {@code act}: the closed form where there is one, else {@link #quadrature} with the default rule. */
    public static double[] expectations(Activation act, double p, double q, double c) {
        double pq = Math.sqrt(p * q);
        double rho = pq > 0 ? clamp(c / pq) : 0;
        switch (act) {
            case RELU -> {
                double theta = Math.acos(rho);
                double s = Math.sqrt(Math.max(0, 1 - rho * rho));
                return new double[] {(Math.PI - theta) / (2 * Math.PI), pq * (s + (Math.PI - theta) * rho) / (2 * Math.PI)};
            }
            case ABS -> {
                double as = Math.asin(rho);
                double s = Math.sqrt(Math.max(0, 1 - rho * rho));
                return new double[] {pq > 0 ? 2 / Math.PI * as : 0, pq * 2 / Math.PI * (s + rho * as)};
            }
            case ERF -> {
                double a = 1 + 2 * p;
                double b = 1 + 2 * q;
                double arg = 2 * c / Math.sqrt(a * b);
                return new double[] {4 / Math.PI / Math.sqrt(a * b - 4 * c * c), 2 / Math.PI * Math.asin(clamp(arg))};
            }
            case QUADRATIC -> {
                return new double[] {4 * c, p * q + 2 * c * c};
            }
            default -> {
                double[] series = HermiteSeries.expectations(act, p, q, c);
                return series != null ? series : quadrature(act, p, q, c, DEFAULT_RULE);
            }
        }
    }

    /** {E1, E2} by the tensor Gauss–Hermite rule with {@code nodes} points per dimension. */
    public static double[] quadrature(Activation act, double p, double q, double c, int nodes) {
        return quadrature(act, p, q, c, nodes == DEFAULT_NODES ? DEFAULT_RULE : rule(nodes));
    }

    private static double[] quadrature(Activation act, double p, double q, double c, double[][] rule) {
        double[] z = rule[0];
        double[] w = rule[1];
        double sp = Math.sqrt(p);
        double sq = Math.sqrt(q);
        double pq = sp * sq;
        double rho = pq > 0 ? clamp(c / pq) : 0;
        double r2 = Math.sqrt(Math.max(0, 1 - rho * rho));
        double e1 = 0;
        double e2 = 0;
        int k = z.length;
        for (int i = 0; i < k; i++) {
            double u = sp * z[i];
            double inner1 = 0;
            double inner2 = 0;
            for (int j = 0; j < k; j++) {
                double v = sq * (rho * z[i] + r2 * z[j]);
                inner1 += w[j] * act.derivative(v);
                inner2 += w[j] * act.value(v);
            }
            e1 += w[i] * act.derivative(u) * inner1;
            e2 += w[i] * act.value(u) * inner2;
        }
        return new double[] {e1, e2};
    }

    /**
     * E[h(√p z)] for z ~ N(0, 1) with the 1-D default rule: h = σ (which = 0), σ' (1), σ² (2), σ'² (3),
     * σ'(√p z)·z (4; = √p E[σ''(√p z)] by Stein's lemma).
     */
    public static double mean(Activation act, double p, int which) {
        double[] z = DEFAULT_RULE[0];
        double[] w = DEFAULT_RULE[1];
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            double t = Math.sqrt(p) * z[i];
            double v = switch (which) {
                case 0 -> act.value(t);
                case 1 -> act.derivative(t);
                case 2 -> act.value(t) * act.value(t);
                case 3 -> act.derivative(t) * act.derivative(t);
                case 4 -> act.derivative(t) * z[i];
                default -> throw new IllegalArgumentException("which: " + which + " must be 0..4");
            };
            s += w[i] * v;
        }
        return s;
    }

    /** Probabilists' Gauss–Hermite rule (weight e^{−z²/2}/√(2π)): {nodes, weights}, built once per size. */
    static double[][] rule(int nodes) {
        if (nodes < 2 || nodes > 200) {
            throw new IllegalArgumentException("nodes: " + nodes + " must be in 2..200");
        }
        return RULES.computeIfAbsent(nodes, GaussianPairs::buildRule);
    }

    /**
     * Golub–Welsch: the nodes are the eigenvalues of the Jacobi matrix of the probabilists' Hermite
     * polynomials (zero diagonal, off-diagonal √k), the weights the squared first components of its
     * normalised eigenvectors (the N(0, 1) weight has mass 1). One LAPACK call.
     */
    private static double[][] buildRule(int nodes) {
        double[] j = new double[nodes * nodes];
        for (int k = 1; k < nodes; k++) {
            j[k + (k - 1) * nodes] = Math.sqrt(k);
            j[(k - 1) + k * nodes] = Math.sqrt(k);
        }
        double[] z = org.advrisk.linalg.Blas.syevdInPlace(nodes, j);
        double[] w = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            double v = j[i * nodes];
            w[i] = v * v;
        }
        return new double[][] {z, w};
    }

    private static double clamp(double u) {
        return u > 1 ? 1 : (u < -1 ? -1 : u);
    }
}
