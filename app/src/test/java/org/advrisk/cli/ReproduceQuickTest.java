package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.advrisk.report.Reports;
import org.advrisk.stats.Verdict;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advrisk reproduce --quick} runs end to end, every verdict HOLDS, and the report renders
 * in a real browser (headless Chromium) with its verdict table and every plot.
 */
class ReproduceQuickTest {
    @TempDir
    static Path tmp;

    static Path root;
    static Cli result;

    @BeforeAll
    static void reproduce() {
        root = tmp.resolve("repro");
        result = Cli.run("reproduce", "--quick", "--out", root.toString(), "--threads", "2", "--quiet");
    }

    @Test
    void quickReproductionNeverContradictsAClaim() throws Exception {
        assertThat(result.code()).as(result.err()).isZero();
        List<Verdict> vs = Reports.verdicts(root);
        // Claim (i) on two spectra, claim (ii), the contrast, claim (iii): interpolator, kernel ridge, network;
        // then beyond the paper: adversarial training (1), early stopping (1), who the attacker is (3), real data
        // (2 data sets × 2 α × claims (i), (ii)) and claim (iii) across 4 activations × 3 regimes (12).
        assertThat(vs).hasSize(7 + 1 + 1 + 3 + 8 + 12);
        // The quick sizes may leave an interval across its threshold (INCONCLUSIVE, printed as such), but
        // no verdict of the paper's synthetic claims may come out clearly against it. The two parts beyond the
        // paper are questions, not claims being reproduced: any answer is allowed there (stated as found).
        for (Verdict v : vs.subList(0, 7)) {
            assertThat(v.decision()).as(v.claim() + " [" + v.setting() + "]: " + org.advrisk.report.VerdictText.statistics(v))
                    .isNotEqualTo(org.advrisk.stats.Decision.DOES_NOT_HOLD);
        }
        assertThat(result.out().lines().filter(l -> l.startsWith("HOLDS  ") || l.startsWith("INCONCLUSIVE  ")
                || l.startsWith("DOES NOT HOLD  ")).count()).isEqualTo(32);
        assertThat(root.resolve("real-data").resolve(org.advrisk.report.RealDataPart.JSON)).exists();
        assertThat(root.resolve("beyond-regimes").resolve(org.advrisk.report.RegimesPart.CSV)).exists();
        assertThat(root.resolve("beyond-regimes").resolve("plots").resolve("regimes-rich.svg")).exists();
        assertThat(root.resolve("beyond-advtrain").resolve("plots").resolve("frontier-advtrain-a0_25.svg")).exists();
        assertThat(root.resolve("beyond-earlystop").resolve("plots").resolve("frontiers-n100-a0_25.svg")).exists();
        assertThat(root.resolve("beyond-attacker").resolve("plots").resolve("attacker-ratio-vs-n.svg")).exists();
        assertThat(result.out()).contains("advrisk: reproduce --quick finished in");
        for (Reports.Part p : Reports.parts(root)) {
            Path dir = root.resolve(p.name());
            assertThat(dir.resolve("report.html")).exists();
            if (p.role().direct()) {
                continue; // no spec run: real-data.json/csv or regimes.json/csv instead of a manifest
            }
            assertThat(dir.resolve("manifest.json")).exists();
            assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"status\" : \"complete\"");
            assertThat(dir.resolve("report.html")).exists();
        }
    }

    static List<String> plotFiles() throws Exception {
        List<String> out = new ArrayList<>();
        for (Reports.Part p : Reports.parts(root)) {
            if (p.role() == Reports.Role.REAL_DATA) {
                continue; // no plots
            }
            try (Stream<Path> s = Files.list(root.resolve(p.name()).resolve("plots"))) {
                s.filter(f -> f.toString().endsWith(".svg")).forEach(f -> out.add(p.name() + "-" + f.getFileName()
                        .toString().replace(".svg", "")));
            }
        }
        return out;
    }

    @Test
    void reportRendersInHeadlessChromiumWithTheVerdictTableAndEveryPlot() throws Exception {
        assertThat(result.code()).as(result.err()).isZero();
        Path chromium = findChromium();
        if (chromium == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but no chromium on this machine (.ci/run installs it with apt-get): the browser check"
                        + " cannot be skipped in CI");
            }
            Assumptions.abort("chromium is not installed (apt-get install chromium); browser check skipped outside CI");
        }
        Path html = root.resolve("report.html");
        Path dom = tmp.resolve("dom.html");
        run(chromium, dom, "--dump-dom", "--virtual-time-budget=10000", html.toUri().toString());
        String d = Files.readString(dom);
        assertThat(d).contains("<table id=\"verdicts\"");
        String table = d.substring(d.indexOf("<table id=\"verdicts\""), d.indexOf("</table>", d.indexOf("<table id=\"verdicts\"")));
        // --quick has too few trials to decide every verdict (issue 15): each of the paper's 7 is HOLDS or
        // INCONCLUSIVE, at least the well-sampled claim (i)/(ii) two-level ones HOLD; the 25 beyond the paper
        // (adversarial training, early stopping, real data, activations × regimes) may take any value, and the
        // table shows all 32.
        List<Verdict> vs = Reports.verdicts(root);
        int holds = count(table, "<td class=\"holds\">HOLDS</td>");
        int open = count(table, "<td class=\"open\">INCONCLUSIVE</td>");
        int fails = count(table, ">DOES NOT HOLD</td>");
        assertThat(holds + open + fails).isEqualTo(32);
        assertThat(fails).isEqualTo(vs.stream().filter(v -> v.decision() == org.advrisk.stats.Decision.DOES_NOT_HOLD)
                .count());
        assertThat(vs.subList(0, 7).stream().filter(Verdict::holds).count()).isGreaterThanOrEqualTo(3);
        List<String> plots = plotFiles();
        assertThat(plots).hasSizeGreaterThanOrEqualTo(4 * 2);
        for (String id : plots) {
            // each plot is a linked image of the run directory: the PNG shown, the SVG a click away
            Matcher m = Pattern.compile("<figure id=\"plot-" + Pattern.quote(id) + "\"[^>]*><a href=\"[^\"]+\\.svg\">"
                    + "<img src=\"[^\"]+\\.png\"").matcher(d);
            assertThat(m.find()).as("plot " + id + " is in the rendered DOM as a linked image").isTrue();
        }
        assertThat(count(d, "<svg")).isZero();
        // No multi-MB page: the images are files of the run directory, not inlined.
        assertThat(Files.size(html)).isLessThan(400_000);

        Path png = tmp.resolve("report.png");
        // The virtual time budget lets layout finish before the shot (a loaded machine otherwise gets a blank page).
        run(chromium, null, "--screenshot=" + png, "--window-size=1280,2400", "--virtual-time-budget=10000",
                html.toUri().toString());
        byte[] b = Files.readAllBytes(png);
        assertThat(b).startsWith(0x89, 'P', 'N', 'G').hasSizeGreaterThan(50_000);
        // Not a blank page: a fair share of the pixels are not white (text, table borders, plots).
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    dark++;
                }
            }
        }
        assertThat(dark).isGreaterThan((long) img.getWidth() * img.getHeight() / 16 / 50);
    }

    /**
     * The first screen (1400×1000) answers the question: at least three headline figures loaded and
     * visible, and every verdict's decision on a card, with the full statistics folded away.
     */
    @Test
    void theFirstScreenShowsHeadlineFiguresAndEveryVerdict() throws Exception {
        assertThat(result.code()).as(result.err()).isZero();
        try (org.advrisk.browser.Browser b = org.advrisk.browser.Browser.start(1400, 1000)) {
            b.driver().get(root.resolve("report.html").toUri().toString());
            b.waitFor("document.readyState === 'complete'", 60);
            String visible = "function vis(e) { const r = e.getBoundingClientRect();"
                    + " return r.width > 50 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0"
                    + " && r.right <= window.innerWidth; }";
            long figures = (Long) b.js(visible + " return [...document.querySelectorAll('img')].filter(i => vis(i)"
                    + " && i.complete && i.naturalWidth > 0).length;");
            assertThat(figures).as("loaded figures on the first screen").isGreaterThanOrEqualTo(3);
            // each visible figure carries its title as page text
            long titled = (Long) b.js(visible + " return [...document.querySelectorAll('figure')].filter(f => vis(f)"
                    + " && f.querySelector('figcaption') && f.querySelector('figcaption').textContent.length > 10"
                    + " && f.querySelector('img').alt.length > 10).length;");
            assertThat(titled).isGreaterThanOrEqualTo(3);
            List<Verdict> vs = Reports.verdicts(root);
            @SuppressWarnings("unchecked")
            List<String> badges = (List<String>) b.js("return [...document.querySelectorAll('.card .badge')]"
                    + ".map(e => e.textContent);");
            assertThat(badges).hasSize(vs.size());
            for (int i = 0; i < vs.size(); i++) {
                assertThat(badges.get(i)).endsWith(": " + vs.get(i).decision().word());
            }
            // on the first screen: the paper's seven verdicts one by one, and the line counting every decision
            @SuppressWarnings("unchecked")
            List<String> shown = (List<String>) b.js(visible + " return [...document.querySelectorAll('.card .badge')]"
                    + ".filter(vis).map(e => e.textContent);");
            assertThat(shown.size()).isGreaterThanOrEqualTo(7);
            assertThat(shown.subList(0, 7)).isEqualTo(badges.subList(0, 7));
            String counts = (String) b.js(visible + " const c = document.querySelector('p.counts');"
                    + " return c && vis(c) ? c.textContent : '';");
            assertThat(counts).startsWith(vs.size() + " verdicts: ");
            assertThat((Boolean) b.js("return document.getElementById('verdict-details').open;")).isFalse();
            assertThat((Long) b.js("return document.querySelectorAll('#rules li').length;")).isLessThan(vs.size());
            String shot = System.getProperty("report.screenshot");
            b.screenshot(shot != null ? Path.of(shot) : tmp.resolve("first-screen.png"));
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static Path findChromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                Path c = Path.of(d, "chromium");
                if (Files.isExecutable(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static void run(Path chromium, Path stdout, String... args) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path log = tmp.resolve("chromium.log");
        pb.redirectError(log.toFile());
        pb.redirectOutput(stdout == null ? tmp.resolve("chromium.out").toFile() : stdout.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s: " + Files.readString(log));
        }
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    }
}
