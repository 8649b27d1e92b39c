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
    void trialsAtOverridesTheCountAtTheGivenSizesOnly() throws Exception {
        Spec s = read("{" + BASE + ", 'trials': 2, 'trials_at': {'100': 5}}");
        assertThat(s.trialsAt(50)).isEqualTo(2);
        assertThat(s.trialsAt(100)).isEqualTo(5);
        assertThat(s.maxTrials()).isEqualTo(5);
        List<Trial> ts = Sweep.trials(s);
        assertThat(ts).extracting(t -> t.point().n()).containsExactly(50, 50, 100, 100, 100, 100, 100);
        // the first training sets at n = 100 are those of the plain spec: trials_at only adds
        List<Trial> plain = Sweep.trials(read("{" + BASE + ", 'trials': 2}"));
        assertThat(ts.subList(0, 4)).extracting(Trial::key).containsExactlyElementsOf(plain.stream().map(Trial::key).toList());
        assertThat(SpecReader.read(s.toTree(), "t")).isEqualTo(s);
        assertThat(s.toTree().get("trials_at").toString()).isEqualTo("{\"100\":5}");
        assertThat(read("{" + BASE + "}").toTree().has("trials_at")).isFalse();
    }

    @Test
    void trialsAtNamesAnUnknownSizeOrABadCount() {
        assertThatThrownBy(() -> read("{" + BASE + ", 'trials_at': {'70': 5}}"))
                .hasMessageContaining("trials_at: n = 70 is not one of the spec's n [50, 100]");
        assertThatThrownBy(() -> read("{" + BASE + ", 'trials_at': {'100': 0}}"))
                .hasMessageStartingWith("trials_at.100: 0");
        assertThatThrownBy(() -> read("{" + BASE + ", 'trials_at': {'x': 3}}"))
                .hasMessageContaining("trials_at: key 'x' is not a sample size");
        assertThatThrownBy(() -> read("{" + BASE + ", 'trials_at': 3}"))
                .hasMessageStartingWith("trials_at: 3 is not a mapping");
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
                .hasMessage("sigma: 'abc' is not a number; allowed: a finite number >= 0, a list of them, or a grid "
                        + Grids.RANGES);
        assertThatThrownBy(() -> read("{" + BASE + ", 'alpha': [0.1, true]}"))
                .hasMessageStartingWith("alpha[1]: boolean true is not a number");
        assertThatThrownBy(() -> read("{" + BASE + ", 'trials': 'many'}"))
                .hasMessage("trials: 'many' is not an integer; allowed: an integer from 1 to 1000000");
        assertThatThrownBy(() -> read("{'n': [50, 2.5], 'p': 10, 'spectrum': 'isotropic'}"))
                .hasMessage("n[1]: 2.5 is not an integer; allowed: a positive integer");
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
                .hasMessage("lambda[1]: -1 is not allowed; allowed: a finite number >= 0");
        assertThatThrownBy(() -> read("{'n': [0], 'p': 10, 'spectrum': 'isotropic'}"))
                .hasMessage("n[0]: 0 is not allowed; allowed: a positive integer");
        assertThatThrownBy(() -> read("{'n': 10, 'p': 'n^^2', 'spectrum': 'isotropic'}"))
                .hasMessage("p: 'n^^2' is not a size; allowed: " + SizeRule.ALLOWED);
        assertThatThrownBy(() -> read("{'n': 10, 'p': 10, 'spectrum': 'fancy:x=1'}"))
                .hasMessageStartingWith("spectrum: 'fancy:x=1' is not allowed: spectrum: unknown kind 'fancy'; allowed:");
        assertThatThrownBy(() -> read("{" + BASE + ", 'attack': ['l2', 'l3']}"))
                .hasMessageStartingWith("attack[1]: 'l3' is not allowed: attack: unknown attack 'l3'");
        assertThatThrownBy(() -> read("{" + BASE + ", 'family': 'forest'}"))
                .hasMessage("family: 'forest' is not a family; allowed: linear, ntk");
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
                .hasMessage("alpha: -1 (from 'linspace:-1,1,3') is not allowed; allowed: a finite number >= 0");
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
