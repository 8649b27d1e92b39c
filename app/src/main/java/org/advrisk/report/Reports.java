package org.advrisk.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.experiment.Json;
import org.advrisk.stats.Verdict;

/**
 * Renders run directories: {@code plots/*.png|svg} and {@code report.html}. A directory with a
 * {@code reproduce.json} is a reproduction: each part is rendered, then one page with every verdict.
 */
public final class Reports {
    /** The reproduction index file. */
    public static final String REPRODUCE = "reproduce.json";
    /** The comparison with the other mode's reproduction, written by reproduce (verdicts that flip). */
    public static final String FLIPS = "verdict-flips.json";

    private Reports() {
    }

    /** What a reproduction part shows. */
    public enum Role {
        /** Claim (i): min-norm over n. */
        CLAIM1,
        /** Claim (ii): ridge over λ at several n. */
        CLAIM2,
        /** The setting where the trade-off is predicted to be mild. */
        CONTRAST,
        /** Claim (iii): the NTK interpolator over n and the kernel ridge path (family ntk). */
        CLAIM3,
        /** Claim (iii): one finite network trained by GD against its kernel (family ntk, finite width). */
        CLAIM3_NET,
        /** Beyond the paper: adversarial training over δ against ridge over λ on the same training sets. */
        ADVTRAIN,
        /** Beyond the paper: gradient flow over its stopping time t against ridge over λ (and the oracle frontier). */
        EARLYSTOP,
        /** Claims (i) and (ii) on shipped real data ({@link RealDataPart}; no spec run). */
        REAL_DATA,
        /** Claim (iii) across activations and lazy/rich training ({@link RegimesPart}; no spec run). */
        REGIMES,
        /** Beyond the paper: who the attacker is (shaped budgets, label-preserving attacks; {@link AttackerVerdicts}). */
        ATTACKER;

        /** True for parts computed without a spec run (no run directory to load). */
        public boolean direct() {
            return this == REAL_DATA || this == REGIMES;
        }
    }

    /** The verdicts of a part without a run directory. */
    private static List<Verdict> directVerdicts(Part p, Path dir) throws IOException {
        return p.role() == Role.REGIMES ? RegimesPart.verdicts(dir) : RealDataPart.verdicts(dir);
    }

    /**
     * One part of a reproduction.
     *
     * @param name  sub-directory name
     * @param role  which verdicts it feeds
     * @param title heading
     * @param why   one paragraph: what it shows and why these sizes
     */
    public record Part(String name, Role role, String title, String why) {
    }

    /** Renders a run directory (or a reproduction); returns the report.html path. */
    public static Path render(Path dir) throws IOException {
        if (Files.exists(dir.resolve(REPRODUCE))) {
            return renderReproduction(dir);
        }
        RunData data = RunData.load(dir);
        boolean ntk = "ntk".equals(data.spec().family().label());
        List<Verdict> checks = checks(data);
        HtmlReport h = new HtmlReport("advrisk run: " + data.spec().name());
        List<Figure> figures = Figures.of(data);
        List<Plots.Plot> plots = new ArrayList<>(Plots.render(figures, dir.resolve("plots")));
        if (!ntk) {
            plots.addAll(EarlyStopPlots.render(data, dir.resolve("plots"))); // none without gradient-flow rows
        }
        h.cards(runCards(data, plots, figures, ntk), dir);
        if (!checks.isEmpty()) {
            h.para("note", "Checks computed from the numbers below by the stated rules (they apply to any run with enough n"
                    + " values at λ = 0, or a λ grid at several n).");
            h.verdicts(checks);
        }
        section(h, data, plots, null, dir);
        Path html = dir.resolve("report.html");
        Files.writeString(html, h.finish());
        return html;
    }

    /** The checks of a single run's report: claims (i) and (ii), or for the NTK family claim (iii)'s three. */
    public static List<Verdict> checks(RunData data) throws IOException {
        boolean ntk = "ntk".equals(data.spec().family().label());
        List<Verdict> checks = new ArrayList<>(ntk ? Verdicts.claimThree(data) : Verdicts.claimOne(data));
        checks.addAll(ntk ? Verdicts.claimThreeRidge(data) : Verdicts.claimTwo(data, false));
        if (ntk) {
            checks.addAll(Verdicts.network(data));
        } else {
            checks.addAll(EarlyStopVerdicts.verdicts(data)); // none without gradient-flow rows
        }
        return checks;
    }

    /**
     * The first screen of a single run: a card per kind of check (claim (i) or (iii) over n, the trade-off
     * along λ, the finite network), or, without checks, the run's first four figures.
     */
    private static List<FirstScreen.Card> runCards(RunData data, List<Plots.Plot> plots, List<Figure> figures,
                                                   boolean ntk) throws IOException {
        List<FirstScreen.Card> cards = new ArrayList<>();
        Role[] roles = ntk ? new Role[] {Role.CLAIM3, Role.CLAIM3_NET} : new Role[] {Role.CLAIM1, Role.CLAIM2};
        for (Role r : roles) {
            List<Verdict> vs = r == Role.CLAIM2 ? Verdicts.claimTwo(data, false) : verdicts(data, r);
            if (!vs.isEmpty()) {
                PartSummary ps = PartSummaries.of(r);
                cards.add(new FirstScreen.Card(r.name().toLowerCase(java.util.Locale.ROOT), vs.get(0).claim(),
                        thumb(ps.figure(plots), figures), vs, ps.sentence(vs, data), "#verdict-details"));
            }
        }
        for (int i = 0; cards.isEmpty() && i < plots.size() && i < 4; i++) {
            cards.add(new FirstScreen.Card(plots.get(i).id(), plots.get(i).title(), thumb(plots.get(i), figures), List.of(),
                    plots.get(i).caption(), "#plot-" + plots.get(i).id()));
        }
        return cards;
    }

    /** Verdicts of a reproduction directory (rendering nothing). */
    public static List<Verdict> verdicts(Path root) throws IOException {
        List<Verdict> out = new ArrayList<>();
        for (Part p : parts(root)) {
            out.addAll(p.role().direct() ? directVerdicts(p, root.resolve(p.name()))
                    : verdicts(RunData.load(root.resolve(p.name())), p.role()));
        }
        return out;
    }

    static List<Verdict> verdicts(RunData data, Role role) throws IOException {
        return switch (role) {
            case CLAIM1 -> Verdicts.claimOne(data);
            case CLAIM2 -> Verdicts.claimTwo(data, false);
            case CONTRAST -> Verdicts.claimTwo(data, true);
            case CLAIM3 -> {
                List<Verdict> v = new ArrayList<>(Verdicts.claimThree(data));
                v.addAll(Verdicts.claimThreeRidge(data));
                yield v;
            }
            case CLAIM3_NET -> Verdicts.network(data);
            case ADVTRAIN -> AdvTrainVerdicts.verdicts(data);
            case EARLYSTOP -> EarlyStopVerdicts.verdicts(data);
            case ATTACKER -> AttackerVerdicts.verdicts(data);
            case REAL_DATA, REGIMES -> throw new IllegalArgumentException("role: " + role + " has no run directory");
        };
    }

    /** Reads the parts of a reproduction. */
    public static List<Part> parts(Path root) throws IOException {
        JsonNode idx = Json.MAPPER.readTree(root.resolve(REPRODUCE).toFile());
        List<Part> out = new ArrayList<>();
        for (JsonNode p : idx.path("parts")) {
            out.add(new Part(p.path("name").asText(), Role.valueOf(p.path("role").asText()), p.path("title").asText(),
                    p.path("why").asText()));
        }
        return out;
    }

    private static Path renderReproduction(Path root) throws IOException {
        JsonNode idx = Json.MAPPER.readTree(root.resolve(REPRODUCE).toFile());
        List<Part> parts = parts(root);
        List<Verdict> all = new ArrayList<>();
        List<RunData> datas = new ArrayList<>();
        for (Part p : parts) {
            RunData d = p.role().direct() ? null : RunData.load(root.resolve(p.name()));
            datas.add(d);
            all.addAll(d == null ? directVerdicts(p, root.resolve(p.name())) : verdicts(d, p.role()));
        }
        HtmlReport h = new HtmlReport("advrisk reproduce: benign overfitting versus adversarial robustness");
        h.para("lede", "Hao & Zhang (arXiv 2401.12236): (i) the min-norm interpolator is accurate but fragile, (ii) no"
                + " ridge λ makes both risks small, (iii) the same for a two-layer ReLU network in the lazy (NTK) regime"
                + (idx.path("quick").asBoolean() ? "; quick sizes (--quick)" : "") + ". One card per part: its headline"
                + " figure, its verdicts and their key numbers with 95% intervals.");
        List<List<Plots.Plot>> plotsOf = new ArrayList<>();
        List<FirstScreen.Card> cards = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            RunData d = datas.get(i);
            List<Plots.Plot> plots = new ArrayList<>();
            List<Figure> figures = d == null ? List.of() : p.role() == Role.ATTACKER ? AttackerFigures.of(d)
                    : Figures.of(d);
            if (d != null) {
                plots.addAll(Plots.render(figures, d.dir().resolve("plots")));
                if (p.role() == Role.ADVTRAIN) {
                    plots.addAll(AdvTrainPlots.render(d, d.dir().resolve("plots")));
                }
                if (p.role() == Role.EARLYSTOP) {
                    plots.addAll(EarlyStopPlots.render(d, d.dir().resolve("plots")));
                }
            } else if (p.role() == Role.REGIMES) {
                plots.addAll(RegimesPlots.render(root.resolve(p.name())));
            }
            plotsOf.add(plots);
            List<Verdict> vs = d == null ? directVerdicts(p, root.resolve(p.name())) : verdicts(d, p.role());
            PartSummary ps = PartSummaries.of(p.role());
            cards.add(new FirstScreen.Card(p.name(), p.title(), thumb(ps.figure(plots), figures), vs, ps.sentence(vs, d),
                    "#part-" + p.name()));
        }
        h.cards(cards, root);
        h.flips(root.resolve(FLIPS));
        h.verdicts(all);
        h.para("note", idx.path("note").asText(""));
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            h.heading(2, p.title(), "part-" + p.name());
            h.para("note", p.why());
            if (datas.get(i) == null) {
                if (p.role() == Role.REGIMES) {
                    regimes(h, root.resolve(p.name()), p, plotsOf.get(i));
                } else {
                    realData(h, root.resolve(p.name()), p);
                }
                continue;
            }
            List<Verdict> vs = verdicts(datas.get(i), p.role());
            List<Plots.Plot> plots = plotsOf.get(i);
            section(h, datas.get(i), plots, p.name(), root);
            Path partDir = datas.get(i).dir();
            HtmlReport ph = new HtmlReport(p.title());
            ph.para("note", p.why());
            PartSummary ps = PartSummaries.of(p.role());
            ph.cards(List.of(new FirstScreen.Card(p.name(), p.title(), cards.get(i).plot(), vs,
                    ps.sentence(vs, datas.get(i)), null)), partDir);
            ph.verdicts(vs);
            section(ph, datas.get(i), plots, null, partDir);
            Files.writeString(partDir.resolve("report.html"), ph.finish());
        }
        Path html = root.resolve("report.html");
        Files.writeString(html, h.finish());
        return html;
    }

    /** The regimes part: its figure and verdicts on the combined page and its own report.html. */
    private static void regimes(HtmlReport h, Path dir, Part p, List<Plots.Plot> plots) throws IOException {
        List<Verdict> vs = RegimesPart.verdicts(dir);
        List<Plots.Plot> renamed = new ArrayList<>();
        for (Plots.Plot pl : plots) {
            renamed.add(new Plots.Plot(p.name() + "-" + pl.id(), pl.title(), pl.caption() + " (" + p.name() + "/plots/"
                    + pl.id() + ")", pl.png(), pl.svg()));
        }
        h.plots(renamed, dir.getParent());
        h.para("note", "Files: " + p.name() + "/" + RegimesPart.CSV + " (one row per fit: activation, regime, n,"
                + " training set, risks, train MSE, weight_move, kernel_move), " + p.name() + "/" + RegimesPart.JSON + ".");
        HtmlReport ph = new HtmlReport(p.title());
        ph.para("note", p.why());
        ph.verdicts(vs);
        ph.plots(plots, dir);
        Files.writeString(dir.resolve("report.html"), ph.finish());
    }

    /** The headline plot with a small PNG of its figure (the plot itself when it is not one of the figures). */
    static Plots.Plot thumb(Plots.Plot p, List<Figure> figures) throws IOException {
        if (p == null) {
            return null;
        }
        for (Figure f : figures) {
            if (f.id().equals(p.id())) {
                return Plots.thumbnail(f, p);
            }
        }
        return p;
    }

    /** The real-data part: its verdicts on the combined page and its own report.html. */
    private static void realData(HtmlReport h, Path dir, Part p) throws IOException {
        List<Verdict> vs = RealDataPart.verdicts(dir);
        for (Verdict v : vs) {
            h.para("note", VerdictText.word(v) + ": " + v.claim() + " [" + v.setting() + "]. " + VerdictText.statistics(v) + ". "
                    + VerdictText.numbers(v));
        }
        h.para("note", "Files: " + p.name() + "/" + RealDataPart.JSON + " (verdicts with intervals), " + p.name() + "/"
                + RealDataPart.CSV + " (one row per data set and α).");
        HtmlReport ph = new HtmlReport(p.title());
        ph.para("note", p.why());
        ph.verdicts(vs);
        Files.writeString(dir.resolve("report.html"), ph.finish());
    }

    /** Plots, trade-off tables, summary table and run facts of one run. */
    private static void section(HtmlReport h, RunData data, List<Plots.Plot> plots, String prefix, Path base)
            throws IOException {
        if (prefix != null) {
            // Inline ids must be unique on the combined page.
            List<Plots.Plot> renamed = new ArrayList<>();
            for (Plots.Plot p : plots) {
                renamed.add(new Plots.Plot(prefix + "-" + p.id(), p.title(), p.caption(), p.png(), p.svg()));
            }
            plots = renamed;
        }
        h.plots(plots, base);
        h.raw("<details class=\"tables\"><summary>Tables (means ± one standard error over trials)</summary>");
        boolean ntk = data.spec() != null && data.spec().family() == org.advrisk.experiment.Family.NTK;
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, g -> true);
            if (RunData.distinct(gs, Columns.LAMBDA).length >= 3 && RunData.distinct(gs, Columns.N).length >= 1) {
                for (double a : RunData.distinct(gs, Columns.ALPHA)) {
                    if (a > 0) {
                        h.tradeOffs("Trade-off along λ, α = " + RunData.fmt(a) + ": " + RunData.label(s),
                                TradeOff.curve(data, s, a, Columns.STD_RISK, Columns.ADV_RISK));
                        if (data.hasTheory()) {
                            h.tradeOffs("Deterministic equivalents, α = " + RunData.fmt(a) + ": " + RunData.label(s),
                                    TradeOff.curve(data, s, a, Columns.DE_STD_RISK, Columns.DE_ADV_RISK));
                        }
                    }
                }
                List<Group> minNorm = data.groups(s, g -> g.number(Columns.LAMBDA) == 0);
                if (ntk) {
                    h.ntkSummary("Mean ± standard error over trials (R_α: PGD and the first-order surrogate; the"
                            + " linearisation of docs/ntk.md §3 at λ_eff): " + RunData.label(s), gs);
                } else if (!minNorm.isEmpty()) {
                    h.summary("Min-norm (λ = 0), mean ± standard error: " + RunData.label(s), minNorm, data.hasTheory());
                }
            } else if (ntk) {
                h.ntkSummary("Mean ± standard error over trials (R_α: PGD and the first-order surrogate; the"
                        + " linearisation of docs/ntk.md §3 at λ_eff; m = inf is the kernel, a number the trained network): "
                        + RunData.label(s), gs);
            } else {
                h.summary("Mean ± standard error over trials: " + RunData.label(s), gs, data.hasTheory());
            }
        }
        h.raw("</details>");
        h.heading(3, "Run", null);
        h.run(data);
    }
}
