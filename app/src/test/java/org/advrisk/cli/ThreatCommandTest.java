package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.advrisk.experiment.SpecReader;
import org.advrisk.linear.ThreatModel;
import org.junit.jupiter.api.Test;

/**
 * The threat-model doors: {@code linear --attack-scale/--label-preserving}, the alias of the consistent target,
 * the spec fields attack_scale and label_preserving, and their bad-input messages.
 */
class ThreatCommandTest {
    private static final String[] BASE = {"linear", "--spectrum", "twolevel:spikes=5,spike=1,tail=1", "--n", "30",
        "--p", "300", "--lambda", "0,0.01", "--format", "csv"};

    private static String[] with(String... more) {
        String[] out = new String[BASE.length + more.length];
        System.arraycopy(BASE, 0, out, 0, BASE.length);
        System.arraycopy(more, 0, out, BASE.length, more.length);
        return out;
    }

    @Test
    void attackScaleZeroAloneIsTodaysOutputAndAListAddsTheColumns() {
        CliRunner plain = CliRunner.run(BASE);
        CliRunner zero = CliRunner.run(with("--attack-scale", "0"));
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(zero.out()).isEqualTo(plain.out());
        CliRunner list = CliRunner.run(with("--attack-scale", "0,1"));
        String[] lines = list.out().trim().split("\n");
        assertThat(lines[0]).startsWith("trial,seed,n,p,lambda,alpha,attack,target,attack_scale,label_preserving,design,");
        assertThat(lines).hasSize(1 + 2 * 2);
        // the G = 0 rows of the list are today's rows with two more columns
        String[] plainRows = plain.out().trim().split("\n");
        assertThat(lines[1].replace(",0.0,false,", ",")).isEqualTo(plainRows[1]);
    }

    @Test
    void truthAtPerturbedIsTheConsistentTarget() {
        CliRunner a = CliRunner.run(with("--target", "consistent"));
        CliRunner b = CliRunner.run(with("--target", "truth-at-perturbed"));
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out()).contains(",consistent,");
    }

    @Test
    void badThreatInputGetsOneLineAndExitCode2() {
        for (String[] args : new String[][] {{"--attack-scale", "2.5"}, {"--attack-scale", "-1"},
            {"--label-preserving", "--attack", "linf"}}) {
            CliRunner r = CliRunner.run(with(args));
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).doesNotContain("Exception").contains(args[0].equals("--attack-scale")
                    ? "attack-scale: " + args[1] : "label-preserving: attack 'linf'");
            assertThat(r.err().trim().split("\n")).hasSize(1);
        }
    }

    @Test
    void specFieldsGiveTheGridAndRoundTrip() throws Exception {
        ObjectMapper m = new ObjectMapper();
        var spec = SpecReader.read(m.readTree("{\"n\": 50, \"p\": 100, \"spectrum\": \"isotropic\","
                + " \"attack_scale\": [0, 0.5], \"label_preserving\": [false, true]}"), "t");
        assertThat(spec.threats()).containsExactly(new ThreatModel(0, false), new ThreatModel(0, true),
                new ThreatModel(0.5, false), new ThreatModel(0.5, true));
        assertThat(SpecReader.read(spec.toTree(), "t")).isEqualTo(spec);
        var plain = SpecReader.read(m.readTree("{\"n\": 50, \"p\": 100, \"spectrum\": \"isotropic\"}"), "t");
        assertThat(plain.toTree().has("attack_scale")).isFalse();
        assertThat(plain.threats()).containsExactly(ThreatModel.ISOTROPIC);
        for (String[] bad : new String[][] {{"\"attack_scale\": 3", "attack_scale"},
            {"\"label_preserving\": \"yes\"", "label_preserving: 'yes'"},
            {"\"label_preserving\": true, \"attack\": \"linf\"", "label_preserving: attack 'linf'"},
            {"\"family\": \"ntk\", \"attack_scale\": 1", "attack_scale: shaped"}}) {
            assertThatThrownBy(() -> SpecReader.read(m.readTree("{\"n\": 50, \"p\": 100, \"spectrum\": \"isotropic\", "
                    + bad[0] + "}"), "t")).as(bad[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(bad[1].split(":")[0]).hasMessageContaining(bad[1]);
        }
    }
}
