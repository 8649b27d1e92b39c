package org.advrisk.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowType;

/** Deterministic rows from the trial alone (a random value keyed by seed and trial), for runner tests. */
final class FakeEvaluator implements TrialEvaluator {
    private static final RowType TYPE = RowType.of("fake", Columns.LAMBDA, Columns.STD_RISK, Columns.ALPHA_C);
    final AtomicInteger calls = new AtomicInteger();
    private final String failOn;

    FakeEvaluator(String failOn) {
        this.failOn = failOn;
    }

    @Override
    public List<Row> evaluate(Trial t) {
        calls.incrementAndGet();
        if (failOn != null && t.key().contains(failOn)) {
            throw new IllegalArgumentException("lambda: 0 needs a full-rank Gram matrix");
        }
        SplittableRandom r = new SplittableRandom(t.seed() * 1_000_003L + t.point().n() * 31L + t.trial());
        List<Row> out = new ArrayList<>();
        for (double lambda : new double[] {0, 0.1}) {
            out.add(TYPE.row().set(Columns.LAMBDA, lambda).set(Columns.STD_RISK, r.nextDouble())
                    .set(Columns.ALPHA_C, Double.POSITIVE_INFINITY).build());
        }
        return out;
    }
}
