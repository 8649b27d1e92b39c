package org.advrisk.estimator;

import java.util.List;
import org.advrisk.columns.Column;

/**
 * One kind of estimator as the front doors know it: its name (the word after {@code --estimator} and
 * in a spec's {@code estimator:} list, and the {@code estimator} column of its rows), a one-line
 * summary, the path parameter it runs over, its other settings, its capabilities and the columns its
 * rows add. Built-ins are in {@link Estimators}; more are found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/org.advrisk.estimator.EstimatorKind} file naming the class).
 */
public interface EstimatorKind {
    /** The estimator's name (lower case, letters and digits). */
    String name();

    /** What it is, in one line. */
    String summary();

    /** The parameter its path runs over. */
    PathParameter parameter();

    /** Its other settings (none by default). */
    default List<Setting> settings() {
        return List.of();
    }

    /** What it can do. */
    Capabilities capabilities();

    /**
     * The columns its rows add to the row type of their door (after the row type's own columns); other
     * estimators' rows in the same output carry them empty (NaN / "" / 0). Built-ins add none here: their
     * columns are declared in the row types.
     */
    default List<Column> columns() {
        return List.of(parameter().column());
    }
}
