package org.advrisk.linear;

import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruth;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.Norms;
import org.advrisk.model.Target;

import java.util.ArrayList;
import java.util.List;

/**
 * The norms shaped and label-preserving attackers see ({@link ThreatModel}), for every parameter value of a
 * path: per budget shape G, a = θ̂ᵀΣ^Gθ̂, c = θ̂ᵀΣ^Gθ* (l2) and ‖Σ^{G/2}θ̂‖_q, ‖Σ^{G/2}(θ̂ − θ*)‖_q (other
 * norms), plus the ground truth's t = θ*ᵀΣ^Gθ* and ‖Σ^{G/2}θ*‖_q.
 *
 * <p>For l2 only θ̂'s head is visited: with the constant tail ε beyond h (h at least θ*'s support),
 * θ̂ᵀΣ^Gθ̂ = ε^G‖θ̂‖² + Σ_{j&lt;h}(λ_j^G − ε^G)θ̂_j² and θ̂ᵀΣ^Gθ* = Σ_{j&lt;h} λ_j^Gθ*_jθ̂_j, ‖θ̂‖² coming from the
 * path ({@link PathPoint}); so a path with an exact Wishart tail serves every G. Other norms visit every
 * coordinate (θ̂ rebuilt as for the isotropic attack).
 */
public final class ThreatNorms {
    private final double[] scales;
    private final double[] exponents;
    private final double[][] quad;       // [g][k] θ̂ᵀΣ^Gθ̂
    private final double[][] cross;      // [g][k] θ̂ᵀΣ^Gθ*
    private final double[] truthQuad;    // [g] θ*ᵀΣ^Gθ*
    private final double[][][] normTheta; // [g][q][k]
    private final double[][][] normError; // [g][q][k]
    private final double[][] truthNorm;  // [g][q]

    private ThreatNorms(double[] scales, double[] exponents, int l) {
        this.scales = scales;
        this.exponents = exponents;
        int gs = scales.length;
        quad = new double[gs][l];
        cross = new double[gs][l];
        truthQuad = new double[gs];
        normTheta = new double[gs][exponents.length][l];
        normError = new double[gs][exponents.length][l];
        truthNorm = new double[gs][exponents.length];
    }

    /** The threat norms of a path at its parameter values, for the query's non-isotropic threat models. */
    public static ThreatNorms of(LinearPath path, double[] params, PathPoint[] points, LinearQuery query) {
        LinearProblem problem = path.problem();
        List<Double> gs = new ArrayList<>();
        for (ThreatModel t : query.threats()) {
            if (!gs.contains(t.attackScale())) {
                gs.add(t.attackScale());
            }
        }
        double[] scales = gs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] exponents = LinearRiskRows.exponents(query);
        int l = params.length;
        ThreatNorms out = new ThreatNorms(scales, exponents, l);
        long p = problem.p();
        boolean anyL2 = query.attacks().stream().anyMatch(AttackNorm::isL2);
        long h = exponents.length > 0 ? p : WishartTail.headSize(problem);
        boolean tail = h < p;
        double eps = problem.spectrum().value(p - 1);
        GroundTruth theta = problem.theta();
        Norms.Accumulator[][][] th = new Norms.Accumulator[scales.length][exponents.length][l];
        Norms.Accumulator[][][] er = new Norms.Accumulator[scales.length][exponents.length][l];
        for (int g = 0; g < scales.length; g++) {
            for (int qi = 0; qi < exponents.length; qi++) {
                Norms.Accumulator tr = new Norms.Accumulator(exponents[qi]);
                for (int j = 0; j < theta.support(); j++) {
                    tr.add(Math.pow(problem.spectrum().value(j), scales[g] / 2) * theta.value(j));
                }
                out.truthNorm[g][qi] = tr.value();
                for (int k = 0; k < l; k++) {
                    th[g][qi][k] = new Norms.Accumulator(exponents[qi]);
                    er[g][qi][k] = new Norms.Accumulator(exponents[qi]);
                }
            }
            double t = 0;
            for (int j = 0; j < theta.support(); j++) {
                t += Math.pow(problem.spectrum().value(j), scales[g]) * theta.value(j) * theta.value(j);
            }
            out.truthQuad[g] = t;
            if (tail) {
                for (int k = 0; k < l; k++) {
                    out.quad[g][k] = Math.pow(eps, scales[g]) * points[k].normL2Sq();
                }
            }
        }
        if (!anyL2 && exponents.length == 0) {
            return out;
        }
        path.visitTheta(params, h, (from, len, values) -> {
            double[] lam = new double[len];
            problem.spectrum().fill(from, lam, 0, len);
            for (int g = 0; g < scales.length; g++) {
                double tailW = tail ? Math.pow(eps, scales[g]) : 0;
                for (int j = 0; j < len; j++) {
                    double w = Math.pow(lam[j], scales[g]);
                    double ts = theta.value(from + j);
                    double half = exponents.length > 0 ? Math.sqrt(w) : 0;
                    for (int k = 0; k < l; k++) {
                        double v = values[j + k * len];
                        out.quad[g][k] += (w - tailW) * v * v;
                        out.cross[g][k] += w * ts * v;
                        for (int qi = 0; qi < exponents.length; qi++) {
                            th[g][qi][k].add(half * v);
                            er[g][qi][k].add(half * (v - ts));
                        }
                    }
                }
            }
        });
        for (int g = 0; g < scales.length; g++) {
            for (int qi = 0; qi < exponents.length; qi++) {
                for (int k = 0; k < l; k++) {
                    out.normTheta[g][qi][k] = th[g][qi][k].value();
                    out.normError[g][qi][k] = er[g][qi][k].value();
                }
            }
        }
        return out;
    }

    private int scale(ThreatModel threat) {
        for (int g = 0; g < scales.length; g++) {
            if (scales[g] == threat.attackScale()) {
                return g;
            }
        }
        throw new IllegalArgumentException("attack-scale " + threat.attackScale() + " was not computed");
    }

    private int exponent(double q) {
        for (int i = 0; i < exponents.length; i++) {
            if (exponents[i] == q) {
                return i;
            }
        }
        throw new IllegalArgumentException("exponent " + q + " was not computed");
    }

    /** θ̂ᵀΣ^Gθ̂ at parameter index k. */
    public double quad(ThreatModel threat, int k) {
        return quad[scale(threat)][k];
    }

    /** θ̂ᵀΣ^Gθ* at parameter index k. */
    public double cross(ThreatModel threat, int k) {
        return cross[scale(threat)][k];
    }

    /** θ*ᵀΣ^Gθ*. */
    public double truthQuad(ThreatModel threat) {
        return truthQuad[scale(threat)];
    }

    /**
     * The norm the attack sees at parameter index k: ‖Σ^{G/2}θ̂‖_q (clean, noisy), ‖Σ^{G/2}(θ̂ − θ*)‖_q
     * (consistent); label-preserving (l2, every target): √(a − c²/t), the part of Σ^{G/2}θ̂ orthogonal to Σ^{G/2}θ*.
     */
    public double dual(int k, AttackNorm attack, Target target, ThreatModel threat) {
        int g = scale(threat);
        if (attack.isL2()) {
            double a = quad[g][k];
            double c = cross[g][k];
            double t = truthQuad[g];
            if (threat.labelPreserving()) {
                return Math.sqrt(Math.max(0, t > 0 ? a - c * c / t : a));
            }
            return Math.sqrt(Math.max(0, target == Target.CONSISTENT ? a - 2 * c + t : a));
        }
        int qi = exponent(attack.q());
        return target == Target.CONSISTENT ? normError[g][qi][k] : normTheta[g][qi][k];
    }

    /** The ground truth's dual norm under the threat: ‖Σ^{G/2}θ*‖_q, 0 when label-preserving (it never moves). */
    public double truthDual(AttackNorm attack, ThreatModel threat) {
        if (threat.labelPreserving()) {
            return 0;
        }
        int g = scale(threat);
        return attack.isL2() ? Math.sqrt(truthQuad[g]) : truthNorm[g][exponent(attack.q())];
    }
}
