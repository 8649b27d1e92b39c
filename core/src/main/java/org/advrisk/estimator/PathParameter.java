package org.advrisk.estimator;

import org.advrisk.columns.Column;
import org.advrisk.param.NumberParam;

/**
 * The parameter an estimator's path runs over (ridge λ, gf's time t, gd's steps K, advtrain's δ, …):
 * the output column that carries it, its declaration (name, range, default list, help) and an example
 * for messages. Its flag is {@code --NAME}, its spec field {@code NAME}.
 *
 * @param column  the output column of the value
 * @param param   the declaration: name (flag and spec field), range, default list ("" = required), help
 * @param example a value list as a user writes it, for messages ({@code 0.5,1})
 */
public record PathParameter(Column column, NumberParam param, String example) {
    /** The flag and spec-field name. */
    public String name() {
        return param.name();
    }

    /** Parses a list (numbers and logspace:/linspace: grids), each value checked against the range. */
    public double[] parse(String text) {
        return param.parseList(text);
    }

    /** True when the parameter has a default list (it may be left out). */
    public boolean hasDefault() {
        return !param.defaultText().isEmpty();
    }
}
