package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.advrisk.theory.OracleFrontier;
import org.advrisk.theory.TheorySpectrum;
import org.junit.jupiter.api.Test;

/** {@code advrisk theory --show oracle}: columns, values equal to the library's, infinite spectra, bad input. */
class TheoryOracleCommandTest {
    @Test
    void oracleSectionIsPlainCsvWithTheFrontierColumns() {
        CliRunner r = CliRunner.run("theory", "--n-grid", "50,100", "--alpha", "0.25", "--attack", "l2,linf",
                "--target", "clean,consistent", "--show", "oracle", "--oracle-mu", "0,0.1,1,inf", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().trim().split("\n");
        assertThat(lines[0]).isEqualTo("n,p,attack,target,alpha,mu,std_risk,adv_risk,gt_adv_risk,norm_l2,norm_dual,pareto");
        // 2 n × 2 attacks × 2 targets × 4 μ
        assertThat(lines).hasSize(1 + 2 * 2 * 2 * 4);
        assertThat(lines[1]).startsWith("50,100,l2,clean,0.25,0.0,0.0,0.0625,0.0625,1.0,1.0,true");
        assertThat(lines[4]).startsWith("50,100,l2,clean,0.25,Infinity,1.0,1.0,0.0625,0.0,0.0,false");
    }

    @Test
    void oracleRowsEqualTheLibraryOnAnInfiniteSpectrum() throws IOException {
        CliRunner r = CliRunner.run("theory", "--spectrum", "powerlaw:a=1,b=2", "--p", "inf", "--truncation", "1000",
                "--theta", "random:k=20,norm=1", "--n", "200", "--alpha", "0.5", "--attack", "linf", "--target", "noisy",
                "--show", "oracle", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("oracle");
        TheorySpectrum s = TheorySpectrum.infinite(SpectrumSpec.parse("powerlaw:a=1,b=2"),
                GroundTruthSpec.parse("random:k=20,norm=1").withSize(1000, 1).head(), 1000);
        OracleFrontier f = OracleFrontier.of(s, AttackNorm.LINF, Target.NOISY, 0.5, 0.5, Distribution.GAUSSIAN);
        assertThat(rows.size()).isEqualTo(f.size());
        int pareto = 0;
        for (int i = 0; i < f.size(); i++) {
            JsonNode row = rows.get(i);
            assertThat(row.get("p").asText()).isEqualTo("inf");
            assertThat(row.get("mu").asDouble()).isEqualTo(f.mu(i));
            assertThat(row.get("std_risk").asDouble()).isEqualTo(f.stdRisk()[i]);
            assertThat(row.get("adv_risk").asDouble()).isEqualTo(f.advRisk()[i]);
            assertThat(row.get("norm_dual").asDouble()).isEqualTo(f.normDual()[i]);
            pareto += row.get("pareto").asBoolean() ? 1 : 0;
        }
        assertThat(pareto).isGreaterThan(1);
        // the path ends where θ = 0: the last row's dual norm is 0
        assertThat(rows.get(f.size() - 1).get("norm_dual").asDouble()).isZero();
    }

    private static void assertBadInput(String expected, String... args) {
        CliRunner r = CliRunner.run(LinearCommandTest.concat(new String[] {"theory", "--n", "100", "--show", "oracle"},
                args));
        assertThat(r.code()).as("exit code for %s: %s", String.join(" ", args), r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().trim().split("\n").length).isLessThanOrEqualTo(2);
    }

    @Test
    void badInputGetsOneLineAndExitCode2() {
        assertBadInput("design: rademacher has no oracle frontier", "--design", "rademacher");
        assertBadInput("oracle-mu: -1", "--oracle-mu", "-1");
        assertBadInput("oracle-mu: 'abc'", "--oracle-mu", "abc");
        assertBadInput("attack: l1 has no deterministic equivalent", "--attack", "l1");
    }
}
