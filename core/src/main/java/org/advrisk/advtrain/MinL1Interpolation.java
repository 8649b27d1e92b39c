package org.advrisk.advtrain;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The dual of minimum-l1 interpolation, max yᵀa s.t. ‖Xᵀa‖_∞ ≤ 1 (and 1ᵀa = 0 with an intercept),
 * by commons-math3's dense simplex; its value is min{‖θ‖₁ : Xθ + b1 = y}, and 1/(n‖a‖_∞) is the δ̄ of
 * l∞ adversarial training.
 */
final class MinL1Interpolation {
    /** Largest n·p for which the dense simplex is attempted. */
    static final long MAX_ENTRIES = 40_000;

    private MinL1Interpolation() {
    }

    /** An optimal a, or null when the LP is too large or could not be solved. */
    static double[] dualSolution(AdvTrainData data) {
        int n = data.n();
        int p = data.p();
        if ((long) n * p > MAX_ENTRIES) {
            return null;
        }
        List<LinearConstraint> cons = new ArrayList<>();
        double[] x = data.x();
        for (int j = 0; j < p; j++) {
            double[] col = new double[n];
            System.arraycopy(x, j * n, col, 0, n);
            cons.add(new LinearConstraint(col, Relationship.LEQ, 1.0));
            cons.add(new LinearConstraint(col.clone(), Relationship.GEQ, -1.0));
        }
        if (data.intercept()) {
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            cons.add(new LinearConstraint(ones, Relationship.EQ, 0.0));
        }
        try {
            PointValuePair sol = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(1_000_000),
                    new LinearObjectiveFunction(data.y(), 0), new LinearConstraintSet(cons), GoalType.MAXIMIZE,
                    new NonNegativeConstraint(false));
            return sol.getPoint();
        } catch (MathIllegalStateException e) {
            return null;
        }
    }
}
