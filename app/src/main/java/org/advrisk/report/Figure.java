package org.advrisk.report;

import java.util.List;

/**
 * One figure of a report as data, built from a run's numbers ({@link Figures}) before anything is
 * drawn: its axes (title, log or linear), its series in drawing order (simulated points with error
 * bars, theory lines, reference lines) and how each is shown. {@link Plots} draws it with XChart; the
 * same record serialises to JSON ({@link FigureJson}) for a page that draws it itself.
 *
 * @param id      file stem and HTML id
 * @param title   the chart title
 * @param caption what it shows, for the report
 * @param x       the horizontal axis
 * @param y       the vertical axis
 * @param series  every series in drawing (and legend) order
 */
public record Figure(String id, String title, String caption, Axis x, Axis y, List<Series> series) {
    public Figure {
        series = List.copyOf(series);
    }

    /**
     * An axis.
     *
     * @param title the axis title (with its unit)
     * @param log   logarithmic scale
     */
    public record Axis(String title, boolean log) {
    }

    /** What a series is. */
    public enum Role {
        /** Simulated values (means over trials). */
        DATA,
        /** A prediction: deterministic equivalents, the linearised model, a bound's order. */
        THEORY,
        /** A reference line: the ground truth, a lower bound. */
        REFERENCE
    }

    /** How a series is drawn. */
    public enum Style {
        /** Markers with ±1 standard-error bars. */
        POINTS,
        /** Markers only. */
        MARKERS,
        /** A line without markers (left out of a log axis when a value is ≤ 0: it has no place there). */
        LINE,
        /** A line through markers. */
        LINE_MARKERS
    }

    /** Line pattern. */
    public enum Stroke { SOLID, DASHED, DOTTED }

    /** Marker shape. */
    public enum Marker { NONE, CIRCLE, SQUARE, DIAMOND }

    /**
     * One series.
     *
     * @param name   legend entry
     * @param role   what it is
     * @param style  how it is drawn
     * @param x      horizontal values
     * @param y      vertical values (NaN: no value there)
     * @param errors ±1 standard error per point (POINTS only; null otherwise)
     * @param color  colour as #rrggbb
     * @param stroke line pattern (lines only; null otherwise)
     * @param marker marker shape
     */
    public record Series(String name, Role role, Style style, double[] x, double[] y, double[] errors, String color,
                         Stroke stroke, Marker marker) {
        /** Simulated means with error bars. */
        static Series points(String name, double[] x, double[] y, double[] errors, String color, Marker marker) {
            return new Series(name, Role.DATA, Style.POINTS, x, y, errors, color, null, marker);
        }

        /** A line of a given role. */
        static Series line(String name, Role role, double[] x, double[] y, String color, Stroke stroke) {
            return new Series(name, role, Style.LINE, x, y, null, color, stroke, Marker.NONE);
        }
    }

    /** The reference lines (ground truth, bounds) among the series. */
    public List<Series> references() {
        return series.stream().filter(s -> s.role() == Role.REFERENCE).toList();
    }

    /** The series of one role. */
    public List<Series> of(Role role) {
        return series.stream().filter(s -> s.role() == role).toList();
    }

    /** The series of that name, if any. */
    public java.util.Optional<Series> named(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
