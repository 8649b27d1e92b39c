package org.advrisk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.experiment.Aggregation.Stats;
import org.advrisk.stats.Verdict;

/** Builds the self-contained report.html (inline CSS and SVG; nothing fetched from the network). */
final class HtmlReport {
    private static final int MAX_TABLE_ROWS = 120;

    private final StringBuilder b = new StringBuilder();

    HtmlReport(String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.esc(title))
                .append("</title><style>").append(Html.CSS).append("</style></head><body>\n");
        b.append("<h1>").append(Html.esc(title)).append("</h1>\n");
    }

    HtmlReport raw(String html) {
        b.append(html).append('\n');
        return this;
    }

    HtmlReport para(String cls, String text) {
        b.append("<p class=\"").append(cls).append("\">").append(Html.esc(text)).append("</p>\n");
        return this;
    }

    HtmlReport heading(int level, String text, String id) {
        b.append("<h").append(level).append(id == null ? "" : " id=\"" + id + "\"").append(">").append(Html.esc(text))
                .append("</h").append(level).append(">\n");
        return this;
    }

    /** The full statistics table of the verdicts, folded, and their rules, each once ({@link FirstScreen#details}). */
    HtmlReport verdicts(List<Verdict> vs) {
        b.append(FirstScreen.details(vs, false));
        return this;
    }

    /** The first screen's cards ({@link FirstScreen#cards}); figure paths relative to {@code base}. */
    HtmlReport cards(List<FirstScreen.Card> cards, java.nio.file.Path base) {
        b.append(FirstScreen.cards(cards, base));
        return this;
    }

    /** The comparison with the other mode's reproduction, when reproduce wrote one. */
    HtmlReport flips(java.nio.file.Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return this;
        }
        JsonNode f = org.advrisk.experiment.Json.MAPPER.readTree(file.toFile());
        String other = f.path("other_mode").asText();
        JsonNode list = f.path("flips");
        b.append("<p id=\"verdict-flips\" class=\"note\"><b>Compared with the ").append(Html.esc(other))
                .append(" reproduction</b> in <code>").append(Html.esc(f.path("compared_with").asText())).append("</code>: ")
                .append(list.isEmpty() ? "no verdict differs." : list.size() + " verdict" + (list.size() == 1 ? "" : "s")
                        + " differ:").append("</p>\n");
        if (!list.isEmpty()) {
            b.append("<ul class=\"flips\">");
            for (JsonNode n : list) {
                b.append("<li><b>flips</b>: ").append(Html.esc(n.path("claim").asText())).append(" [")
                        .append(Html.esc(n.path("setting").asText())).append("]: ").append(Html.esc(n.path("here").asText()))
                        .append(" here, ").append(Html.esc(n.path("there").asText())).append(" in the ")
                        .append(Html.esc(other)).append(" run</li>");
            }
            b.append("</ul>\n");
        }
        return this;
    }

    /** The run's manifest facts and spec. */
    HtmlReport run(RunData d) throws IOException {
        JsonNode m = d.manifest();
        JsonNode env = m.path("environment");
        b.append("<table class=\"manifest\"><tbody>");
        row("directory", d.dir().toString());
        // The status as a reader should see it (a dead run is "interrupted"), with the trials this page plots.
        long plotted = d.rows().stream().map(r -> r.get(org.advrisk.experiment.ResultStore.KEY)).distinct().count();
        long total = m.path("trials").path("total").asLong();
        row("status", org.advrisk.experiment.ResultStore.status(d.dir()) + " (" + plotted + " of " + total
                + (total == 1 ? " trial)" : " trials)"));
        row("started / finished", m.path("started").asText() + " / " + m.path("finished").asText("—"));
        row("advrisk", env.path("advrisk").asText());
        row("Java", env.path("java").asText());
        row("BLAS", env.path("blas").asText());
        row("machine", env.path("host").asText() + ", " + env.path("os").asText() + ", " + env.path("cores").asText() + " cores");
        b.append("</tbody></table>\n");
        b.append("<details><summary>spec</summary><pre class=\"spec\">")
                .append(Html.esc(new YAMLMapper().writeValueAsString(m.get("spec")).replaceFirst("^---\\n", "")))
                .append("</pre></details>\n");
        return this;
    }

    private void row(String k, String v) {
        b.append("<tr><th>").append(Html.esc(k)).append("</th><td>").append(Html.esc(v)).append("</td></tr>");
    }

    /** The figures as linked images of the run directory with their titles and captions as text. */
    HtmlReport plots(List<Plots.Plot> plots, java.nio.file.Path base) {
        for (Plots.Plot p : plots) {
            b.append(FirstScreen.figure(p, base, "plot", true));
        }
        return this;
    }

    /** The trade-off table of one setting and α. */
    HtmlReport tradeOffs(String caption, List<TradeOff> ts) {
        b.append("<table class=\"tradeoff\"><caption>").append(Html.esc(caption)).append("</caption><thead><tr>")
                .append("<th>n</th><th>λ_std</th><th>λ_adv</th><th>A</th><th>S</th><th>gap G</th><th>min R</th>")
                .append("<th>min R_α</th><th>R_α(θ̂_λstd)</th><th>α²‖θ*‖²</th></tr></thead><tbody>\n");
        for (TradeOff t : ts) {
            b.append("<tr>");
            num(t.n());
            num(t.lambdaStd());
            num(t.lambdaAdv());
            num(t.a());
            num(t.s());
            num(t.gap());
            num(t.minStd());
            num(t.minAdv());
            num(t.advAtStd());
            num(t.gt());
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        return this;
    }

    /**
     * Summary table of an NTK run (family ntk): risks with the first-order surrogate, E‖∇f̂‖², and the
     * linearisation (λ_eff, c0, c1, c2, its operator-norm error, linear ridge at λ_eff).
     */
    HtmlReport ntkSummary(String caption, List<Group> groups) {
        b.append("<table class=\"summary\"><caption>").append(Html.esc(caption)).append("</caption><thead><tr>")
                .append("<th>n</th><th>d</th><th>m</th><th>λ</th><th>α</th><th>trials</th><th>R</th><th>R_α (PGD)</th>")
                .append("<th>R_α (first order)</th><th>α²‖θ*‖²</th><th>E‖∇f̂‖²</th><th>λ_eff</th><th>c0</th><th>c1</th>")
                .append("<th>c2</th><th>lin. error</th><th>R (lin. ridge)</th><th>R_α (lin. ridge)</th>")
                .append("<th>corr. with lin. ridge</th>");
        return rows(groups, g -> {
            num(g.number(Columns.N));
            num(g.number(Columns.D));
            b.append("<td class=\"num\">").append(Html.esc(g.text(Columns.M))).append("</td>");
            risks(g);
            pm(g, Columns.ADV_RISK_FIRST_ORDER);
            num(g.mean(Columns.GT_ADV_RISK));
            pm(g, Columns.NORM_L2_SQ);
            for (org.advrisk.columns.Column c : new org.advrisk.columns.Column[] {Columns.LAMBDA_EFF, Columns.C0,
                Columns.C1, Columns.C2, Columns.LIN_ERROR, Columns.LIN_STD_RISK, Columns.LIN_ADV_RISK, Columns.LIN_CORR}) {
                num(g.mean(c));
            }
        });
    }

    /** Summary table (mean ± standard error over trials) of the groups. */
    HtmlReport summary(String caption, List<Group> groups, boolean theory) {
        b.append("<table class=\"summary\"><caption>").append(Html.esc(caption)).append("</caption><thead><tr>")
                .append("<th>n</th><th>p</th><th>λ</th><th>α</th><th>trials</th><th>R</th><th>R_α</th>")
                .append("<th>α²‖θ*‖²_q</th><th>‖θ̂‖²</th><th>α_c</th>");
        if (theory) {
            b.append("<th>R (DE)</th><th>R_α (DE)</th><th>‖θ̂‖² (DE)</th>");
        }
        return rows(groups, g -> {
            num(g.number(Columns.N));
            num(g.number(Columns.P));
            risks(g);
            num(g.mean(Columns.GT_ADV_RISK));
            pm(g, Columns.NORM_L2_SQ);
            num(g.mean(Columns.ALPHA_C));
            if (theory) {
                num(g.mean(Columns.DE_STD_RISK));
                num(g.mean(Columns.DE_ADV_RISK));
                num(g.mean(Columns.DE_NORM_L2_SQ));
            }
        });
    }

    /** The cells λ, α, trials, R ± se, R_α ± se of a group. */
    private void risks(Group g) {
        num(g.number(Columns.LAMBDA));
        num(g.number(Columns.ALPHA));
        Stats r = g.stats(Columns.STD_RISK);
        num(r == null ? 0 : r.count());
        pm(g, Columns.STD_RISK);
        pm(g, Columns.ADV_RISK);
    }

    /** Ends a group table's head, writes a row per group (the first {@link #MAX_TABLE_ROWS}) and the note on the rest. */
    private HtmlReport rows(List<Group> groups, java.util.function.Consumer<Group> cells) {
        b.append("</tr></thead><tbody>\n");
        for (Group g : groups.subList(0, Math.min(groups.size(), MAX_TABLE_ROWS))) {
            b.append("<tr>");
            cells.accept(g);
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        if (groups.size() > MAX_TABLE_ROWS) {
            para("note", "First " + MAX_TABLE_ROWS + " of " + groups.size() + " rows; all rows are in results.csv.");
        }
        return this;
    }

    private void pm(Group g, org.advrisk.columns.Column col) {
        Stats s = g.stats(col);
        if (s == null) {
            b.append("<td class=\"num\">—</td>");
            return;
        }
        b.append("<td class=\"num\">").append(RunData.fmt(s.mean()));
        if (s.count() > 1) {
            b.append(" ± ").append(RunData.fmt(s.se()));
        }
        b.append("</td>");
    }

    private void num(double v) {
        b.append("<td class=\"num\">").append(Html.esc(v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                : RunData.fmt(v))).append("</td>");
    }

    static String settingCaption(Map<String, Object> s) {
        return RunData.label(s);
    }

    String finish() {
        b.append("<p class=\"note\">Conventions: no intercept; x = Σ^{1/2}z; ridge θ̂_λ = argmin (1/n)‖y − Xθ‖² + λ‖θ‖²"
                + " (scikit-learn's alpha = nλ), λ = 0 is the min-norm interpolator; risks are excess risks against the"
                + " clean response ⟨x, θ*⟩ (no σ² floor) unless the target says otherwise; R_α = E sup_{‖δ‖_p ≤ α}"
                + " (⟨x+δ, θ̂⟩ − ⟨x, θ*⟩)², computed in closed form for Gaussian designs. Simulated values are means over"
                + " trials ± one standard error; DE = deterministic equivalent (docs/theory.md §4).</p>\n");
        b.append("</body></html>\n");
        return b.toString();
    }
}
