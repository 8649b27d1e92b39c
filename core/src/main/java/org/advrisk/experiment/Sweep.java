package org.advrisk.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Expands a {@link Spec}'s grids into {@link Trial}s in a stable order: spectrum, theta, p, sigma,
 * design, noise (outer to inner), then n, then the trial index.
 */
public final class Sweep {
    private Sweep() {
    }

    /** All trials of the spec, in the stable order. */
    public static List<Trial> trials(Spec spec) {
        List<Trial> out = new ArrayList<>();
        for (String spectrum : spec.spectrum()) {
            for (String theta : spec.theta()) {
                for (SizeRule p : spec.p()) {
                    for (double sigma : spec.sigma()) {
                        for (String design : spec.design()) {
                            for (String noise : spec.noise()) {
                                for (int n : spec.n()) {
                                    Point point = new Point(spec.family(), spectrum, theta, p, sigma, design, noise, n,
                                            p.at(n));
                                    for (int t = 0; t < spec.trialsAt(n); t++) {
                                        out.add(new Trial(out.size(), point, t, spec.seed()));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Collections.unmodifiableList(out);
    }
}
