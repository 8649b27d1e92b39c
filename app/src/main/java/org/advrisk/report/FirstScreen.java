package org.advrisk.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Verdict;

/**
 * The report's first screen and its folded details: one card per part (headline figure, the verdicts'
 * decisions, one sentence with the key numbers and intervals), then the full statistics table inside a
 * closed {@code <details>}, each row linking to its rule, and the rules once each. Figures are linked
 * files of the run directory ({@code <img>} of the PNG, a link to the SVG), never inlined.
 */
final class FirstScreen {
    private FirstScreen() {
    }

    /**
     * One card of the first screen.
     *
     * @param id       HTML id (the part's name)
     * @param title    the part's heading
     * @param plot     the headline figure (null: none)
     * @param verdicts the part's verdicts
     * @param sentence the sentence with the key numbers
     * @param link     where the part's details are (an anchor or a file), or null
     */
    record Card(String id, String title, Plots.Plot plot, List<Verdict> verdicts, String sentence, String link) {
    }

    /** The cards of the parts, with a line counting the decisions above them. */
    static String cards(List<Card> cards, Path base) {
        StringBuilder b = new StringBuilder();
        List<Verdict> all = new ArrayList<>();
        cards.forEach(c -> all.addAll(c.verdicts()));
        Map<Decision, Integer> counts = new LinkedHashMap<>();
        for (Decision d : Decision.values()) {
            counts.put(d, 0);
        }
        all.forEach(v -> counts.merge(v.decision(), 1, Integer::sum));
        b.append("<p class=\"counts\">").append(all.size()).append(all.size() == 1 ? " verdict: " : " verdicts: ");
        List<String> parts = new ArrayList<>();
        counts.forEach((d, k) -> {
            if (k > 0) {
                parts.add("<span class=\"badge " + css(d) + "\">" + k + " " + d.word() + "</span>");
            }
        });
        b.append(String.join(" ", parts)).append(" · <a href=\"#verdict-details\">full statistics</a> · <a href=\"#rules\">")
                .append("rules</a></p>\n<div class=\"headlines\">\n");
        for (Card c : cards) {
            b.append("<section class=\"card\" id=\"head-").append(Html.esc(c.id())).append("\">");
            if (c.plot() != null) {
                b.append(figure(c.plot(), base, "thumb", false));
            }
            b.append("<h3>").append(c.link() == null ? Html.esc(c.title()) : "<a href=\"" + Html.esc(c.link()) + "\">"
                    + Html.esc(c.title()) + "</a>").append("</h3><p class=\"decisions\">");
            for (Verdict v : c.verdicts()) {
                b.append("<span class=\"badge ").append(css(v.decision())).append("\" title=\"")
                        .append(Html.esc(v.claim() + " [" + v.setting() + "]")).append("\">")
                        .append(Html.esc(label(v, c.verdicts()))).append(": ").append(v.decision().word()).append("</span> ");
            }
            b.append("</p><p class=\"sentence\">").append(Html.esc(c.sentence())).append("</p></section>\n");
        }
        return b.append("</div>\n").toString();
    }

    /** A short label of a verdict on its card: the claim up to its colon, with the data set if claims repeat. */
    static String label(Verdict v, List<Verdict> all) {
        String claim = v.claim();
        int colon = claim.indexOf(':');
        String shortClaim = colon > 0 ? claim.substring(0, colon) : claim;
        long same = all.stream().filter(w -> w.claim().equals(v.claim())).count();
        if (same > 1) {
            String set = v.setting().split("[:,]")[0];
            String alpha = v.setting().contains("α = ") ? " " + v.setting().substring(v.setting().lastIndexOf("α = "))
                    .split(" \\(")[0] : "";
            shortClaim = (claim.startsWith("(") ? claim.substring(0, claim.indexOf(')') + 1) : shortClaim) + " " + set + alpha;
        }
        return shortClaim.length() > 60 ? shortClaim.substring(0, 59) + "…" : shortClaim;
    }

    /**
     * One figure: the PNG (sized by the page's CSS, lazily loaded unless on the first screen) linking to
     * the SVG, with the title and caption as page text.
     */
    static String figure(Plots.Plot p, Path base, String cls, boolean lazy) {
        String png = relative(base, p.png());
        String svg = relative(base, p.svg());
        StringBuilder b = new StringBuilder();
        b.append("<figure id=\"").append(cls.equals("thumb") ? "thumb-" : "plot-").append(Html.esc(p.id()))
                .append("\" class=\"").append(cls).append("\"><a href=\"").append(Html.esc(svg)).append("\"><img src=\"")
                .append(Html.esc(png)).append("\" alt=\"").append(Html.esc(p.title())).append("\" width=\"1100\" height=\"600\"")
                .append(lazy ? " loading=\"lazy\"" : "").append("></a><figcaption><b>").append(Html.esc(p.title()))
                .append(".</b>");
        if (!cls.equals("thumb")) {
            b.append(" ").append(Html.esc(p.caption())).append(" Files: <a href=\"").append(Html.esc(png)).append("\">")
                    .append(Html.esc(png)).append("</a>, <a href=\"").append(Html.esc(svg)).append("\">")
                    .append(Html.esc(svg)).append("</a>.");
        }
        return b.append("</figcaption></figure>\n").toString();
    }

    /** The path of a file relative to the page's directory, with '/' separators. */
    static String relative(Path base, Path file) {
        Path rel = base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        return rel.toString().replace(java.io.File.separatorChar, '/');
    }

    /** The full statistics table, folded, each row linking to its rule; then every rule once. */
    static String details(List<Verdict> vs, boolean open) {
        List<String> rules = new ArrayList<>();
        for (Verdict v : vs) {
            if (!rules.contains(v.rule())) {
                rules.add(v.rule());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("<details id=\"verdict-details\"").append(open ? " open" : "").append("><summary>Full statistics of ")
                .append(vs.size() == 1 ? "the verdict" : "all " + vs.size() + " verdicts")
                .append(" (each condition: estimate [95% interval] vs threshold)</summary>\n")
                .append("<table id=\"verdicts\" class=\"verdicts\"><thead><tr><th>claim</th><th>setting</th>")
                .append("<th>what was measured</th><th>statistic [95% interval] vs threshold</th><th>the numbers</th>")
                .append("<th>verdict</th><th>rule</th></tr></thead><tbody>\n");
        for (Verdict v : vs) {
            int k = rules.indexOf(v.rule()) + 1;
            b.append("<tr><td>").append(Html.esc(v.claim())).append("</td><td>").append(Html.esc(v.setting()))
                    .append("</td><td>").append(Html.esc(v.measured())).append("</td><td>")
                    .append(Html.esc(VerdictText.statisticsCell(v))).append("</td><td class=\"numbers\">")
                    .append(Html.esc(VerdictText.numbers(v))).append("</td><td class=\"").append(VerdictText.cssClass(v))
                    .append("\">").append(VerdictText.word(v)).append("</td><td><a href=\"#rule-").append(k)
                    .append("\">rule ").append(k).append("</a></td></tr>\n");
        }
        b.append("</tbody></table></details>\n<section id=\"rules\"><h2>Rules</h2><ol class=\"rule\">");
        for (int i = 0; i < rules.size(); i++) {
            b.append("<li id=\"rule-").append(i + 1).append("\">").append(Html.esc(rules.get(i))).append("</li>");
        }
        return b.append("</ol></section>\n").toString();
    }

    private static String css(Decision d) {
        return d == Decision.HOLDS ? "holds" : d == Decision.INCONCLUSIVE ? "open" : "fails";
    }
}
