package org.advrisk.theory;

import org.advrisk.model.AttackNorm;
import org.advrisk.linear.LinearRisks;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;

/**
 * The theory of one request at one sample size n: the spectrum with θ* at n (p from the rule), its effective
 * ranks, its deterministic equivalent (built on first use), the ground truth's adversarial risk, the
 * trade-off over a λ grid and the oracle frontier. The one place where these are assembled from a
 * {@link TheoryRequest}; not thread-safe.
 */
public final class TheoryAt {
    private final long n;
    private final TheorySpectrum spectrum;
    private final double sigma;
    private final Distribution noise;
    private final double b;
    private DeterministicEquivalent equivalent;

    TheoryAt(TheorySpectrum spectrum, long n, double sigma, Distribution noise, double b) {
        this.n = n;
        this.spectrum = spectrum;
        this.sigma = sigma;
        this.noise = noise;
        this.b = b;
    }

    /** The sample size. */
    public long n() {
        return n;
    }

    /** The spectrum with θ* at n. */
    public TheorySpectrum spectrum() {
        return spectrum;
    }

    /** The dimension as rows show it: a Long, or "inf". */
    public Object p() {
        return Double.isInfinite(spectrum.dimension()) ? "inf" : (Object) (long) spectrum.dimension();
    }

    /** Effective ranks, k* (with the request's b) and the norm bounds at n. */
    public RankSummary ranks() {
        return new EffectiveRanks(spectrum).summary(n, b, sigma);
    }

    /** The deterministic equivalent of ridge at n and σ. */
    public DeterministicEquivalent equivalent() {
        if (equivalent == null) {
            equivalent = new DeterministicEquivalent(spectrum, n, sigma);
        }
        return equivalent;
    }

    /** The ground truth's adversarial risk under one attack, target and budget. */
    public double groundTruth(AttackNorm attack, Target target, double alpha) {
        return LinearRisks.groundTruthAdversarial(spectrum.thetaNorm(attack.q()), alpha, target, sigma,
                noise);
    }

    /** The trade-off over a λ grid for one attack, target and budget. */
    public TradeOff tradeOff(double[] grid, AttackNorm attack, Target target, double alpha) {
        return TradeOff.of(equivalent(), grid, attack, target, alpha, noise);
    }

    /** The trade-off over a λ grid for one attack, target, attacker geometry and budget. */
    public TradeOff tradeOff(double[] grid, AttackNorm attack, Target target, double alpha,
                             org.advrisk.linear.ThreatModel threat) {
        return TradeOff.of(equivalent(), grid, attack, target, alpha, noise, threat);
    }

    /** The oracle frontier on its automatic μ grid. */
    public OracleFrontier oracle(AttackNorm attack, Target target, double alpha) {
        return OracleFrontier.of(spectrum, attack, target, alpha, sigma, noise);
    }

    /** The oracle frontier on a μ grid (null: the automatic one of this attack). */
    public OracleFrontier oracle(OracleEstimator est, double[] mus, AttackNorm attack, Target target, double alpha) {
        double[] grid = mus != null ? mus : est.autoGrid(OracleFrontier.PER_DECADE, OracleFrontier.MAX_POINTS);
        return OracleFrontier.of(spectrum, est, grid, attack, target, alpha, sigma, noise);
    }
}
