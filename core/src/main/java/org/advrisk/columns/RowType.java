package org.advrisk.columns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns of one kind of row in output order: every row of the type lists its columns in this
 * order (CSV header, JSON keys, run directory), optional columns only when set. Row types are declared
 * in {@link RowTypes}; {@link #then} joins two (a run's grid-point columns, then the family's).
 *
 * @param name     the row type's name
 * @param columns  all columns in output order
 * @param optional the columns a row may leave out
 */
public record RowType(String name, List<Column> columns, Set<Column> optional) {
    private static final Map<String, RowType> JOINED = new ConcurrentHashMap<>();

    public RowType {
        columns = List.copyOf(columns);
        optional = Set.copyOf(optional);
        if (new LinkedHashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("row type " + name + ": a column appears twice");
        }
        for (Column c : columns) {
            if (Columns.find(c.name()).orElse(null) != c) {
                throw new IllegalArgumentException("row type " + name + ": column " + c.name() + " is not the registered"
                        + " one (declare it in org.advrisk.columns.Columns)");
            }
        }
        if (!columns.containsAll(optional)) {
            throw new IllegalArgumentException("row type " + name + ": an optional column is not one of its columns");
        }
    }

    /** A row type whose columns are all required. */
    public static RowType of(String name, Column... columns) {
        return new RowType(name, Arrays.asList(columns), Set.of());
    }

    /** Starts a row type with required and optional parts in order. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Position of a column in the output order, or -1 when the type has no such column. */
    public int indexOf(Column c) {
        return columns.indexOf(c);
    }

    /** The column names in output order (every column, optional ones included). */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** Starts a row of this type. */
    public Row.Builder row() {
        return new Row.Builder(this);
    }

    /**
     * This type's columns followed by those of {@code next} that it does not have (cached): the order
     * in which a run stores a family's rows after the grid point's columns.
     */
    public RowType then(RowType next) {
        return JOINED.computeIfAbsent(name + "+" + next.name(), k -> {
            List<Column> cols = new ArrayList<>(columns);
            Set<Column> opt = new LinkedHashSet<>(optional);
            for (Column c : next.columns()) {
                if (!cols.contains(c)) {
                    cols.add(c);
                    if (next.optional().contains(c)) {
                        opt.add(c);
                    }
                }
            }
            return new RowType(k, cols, opt);
        });
    }

    /** Declares a row type part by part. */
    public static final class Builder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final Set<Column> optional = new LinkedHashSet<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Columns every row has. */
        public Builder required(Column... cs) {
            columns.addAll(Arrays.asList(cs));
            return this;
        }

        /** Columns a row may leave out (a group set together, e.g. the de_* predictions). */
        public Builder optional(Column... cs) {
            columns.addAll(Arrays.asList(cs));
            optional.addAll(Arrays.asList(cs));
            return this;
        }

        /** The row type. */
        public RowType build() {
            return new RowType(name, columns, optional);
        }
    }
}
