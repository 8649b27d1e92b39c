package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code advrisk theory} with the extreme accepted values of issue 25: an answer, or exit 2 with one
 * line naming the parameter; never a stack trace (exit 1).
 */
class TheoryExtremesCommandTest {

    @Test
    void aSteepPowerLawWithAShortTruncationIsAnswered() throws IOException {
        // was: ~100 s in the tail integral, then a stack trace
        CliRunner r = CliRunner.run("theory", "--spectrum", "powerlaw:a=50,b=0", "--p", "n^3", "--n-grid", "10",
                "--truncation", "10", "--show", "de", "--lambda", "0.01", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode row = new ObjectMapper().readTree(r.out()).get("de").get(0);
        assertThat(row.get("std_risk").isNumber()).isTrue();
    }

    @Test
    void aTinyLambdaAtPEqualsNIsAnswered() throws IOException {
        // was: IllegalStateException df2 >= n (1 − df2/n rounded to 0); σ²/(κ(2+κ)) with κ ≈ √λ = 1e-150
        CliRunner r = CliRunner.run("theory", "--p", "n", "--n-grid", "100", "--lambda", "1e-300", "--show", "de",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode row = new ObjectMapper().readTree(r.out()).get("de").get(0);
        double kappa = row.get("kappa").asDouble();
        assertThat(kappa).isBetween(0.99e-150, 1.01e-150);
        assertThat(row.get("variance").asDouble() * kappa * (2 + kappa)).isBetween(0.25 * (1 - 1e-9), 0.25 * (1 + 1e-9));
    }

    @Test
    void aPowerLawWhoseEigenvaluesOverflowIsOneLineNamingTheSpectrum() {
        for (String spec : new String[] {"powerlaw:a=1,b=1e300", "powerlaw:a=2,b=-1e300"}) {
            CliRunner r = CliRunner.run("theory", "--spectrum", spec, "--n-grid", "100", "--show", "de");
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().trim()).startsWith("advrisk: error: spectrum: ").doesNotContain("\n").doesNotContain("Exception");
        }
    }
}
