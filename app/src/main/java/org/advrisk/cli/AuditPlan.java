package org.advrisk.cli;

import org.advrisk.audit.AuditCost;
import org.advrisk.audit.MappedModel;

/**
 * The size of an audit as its flags and the table's row count set it, checked before any split is drawn
 * or any model fitted ({@link AuditCost}), with the size of the model {@code --save-model} would write.
 */
final class AuditPlan {
    private AuditPlan() {
    }

    /**
     * Checks and returns the cost of an audit of {@code n} rows (and {@code nTestFile} rows of a --test
     * table; 0 without one, when this is called before that table is counted and skips the check).
     */
    static AuditCost cost(AuditCommand c, long n, long nTestFile, long p, long lambdas, long attacks, long alphas, long deltas,
                          String map) {
        boolean external = c.model != null;
        boolean testFile = c.testFile != null;
        long nTest = external ? n : testFile ? nTestFile : c.cv != null ? (n + c.cv - 1) / Math.max(1, c.cv)
                : (long) Math.ceil((c.testFraction == null ? 0.25 : c.testFraction) * n);
        long splits = external || testFile ? 1 : c.cv != null ? c.cv : c.repeats;
        String flag = external || testFile ? null : c.cv != null ? "--cv" : "--repeats";
        AuditCost cost = new AuditCost(n + (testFile ? nTestFile : 0), p, Math.max(1, splits), flag, nTest,
                external ? 1 : lambdas, attacks, alphas, deltas, map, c.pgdSteps, c.pgdRestarts);
        if (testFile && nTestFile == 0) {
            return cost; // checked again once the test table is counted
        }
        cost.require();
        if (c.saveModel != null && !map.trim().equalsIgnoreCase("none")) {
            MappedModel.requireSavable(map, n, (int) p);
        }
        return cost;
    }
}
