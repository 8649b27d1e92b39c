package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.advrisk.theory.OracleFrontier;
import org.advrisk.theory.TheorySpectrum;
import org.junit.jupiter.api.Test;

/** {@code GET /api/theory}'s oracle field: the library's oracle frontier of the view's spectrum, θ*, attack, target, α. */
class ExploreOracleTest extends ExplorerServerFixture {
    @Test
    void theOracleFieldIsTheLibrarysFrontier() {
        for (String[] c : new String[][] {{"l2", "clean", "1.0"}, {"linf", "noisy", "0.3"}}) {
            Map<String, String> q = Http.params("spectrum", "powerlaw:a=1,b=2", "theta", "random:k=20,norm=1", "p",
                    "inf", "truncation", "2000", "n", "200", "alpha", c[2], "attack", c[0], "target", c[1],
                    "seed", "3", "n-grid", "100,200", "tradeoff-lambda", "logspace:-6,1,20");
            Http.Answer a = Http.get(base, "/api/theory?" + Http.query(q));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            JsonNode o = a.json().get("oracle");
            TheorySpectrum ts = TheorySpectrum.infinite(SpectrumSpec.parse("powerlaw:a=1,b=2"),
                    GroundTruthSpec.parse("random:k=20,norm=1").withSize(2000, 3).head(), 2000);
            OracleFrontier f = OracleFrontier.of(ts, AttackNorm.parse(c[0]), Target.parse(c[1]),
                    Double.parseDouble(c[2]), 0.5, Distribution.GAUSSIAN);
            assertThat(o.get("mu").size()).isEqualTo(f.size());
            int pareto = 0;
            for (int i = 0; i < f.size(); i++) {
                JsonNode mu = o.get("mu").get(i);
                assertThat(mu.isNull() ? Double.POSITIVE_INFINITY : mu.asDouble()).isEqualTo(f.mu(i));
                assertThat(o.get("std_risk").get(i).asDouble()).isEqualTo(f.stdRisk()[i]);
                assertThat(o.get("adv_risk").get(i).asDouble()).isEqualTo(f.advRisk()[i]);
                assertThat(o.get("norm_dual").get(i).asDouble()).isEqualTo(f.normDual()[i]);
                assertThat(o.get("pareto").get(i).asBoolean()).isEqualTo(f.pareto()[i]);
                pareto += f.pareto()[i] ? 1 : 0;
            }
            assertThat(pareto).as("a frontier with more than the ground truth").isGreaterThan(1);
            // the path starts at the ground truth
            assertThat(o.get("adv_risk").get(0).asDouble()).isEqualTo(a.json().get("gt_adv_risk").asDouble());
        }
    }
}
