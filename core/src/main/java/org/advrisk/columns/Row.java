package org.advrisk.columns;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One output row: values by {@link Column}, in the order of its {@link RowType}. Built column by
 * column ({@link RowType#row()}, {@link #toBuilder()}); every value is checked against its column's
 * kind and every required column must be set. {@link #toMap()} gives the ordered name → value map the
 * CSV/JSON writers and the run directory take.
 */
public final class Row {
    private final RowType type;
    private final Object[] values;

    private Row(RowType type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    /** The row's type. */
    public RowType type() {
        return type;
    }

    /** The value of a column, or null when the row does not have it. */
    public Object get(Column c) {
        int i = type.indexOf(c);
        return i < 0 ? null : values[i];
    }

    /** The value of a registered column by name, or null when the row does not have it. */
    public Object get(String name) {
        return get(Columns.of(name));
    }

    /** True when the row has a value for the column. */
    public boolean has(Column c) {
        return get(c) != null;
    }

    /** A numeric value (the column must be set). */
    public double number(Column c) {
        return ((Number) require(c)).doubleValue();
    }

    /** An integer value (the column must be set). */
    public long integer(Column c) {
        return ((Number) require(c)).longValue();
    }

    /** A text value (the column must be set). */
    public String text(Column c) {
        return (String) require(c);
    }

    private Object require(Column c) {
        Object v = get(c);
        if (v == null) {
            throw new IllegalStateException("row " + type.name() + " has no column " + c.name());
        }
        return v;
    }

    /** The columns the row has, in output order. */
    public List<Column> columns() {
        return type.columns().stream().filter(this::has).toList();
    }

    /** Calls the action for every column the row has, in output order. */
    public void forEach(BiConsumer<Column, Object> action) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                action.accept(type.columns().get(i), values[i]);
            }
        }
    }

    /** Column name → value in output order (what the CSV/JSON writers and the run directory take). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        forEach((c, v) -> m.put(c.name(), v));
        return m;
    }

    /** A builder holding this row's values (to add or replace columns). */
    public Builder toBuilder() {
        Builder b = new Builder(type);
        System.arraycopy(values, 0, b.values, 0, values.length);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.type.equals(type) && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return type.name() + toMap();
    }

    /** Builds a row of one type, column by column. */
    public static final class Builder {
        private final RowType type;
        private final Object[] values;

        Builder(RowType type) {
            this.type = type;
            this.values = new Object[type.columns().size()];
        }

        /** Sets a column not set yet. */
        public Builder set(Column c, Object v) {
            int i = index(c);
            if (values[i] != null) {
                throw new IllegalStateException("row " + type.name() + ": column " + c.name() + " is set twice");
            }
            values[i] = c.check(v);
            return this;
        }

        /** Sets a column, replacing its value if it has one. */
        public Builder put(Column c, Object v) {
            values[index(c)] = c.check(v);
            return this;
        }

        /** Sets (or replaces) every column of another row. */
        public Builder putAll(Row r) {
            r.forEach(this::put);
            return this;
        }

        private int index(Column c) {
            int i = type.indexOf(c);
            if (i < 0) {
                throw new IllegalStateException("row " + type.name() + " has no column " + c.name());
            }
            return i;
        }

        /** The row; every required column must be set. */
        public Row build() {
            for (int i = 0; i < values.length; i++) {
                Column c = type.columns().get(i);
                if (values[i] == null && !type.optional().contains(c)) {
                    throw new IllegalStateException("row " + type.name() + ": required column " + c.name() + " is not set");
                }
            }
            return new Row(type, values.clone());
        }
    }
}
