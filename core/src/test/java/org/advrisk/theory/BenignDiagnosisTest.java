package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.junit.jupiter.api.Test;

/** The benign call on the canonical spectra of docs/theory.md §2, with the numbers behind it. */
class BenignDiagnosisTest {
    private static final long[] NS = {100, 400, 1600, 6400, 25600};

    private static BenignDiagnosis diagnose(String spectrum, String p, int truncation) {
        List<RankSummary> rows = new ArrayList<>();
        for (long n : NS) {
            TheorySpectrum s = TheoryProblem.spectrum(SpectrumSpec.parse(spectrum), GroundTruthSpec.parse("top:k=1"),
                    DimensionRule.parse(p), n, 1, 200_000);
            rows.add(new EffectiveRanks(s).summary(n, 1, 0.5));
        }
        return BenignDiagnosis.of(rows);
    }

    @Test
    void logPowerLawIsBenignButSlowly() {
        BenignDiagnosis d = diagnose("powerlaw:a=1,b=2", "inf", 200_000);
        assertThat(d.verdict()).isEqualTo(BenignDiagnosis.Verdict.BENIGN);
        RankSummary first = d.rows().get(0);
        RankSummary last = d.rows().get(NS.length - 1);
        // r_0 is a constant (≈ 1.63), so r_0/n falls like 1/n
        assertThat(last.r0()).isCloseTo(first.r0(), within(1e-12));
        // k*/n and n/R_k* fall only like 1/ln n: by a factor 1.5–3 over a factor 256 in n
        assertThat(first.kStarOverN() / last.kStarOverN()).isBetween(1.5, 3.0);
        assertThat(first.nOverRkStar() / last.nOverRkStar()).isBetween(1.3, 3.0);
    }

    @Test
    void twoLevelWithPEqualNSquaredIsBenign() {
        BenignDiagnosis d = diagnose("twolevel:spikes=10,spike=1,tail=1", "n^2", 1000);
        assertThat(d.verdict()).isEqualTo(BenignDiagnosis.Verdict.BENIGN);
        for (RankSummary r : d.rows()) {
            // r_0 = 11, k* = 10 (the spikes), R_10 = p − 10: n/R = n/(n² − 10)
            assertThat(r.r0()).isCloseTo(11, within(1e-9));
            assertThat(r.kStar().value()).isEqualTo(10);
            assertThat(r.nOverRkStar()).isCloseTo((double) r.n() / (r.n() * r.n() - 10), within(1e-12));
        }
    }

    @Test
    void isotropicWithPEqualTwoNIsNotBenign() {
        BenignDiagnosis d = diagnose("isotropic", "2n", 1000);
        assertThat(d.verdict()).isEqualTo(BenignDiagnosis.Verdict.NOT_BENIGN);
        for (RankSummary r : d.rows()) {
            // r_0 = p = 2n, k* = 0, R_0 = p: r_0/n = 2 and n/R_0 = 1/2 at every n
            assertThat(r.r0OverN()).isCloseTo(2, within(1e-12));
            assertThat(r.kStar().value()).isZero();
            assertThat(r.nOverRkStar()).isCloseTo(0.5, within(1e-12));
        }
        assertThat(d.reason()).contains("r0/n goes 2.000 -> 2.000").contains("n/R_k* goes 0.5000 -> 0.5000");
    }

    @Test
    void fastPowerLawIsNotBenign() {
        BenignDiagnosis d = diagnose("powerlaw:a=2,b=0", "inf", 200_000);
        assertThat(d.verdict()).isEqualTo(BenignDiagnosis.Verdict.NOT_BENIGN);
        for (RankSummary r : d.rows()) {
            // r_k ≈ k for λ_k = k^-2, so k* ≈ n; R_k ≈ 3k, so n/R_k* ≈ 1/3
            assertThat(r.kStarOverN()).isBetween(0.95, 1.0);
            assertThat(r.nOverRkStar()).isCloseTo(1.0 / 3, within(0.005));
        }
        assertThat(d.reason()).contains("k*/n goes").contains("n/R_k* goes");
    }

    @Test
    void aShortGridIsUndetermined() {
        List<RankSummary> rows = new ArrayList<>();
        TheorySpectrum s = TheorySpectrum.ofValues(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, new double[0], "x");
        rows.add(new EffectiveRanks(s).summary(2, 1, 1));
        rows.add(new EffectiveRanks(s).summary(3, 1, 1));
        assertThat(BenignDiagnosis.of(rows).verdict()).isEqualTo(BenignDiagnosis.Verdict.UNDETERMINED);
    }
}
