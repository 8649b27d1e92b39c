package org.advrisk.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A simulation's price covers its test sample, and its work stops at its deadline (issue 25). */
class SimulationCostTest {

    private static SimulationRequest parse(String... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], List.of(kv[i + 1]));
        }
        return SimulationRequest.parse(Query.of(m, SimulationRequest.ALLOWED));
    }

    @Test
    void theRademacherTestSampleIsPricedAndRefusedBeyondTheLimit() {
        // training: 200 × 2² × 1e6 = 8e8 flops and 4e8 draws, well inside; the test sample draws
        // 200 × 1e5 × 1e6 = 2e13 numbers: refused, naming test-size (was: accepted, ~an hour of a core)
        assertThatThrownBy(() -> parse("n", "2", "p", "1000000", "design", "rademacher", "trials", "200",
                "test-size", "100000"))
                .isInstanceOf(RefusedRequest.class).hasMessageStartingWith("test-size: 100000 test rows");
        // the same with a Gaussian design has no test sample and is accepted
        assertThat(parse("n", "2", "p", "1000000", "trials", "200", "test-size", "100000").flops())
                .isLessThanOrEqualTo(8e8);
        // a small Rademacher request is priced with its test sample: 1 × 20² × 40 + 1 × 1000 × 40 × 3 λ
        SimulationRequest r = parse("n", "20", "p", "40", "design", "rademacher", "test-size", "1000",
                "lambda", "0.1,1,10");
        assertThat(r.flops()).isEqualTo(20.0 * 20 * 40 + 1000.0 * 40 * 3);
    }

    @Test
    void aJobPastItsDeadlineStopsAtTheNextTrainingSetAndSaysWhy() {
        SimulationRequest r = parse("n", "20", "p", "40", "trials", "50");
        int[] ended = {0};
        SimulationJob job = new SimulationJob("1", r, () -> ended[0]++, 0);
        job.run();
        assertThat(job.state()).isEqualTo(SimulationJob.State.FAILED);
        Map<String, Object> status = job.status();
        assertThat((int) status.get("done")).isZero();
        assertThat((String) status.get("message")).startsWith("simulate: stopped at its deadline");
        assertThat(ended[0]).isEqualTo(1);
    }
}
