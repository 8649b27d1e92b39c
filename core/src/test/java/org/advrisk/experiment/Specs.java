package org.advrisk.experiment;

import java.util.List;

/** Small specs for tests. */
final class Specs {
    private Specs() {
    }

    static Spec small(List<Integer> n, int trials, List<Double> lambda) {
        return new Spec("t", Family.LINEAR, 5, trials, n, List.of(SizeRule.parse("p", "4*n")), List.of(0.5),
                List.of("twolevel:spikes=3,spike=1,tail=1"), List.of("top:k=3,norm=1"), List.of("gaussian"),
                List.of("gaussian"), lambda, List.of(0.1, 0.5), List.of("l2"), List.of("clean"), false);
    }
}
