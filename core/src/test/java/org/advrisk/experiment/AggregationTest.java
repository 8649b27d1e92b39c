package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.experiment.Aggregation.Stats;
import org.junit.jupiter.api.Test;

class AggregationTest {
    private static Map<String, Object> row(Object n, double lambda, long trial, double risk) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spectrum", "isotropic");
        m.put("n", n);
        m.put("lambda", lambda);
        m.put("trial", trial);
        m.put("seed", 1L);
        m.put("std_risk", risk);
        return m;
    }

    @Test
    void handComputedExample() {
        // Values 1, 2, 3, 4 at (n=50, λ=0): mean 2.5; sample variance ((1.5² + 0.5²)·2)/3 = 5/3,
        // se = √(5/3)/√4 = 0.6454972…; type-7 quartiles: h = (4−1)·0.25 = 0.75 → 1 + 0.75 = 1.75,
        // median 2.5, h = 2.25 → 3 + 0.25 = 3.25.
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(50, 0.0, 0, 3.0));
        rows.add(row(50L, 0.0, 1, 1.0));
        rows.add(row(100, 0.0, 0, 10.0));
        rows.add(row(50, 0.0, 2, 4.0));
        rows.add(row(50.0, 0.0, 3, 2.0));
        List<Group> gs = Aggregation.summarize(rows);
        assertThat(gs).hasSize(2);
        Group g = gs.get(0);
        assertThat(g.key()).containsOnlyKeys("spectrum", "n", "lambda");
        assertThat(g.number("n")).isEqualTo(50);
        assertThat(g.stats()).containsOnlyKeys("std_risk");
        Stats s = g.stats().get("std_risk");
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.se()).isCloseTo(Math.sqrt(5.0 / 3.0) / 2, within(1e-15));
        assertThat(s.median()).isEqualTo(2.5);
        assertThat(s.q1()).isCloseTo(1.75, within(1e-15));
        assertThat(s.q3()).isCloseTo(3.25, within(1e-15));
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(4.0);
        Stats one = gs.get(1).stats().get("std_risk");
        assertThat(one.count()).isEqualTo(1);
        assertThat(one.mean()).isEqualTo(10.0);
        assertThat(one.se()).isNaN();
        assertThat(one.q1()).isEqualTo(10.0);
    }

    @Test
    void oddCountQuartiles() {
        // 1, 2, 3: type 7 gives q1 = 1.5, median 2, q3 = 2.5 (numpy.percentile's default).
        Stats s = Stats.of(new double[] {3, 1, 2});
        assertThat(s.q1()).isEqualTo(1.5);
        assertThat(s.median()).isEqualTo(2.0);
        assertThat(s.q3()).isEqualTo(2.5);
    }
}
