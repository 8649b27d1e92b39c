package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecReaderTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return M.readTree(s.replace('\'', '"'));
    }

    private static Spec read(String s) throws Exception {
        return SpecReader.read(json(s), "t");
    }

    private static final String BASE = "'n': [50, 100], 'p': 'n^2', 'spectrum': 'isotropic'";

    @Test
    void readsValuesGridsAndDefaults() throws Exception {
        Spec s = read("{" + BASE + ", 'lambda': [0, 'logspace:-2,0,3'], 'alpha': 0.1, 'trials': 3, 'seed': 7,"
                + " 'attack': ['l2', 'LINF'], 'sigma': 'linspace:0,1,3'}");
        assertThat(s.n()).containsExactly(50, 100);
        assertThat(s.p()).extracting(SizeRule::text).containsExactly("n^2");
        assertThat(s.lambda()).containsExactly(0.0, 0.01, 0.1, 1.0);
        assertThat(s.sigma()).containsExactly(0.0, 0.5, 1.0);
        assertThat(s.alpha()).containsExactly(0.1);
        assertThat(s.attack()).containsExactly("l2", "linf");
        assertThat(s.theta()).containsExactly("top:k=1,norm=1");
        assertThat(s.target()).containsExactly("clean");
        assertThat(s.trials()).isEqualTo(3);
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.points()).isEqualTo(2 * 3);
    }

    @Test
    void pTakesRangesLikeEveryOtherGridParameter() throws Exception {
        // geomspace 100 … 10000 in 3 steps: 100, 1000, 10000 (ratio 10); rounded to integers like n.
        Spec s = read("{'n': 50, 'p': 'geomspace:100,10000,3', 'spectrum': 'isotropic'}");
        assertThat(s.p()).extracting(SizeRule::text).containsExactly("100", "1000", "10000");
        // Mixed with expressions of n and plain numbers; linspace 60 … 80 in 3: 60, 70, 80; logspace 10^2 … 10^3 in 3
        // gives 100, 316.2… → 316, 1000.
        Spec mixed = read("{'n': 50, 'p': ['n^2', 'linspace:60,80,3', 'logspace:2,3,3', 40], 'spectrum': 'isotropic'}");
        assertThat(mixed.p()).extracting(SizeRule::text).containsExactly("n^2", "60", "70", "80", "100", "316", "1000",
                "40");
        assertThat(Sweep.trials(s)).extracting(t -> t.point().p()).containsExactly(100L, 1000L, 10000L);
        assertThatThrownBy(() -> read("{'n': 50, 'p': 'linspace:0,10,3', 'spectrum': 'isotropic'}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p: 0 (from 'linspace:0,10,3') is not allowed; allowed: " + SizeRule.ALLOWED);
        assertThatThrownBy(() -> read("{'n': 50, 'p': ['linspace:10,30,3', 20], 'spectrum': 'isotropic'}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p: value 20 appears twice");
        assertThatThrownBy(() -> read("{'n': 50, 'p': 'range:1,2,3', 'spectrum': 'isotropic'}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("p: 'range:1,2,3' is a bad grid");
    }

    @Test
    void geomspaceOfIntegersRoundsAndHitsTheEnds() throws Exception {
        Spec s = read("{'n': 'geomspace:50,1600,6', 'p': 10, 'spectrum': 'isotropic'}");
        assertThat(s.n()).containsExactly(50, 100, 200, 400, 800, 1600);
    }

    @Test
    void canonicalTreeRoundTrips() throws Exception {
        Spec s = read("{" + BASE + ", 'lambda': [0, 'logspace:-2,0,3'], 'spectrum': ['isotropic', 'twolevel:spikes=2,tail=n^0.5']}");
        Spec back = SpecReader.read(s.toTree(), "t");
        assertThat(back).isEqualTo(s);
        assertThat(back.toTree()).isEqualTo(s.toTree());
    }

    @Test
    void widthIsInfOrAnEvenIntegerAndOnlyFiniteForTheNtkFamily() throws Exception {
        Spec s = read("{" + BASE + ", 'family': 'ntk', 'width': ['inf', 2000]}");
        assertThat(s.width()).containsExactly(0, 2000);
        assertThat(SpecReader.read(s.toTree(), "t")).isEqualTo(s);
        assertThat(s.toTree().get("width").toString()).isEqualTo("[\"inf\",2000]");
        Spec plain = read("{" + BASE + "}");
        assertThat(plain.width()).containsExactly(0);
        assertThat(plain.toTree().has("width")).isFalse();
        assertThat(read("{" + BASE + ", 'family': 'ntk', 'width': 'INF'}").width()).containsExactly(0);
        assertThatThrownBy(() -> read("{" + BASE + ", 'family': 'ntk', 'width': 7}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width: 7 is not allowed; allowed: " + Spec.ALLOWED_WIDTH);
        assertThatThrownBy(() -> read("{" + BASE + ", 'family': 'ntk', 'width': ['inf', 'wide']}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width[1]: 'wide' is not a width; allowed: " + Spec.ALLOWED_WIDTH);
        assertThatThrownBy(() -> read("{" + BASE + ", 'family': 'ntk', 'width': '99999999999999999999'}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("width: '99999999999999999999' is not a width; allowed: inf, or an even");
        assertThatThrownBy(() -> read("{" + BASE + ", 'width': 2000}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width: 2000 is not allowed for family linear; allowed: " + Spec.ALLOWED_WIDTH);
        assertThatThrownBy(() -> read("{" + BASE + ", 'family': 'ntk', 'width': [2000, 2000]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width: value 2000 appears twice; a grid lists each value once");
    }

    @Test
    void unknownFieldIsNamedWithTheAllowedOnes() {
        assertThatThrownBy(() -> read("{" + BASE + ", 'lamda': 0}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lamda: unknown field; allowed: name, family, seed, trials, n, p,");
    }

    @Test
    void wrongTypesNameFieldValueAndAllowed() {
        assertThatThrownBy(() -> read("{" + BASE + ", 'sigma': 'abc'}"))
                .hasMessage("sigma: 'abc' is not a number; allowed: finite and >= 0, at most 1.0E50, a list of them, or a grid "
                        + Grids.RANGES);
        assertThatThrownBy(() -> read("{" + BASE + ", 'alpha': [0.1, true]}"))
                .hasMessageStartingWith("alpha[1]: boolean true is not a number");
        assertThatThrownBy(() -> read("{" + BASE + ", 'trials': 'many'}"))
                .hasMessage("trials: 'many' is not an integer; allowed: an integer from 1 to 1000000");
        assertThatThrownBy(() -> read("{'n': [50, 2.5], 'p': 10, 'spectrum': 'isotropic'}"))
                .hasMessage("n[1]: 2.5 is not an integer; allowed: an integer >= 1");
        assertThatThrownBy(() -> read("{" + BASE + ", 'theory': 'yes'}"))
                .hasMessage("theory: 'yes' is not a boolean; allowed: true, false");
        assertThatThrownBy(() -> read("{" + BASE + ", 'attack': {'l2': 1}}"))
                .hasMessageStartingWith("attack: a mapping is not allowed here; allowed: l2, linf");
        assertThatThrownBy(() -> read("[1, 2]"))
                .hasMessageStartingWith("spec: expected a mapping of fields, got a list");
    }

    @Test
    void badValuesNameFieldAndAllowed() {
        assertThatThrownBy(() -> read("{" + BASE + ", 'lambda': [0, -1]}"))
                .hasMessage("lambda[1]: -1 is not allowed; allowed: >= 0, at most 1.0E50");
        assertThatThrownBy(() -> read("{'n': [0], 'p': 10, 'spectrum': 'isotropic'}"))
                .hasMessage("n[0]: 0 is not allowed; allowed: an integer >= 1");
        assertThatThrownBy(() -> read("{'n': 10, 'p': 'n^^2', 'spectrum': 'isotropic'}"))
                .hasMessage("p: 'n^^2' is not allowed; allowed: " + SizeRule.ALLOWED);
        assertThatThrownBy(() -> read("{'n': 10, 'p': 10, 'spectrum': 'fancy:x=1'}"))
                .hasMessageStartingWith("spectrum: 'fancy:x=1' is not allowed: spectrum: unknown kind 'fancy'; allowed:");
        assertThatThrownBy(() -> read("{" + BASE + ", 'attack': ['l2', 'l3']}"))
                .hasMessageStartingWith("attack[1]: 'l3' is not allowed: attack: unknown attack 'l3'");
        assertThatThrownBy(() -> read("{" + BASE + ", 'family': 'forest'}"))
                .hasMessage("family: 'forest' is not allowed; allowed: linear, ntk");
        assertThatThrownBy(() -> read("{'p': 10, 'spectrum': 'isotropic'}"))
                .hasMessageStartingWith("n: missing; required");
    }

    @Test
    void badGridsNameTheGridAndWhatIsWrong() {
        assertThatThrownBy(() -> read("{" + BASE + ", 'lambda': 'logspace:-2,0'}"))
                .hasMessage("lambda: 'logspace:-2,0' is a bad grid: needs 3 values FROM,TO,COUNT; allowed: " + Grids.RANGES);
        assertThatThrownBy(() -> read("{" + BASE + ", 'lambda': [0, 'logspace:-2,0,0']}"))
                .hasMessage("lambda[1]: 'logspace:-2,0,0' is a bad grid: COUNT 0 must be an integer from 1 to 100000");
        assertThatThrownBy(() -> read("{'n': 'geomspace:0,100,3', 'p': 10, 'spectrum': 'isotropic'}"))
                .hasMessage("n: 'geomspace:0,100,3' is a bad grid: geomspace needs FROM > 0 and TO > 0");
        assertThatThrownBy(() -> read("{" + BASE + ", 'lambda': 'range:0,1,3'}"))
                .hasMessageStartingWith("lambda: 'range:0,1,3' is a bad grid: unknown kind 'range'");
        assertThatThrownBy(() -> read("{" + BASE + ", 'alpha': 'linspace:-1,1,3'}"))
                .hasMessage("alpha: -1 (from 'linspace:-1,1,3') is not allowed; allowed: >= 0, at most 1.0E50");
        assertThatThrownBy(() -> read("{'n': [50, 'geomspace:10,50,3'], 'p': 10, 'spectrum': 'isotropic'}"))
                .hasMessage("n: value 50 appears twice; a grid lists each value once");
        assertThatThrownBy(() -> read("{" + BASE + ", 'alpha': []}"))
                .hasMessage("alpha: empty list; give at least one value");
    }

    @Test
    void spectrumExpressionsOfNAreCheckedAtEveryN() {
        assertThatThrownBy(() -> new Spec("t", Family.LINEAR, 1, 1, List.of(5, 50), List.of(SizeRule.parse("p", "n")),
                List.of(0.5), List.of("twolevel:spikes=n^0.5,tail=1"), List.of("top:k=1,norm=1"), List.of("gaussian"),
                List.of("gaussian"), List.of(0.0), List.of(0.1), List.of("l2"), List.of("clean"), false))
                .hasMessageContaining("spectrum: 'twolevel:spikes=n^0.5,tail=1' is not allowed");
    }
}
