package org.advrisk.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Deterministic rows from the trial alone (a random value keyed by seed and trial), for runner tests. */
final class FakeEvaluator implements TrialEvaluator {
    final AtomicInteger calls = new AtomicInteger();
    private final String failOn;

    FakeEvaluator(String failOn) {
        this.failOn = failOn;
    }

    @Override
    public List<Map<String, Object>> evaluate(Trial t) {
        calls.incrementAndGet();
        if (failOn != null && t.key().contains(failOn)) {
            throw new IllegalArgumentException("lambda: 0 needs a full-rank Gram matrix");
        }
        SplittableRandom r = new SplittableRandom(t.seed() * 1_000_003L + t.point().n() * 31L + t.trial());
        List<Map<String, Object>> out = new ArrayList<>();
        for (double lambda : new double[] {0, 0.1}) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lambda", lambda);
            m.put("std_risk", r.nextDouble());
            m.put("alpha_c", Double.POSITIVE_INFINITY);
            out.add(m);
        }
        return out;
    }
}
