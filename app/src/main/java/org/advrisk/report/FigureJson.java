package org.advrisk.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advrisk.stats.Verdict;

/**
 * A {@link Figure} as JSON-ready maps and lists (NaN and ±∞, which JSON lacks, become null): what the
 * explorer serves at {@code /api/figures} for a run directory, for a page that draws the figure itself.
 */
public final class FigureJson {
    private FigureJson() {
    }

    /** The figure's data: id, title, caption, axes, series (role, style, values, colour, stroke, marker). */
    public static Map<String, Object> of(Figure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("title", f.title());
        m.put("caption", f.caption());
        m.put("x", axis(f.x()));
        m.put("y", axis(f.y()));
        List<Map<String, Object>> series = new ArrayList<>();
        for (Figure.Series s : f.series()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", s.name());
            o.put("role", word(s.role()));
            o.put("style", word(s.style()));
            o.put("x", values(s.x()));
            o.put("y", values(s.y()));
            if (s.errors() != null) {
                o.put("errors", values(s.errors()));
            }
            o.put("color", s.color());
            if (s.stroke() != null) {
                o.put("stroke", word(s.stroke()));
            }
            o.put("marker", word(s.marker()));
            series.add(o);
        }
        m.put("series", series);
        return m;
    }

    /** A verdict for a page: claim, setting, decision, its CSS class (holds, fails, open) and the conditions. */
    public static Map<String, Object> verdict(Verdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claim", v.claim());
        m.put("setting", v.setting());
        m.put("decision", VerdictText.word(v));
        m.put("css", VerdictText.cssClass(v));
        m.put("statistics", VerdictText.statisticsCell(v));
        return m;
    }

    private static Map<String, Object> axis(Figure.Axis a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", a.title());
        m.put("scale", a.log() ? "log" : "linear");
        return m;
    }

    private static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static List<Double> values(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(Double.isFinite(x) ? x : null);
        }
        return out;
    }
}
