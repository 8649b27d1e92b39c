package org.advrisk.columns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnsTest {
    @Test
    void everyColumnOfEveryRowTypeIsTheRegisteredOneWithAMeaningAndAUnit() {
        Set<String> names = new HashSet<>();
        for (Column c : Columns.all()) {
            assertThat(names.add(c.name())).as("%s registered once", c.name()).isTrue();
            assertThat(c.meaning()).as(c.name()).isNotBlank();
            assertThat(c.unit()).as(c.name()).isNotBlank();
            assertThat(Columns.of(c.name())).isSameAs(c);
        }
        for (RowType t : RowTypes.all()) {
            for (Column c : t.columns()) {
                assertThat(Columns.find(c.name())).as("%s of %s", c.name(), t.name()).containsSame(c);
            }
        }
    }

    @Test
    void aRowTypeWithAColumnOutsideTheRegistryIsRefused() {
        Column stray = new Column("std_risk", "a second std_risk", "y²", Column.Kind.REAL);
        assertThatThrownBy(() -> RowType.of("stray", Columns.N, stray))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column std_risk is not the registered one");
        assertThatThrownBy(() -> Columns.of("no_such_column")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no_such_column' is not registered");
    }

    @Test
    void aRowListsItsColumnsInTheOrderOfItsTypeWhateverTheOrderTheyWereSetIn() {
        RowType t = RowType.builder("t").required(Columns.N, Columns.LAMBDA).optional(Columns.DE_STD_RISK)
                .required(Columns.STD_RISK).build();
        Row r = t.row().set(Columns.STD_RISK, 0.5).set(Columns.N, 10).set(Columns.LAMBDA, 0.1).build();
        assertThat(r.toMap().keySet()).containsExactly("n", "lambda", "std_risk");
        Row withDe = r.toBuilder().set(Columns.DE_STD_RISK, 0.4).build();
        assertThat(withDe.toMap().keySet()).containsExactly("n", "lambda", "de_std_risk", "std_risk");
        assertThat(withDe.get("de_std_risk")).isEqualTo(0.4);
        assertThat(withDe.number(Columns.N)).isEqualTo(10.0);
        assertThat(r.get(Columns.DE_STD_RISK)).isNull();
        assertThat(withDe.columns()).containsExactly(Columns.N, Columns.LAMBDA, Columns.DE_STD_RISK, Columns.STD_RISK);
    }

    @Test
    void aMissingRequiredColumnAValueOfTheWrongKindOrAColumnSetTwiceIsRefused() {
        RowType t = RowType.of("t", Columns.N, Columns.ATTACK);
        assertThatThrownBy(() -> t.row().set(Columns.N, 10).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("required column attack is not set");
        assertThatThrownBy(() -> t.row().set(Columns.N, 10.0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("column n: Double 10.0 is not of kind integer");
        assertThatThrownBy(() -> t.row().set(Columns.N, 1).set(Columns.N, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("column n is set twice");
        assertThatThrownBy(() -> t.row().set(Columns.ALPHA, 0.1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row t has no column alpha");
        assertThat(t.row().set(Columns.N, 1).put(Columns.N, 2L).set(Columns.ATTACK, "l2").build().get(Columns.N))
                .isEqualTo(2L);
    }

    @Test
    void sizesAcceptIntegersAndInfOnly() {
        assertThat(Column.Kind.SIZE.accepts(3)).isTrue();
        assertThat(Column.Kind.SIZE.accepts(3L)).isTrue();
        assertThat(Column.Kind.SIZE.accepts("inf")).isTrue();
        assertThat(Column.Kind.SIZE.accepts("infinite")).isFalse();
        assertThat(Column.Kind.SIZE.accepts(3.0)).isFalse();
    }

    @Test
    void aRunRowTypeIsThePointThenTheFamilysColumnsItDoesNotHaveYet() {
        RowType run = RowTypes.RUN.then(RowTypes.LINEAR);
        assertThat(run.names()).startsWith("family", "spectrum", "theta", "p_rule", "sigma", "design", "noise", "n", "p",
                "trial", "seed", "lambda", "estimator");
        assertThat(run.names()).endsWith("norm_dual", "alpha_c", "train_mse");
        // Each column once, and the family's order kept for the rest.
        List<String> rest = run.names().subList(RowTypes.RUN.columns().size(), run.columns().size());
        List<String> linear = RowTypes.LINEAR.names().stream().filter(rest::contains).toList();
        assertThat(rest).isEqualTo(linear);
        assertThat(run.optional()).contains(Columns.DE_STD_RISK, Columns.ESTIMATOR).doesNotContain(Columns.N);
        assertThat(RowTypes.RUN.then(RowTypes.LINEAR)).isSameAs(run);
    }
}
