package org.advrisk.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {
    @Test
    void expandsEveryPointAndTrialInAStableOrder() {
        Spec s = Specs.small(List.of(10, 20, 40), 2, List.of(0.0));
        List<Trial> ts = Sweep.trials(s);
        assertThat(ts).hasSize(6);
        assertThat(ts).extracting(Trial::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(ts).extracting(t -> t.point().n()).containsExactly(10, 10, 20, 20, 40, 40);
        assertThat(ts).extracting(Trial::trial).containsExactly(0, 1, 0, 1, 0, 1);
        assertThat(ts.get(2).point().p()).isEqualTo(80);
        assertThat(new HashSet<>(ts.stream().map(Trial::key).toList())).hasSize(6);
        assertThat(Sweep.trials(s)).isEqualTo(ts);
    }

    @Test
    void keysDoNotDependOnGridOrder() {
        Map<String, Point> a = new HashMap<>();
        for (Trial t : Sweep.trials(Specs.small(List.of(10, 20, 40), 2, List.of(0.0)))) {
            a.put(t.key(), t.point());
        }
        Map<String, Point> b = new HashMap<>();
        for (Trial t : Sweep.trials(Specs.small(List.of(40, 10, 20), 2, List.of(0.0)))) {
            b.put(t.key(), t.point());
        }
        assertThat(b).isEqualTo(a);
        assertThat(a.keySet()).contains("spectrum=twolevel:spikes=3,spike=1,tail=1|theta=top:k=3,norm=1|p=4*n|sigma=0.5"
                + "|design=gaussian|noise=gaussian|n=20|trial=1");
    }
}
