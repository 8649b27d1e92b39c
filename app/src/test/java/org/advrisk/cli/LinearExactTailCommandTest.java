package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code advrisk linear --exact-tail}: the Wishart tail at p = 10⁹, its refusals and its notes. */
class LinearExactTailCommandTest {
    private static final String[] HUGE = {"linear", "--spectrum", "twolevel:spikes=5,spike=1,tail=1", "--n", "40",
        "--p", "1000000000", "--lambda", "0,0.01", "--alpha", "0.1", "--format", "csv"};

    @Test
    void pOfOneBillionRunsThroughTheWishartTailIdenticallyForAnyThreads() {
        CliRunner one = CliRunner.run(LinearCommandTest.concat(HUGE, "--trials", "2", "--threads", "1"));
        CliRunner two = CliRunner.run(LinearCommandTest.concat(HUGE, "--trials", "2", "--threads", "2"));
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        assertThat(one.out().trim().split("\n")).hasSize(1 + 2 * 2);
        assertThat(one.out()).contains(",1000000000,");
    }

    private static void assertBad(String expected, String... args) {
        CliRunner r = CliRunner.run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("Exception");
    }

    @Test
    void impossibleOrHugeRequestsAreRefusedWithAMessage() {
        assertBad("exact-tail: 'maybe' is not allowed; allowed: auto, on, off",
                "linear", "--n", "20", "--p", "400", "--exact-tail", "maybe");
        assertBad("exact-tail: on cannot serve this query",
                "linear", "--n", "20", "--p", "400", "--exact-tail", "on", "--attack", "linf");
        assertBad("non-gaussian designs need θ̂ itself",
                "linear", "--n", "20", "--p", "400", "--exact-tail", "on", "--design", "rademacher");
        assertBad("fewer than n=20",
                "linear", "--n", "20", "--p", "400", "--exact-tail", "on", "--spectrum", "powerlaw:a=1,b=0");
        // streaming p = 10⁹ at n = 1000 would take ~10¹⁵ flops: refused, with the way out
        assertBad("needs the streaming path (l1/linf/lp attacks need θ̂ itself)",
                "linear", "--spectrum", "twolevel:spikes=5,spike=1,tail=1", "--n", "1000", "--p", "1000000000",
                "--attack", "linf");
        assertBad("flops per training set",
                "linear", "--n", "1000", "--p", "1000000000", "--exact-tail", "off");
    }

    @Test
    void linfFallsBackToStreamingWithANoteAndMatchesForcedStreaming() {
        String[] args = {"linear", "--spectrum", "twolevel:spikes=5,spike=1,tail=1", "--n", "30", "--p", "3000",
            "--lambda", "0.01", "--attack", "l2,linf", "--format", "csv"};
        CliRunner auto = CliRunner.run(args);
        CliRunner off = CliRunner.run(LinearCommandTest.concat(args, "--exact-tail", "off"));
        assertThat(auto.code()).as(auto.err()).isZero();
        assertThat(auto.err()).contains("note: l1/linf/lp attacks need θ̂ itself");
        assertThat(off.err()).doesNotContain("note:");
        assertThat(auto.out()).isEqualTo(off.out());
    }

    @Test
    void helpDocumentsTheFlag() {
        CliRunner r = CliRunner.run("linear", "--help");
        assertThat(r.out()).contains("--exact-tail").contains("Wishart");
    }
}
