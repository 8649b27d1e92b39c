package org.advrisk.model;

import java.util.Set;
import java.util.SplittableRandom;
import org.advrisk.random.Purpose;
import org.advrisk.random.RandomStreams;

/**
 * How θ* is chosen, before p is fixed: {@code top:k=..,norm=..} (uniform weight on the top k
 * eigendirections), {@code random:k=..,norm=..} (a Gaussian direction in the span of the top k
 * eigendirections, drawn once from the seed), {@code file:PATH} (coordinates in eigenbasis order).
 */
public sealed interface GroundTruthSpec {

    /** Allowed kinds, for messages. */
    String KINDS = "top:k=..,norm=.., random:k=..,norm=.., file:PATH";

    /** The θ* of dimension p; {@code seed} is used by random ground truths only. */
    GroundTruth withSize(long p, long seed);

    /** Text form that {@link #parse} reads back. */
    String text();

    /** Parses a θ* argument; errors name the field "theta". */
    static GroundTruthSpec parse(String text) {
        boolean file = text != null && text.trim().toLowerCase().startsWith("file:");
        Params a = Params.parse("theta", text, !file);
        switch (a.kind) {
            case "top":
                a.allow(Set.of("k", "norm"));
                return new Top(a.integer("k", 1L), a.number("norm", 1.0));
            case "random":
                a.allow(Set.of("k", "norm"));
                return new Random(a.integer("k", null), a.number("norm", 1.0));
            case "file":
                return new FromFile(NumberFile.read("theta", a.rest), "file:" + a.rest);
            default:
                throw new IllegalArgumentException("theta: unknown kind '" + a.kind + "'; allowed: " + KINDS);
        }
    }

    /** θ*_i = norm/√k for i < k. */
    record Top(long k, double norm) implements GroundTruthSpec {
        public Top {
            checkKNorm(k, norm);
        }

        @Override
        public GroundTruth withSize(long p, long seed) {
            checkK(k, p);
            double[] head = new double[(int) k];
            java.util.Arrays.fill(head, norm / Math.sqrt(k));
            return new GroundTruth(head, p);
        }

        @Override
        public String text() {
            return "top:k=" + k + ",norm=" + norm;
        }
    }

    /** θ* = norm·g/‖g‖ with g Gaussian on the top k coordinates, drawn from the seed (not the trial). */
    record Random(long k, double norm) implements GroundTruthSpec {
        public Random {
            checkKNorm(k, norm);
        }

        @Override
        public GroundTruth withSize(long p, long seed) {
            checkK(k, p);
            SplittableRandom r = RandomStreams.stream(seed, -1, Purpose.THETA, 0);
            double[] head = new double[(int) k];
            double ss = 0;
            for (int i = 0; i < k; i++) {
                head[i] = r.nextGaussian();
                ss += head[i] * head[i];
            }
            double scale = ss == 0 ? 0 : norm / Math.sqrt(ss);
            for (int i = 0; i < k; i++) {
                head[i] *= scale;
            }
            return new GroundTruth(head, p);
        }

        @Override
        public String text() {
            return "random:k=" + k + ",norm=" + norm;
        }
    }

    /** Explicit coordinates; missing trailing coordinates are 0. */
    record FromFile(double[] values, String source) implements GroundTruthSpec {
        public FromFile {
            values = values.clone();
        }

        @Override
        public GroundTruth withSize(long p, long seed) {
            if (values.length > p) {
                throw new IllegalArgumentException("theta: " + source + " has " + values.length
                        + " coordinates but p=" + p);
            }
            return new GroundTruth(values, p);
        }

        @Override
        public String text() {
            return source;
        }
    }

    private static void checkKNorm(long k, double norm) {
        if (k < 1 || k > 50_000_000L) {
            throw new IllegalArgumentException("theta: k=" + k + " must be between 1 and 5e7");
        }
        if (!(norm >= 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("theta: norm=" + norm + " must be finite and >= 0");
        }
    }

    private static void checkK(long k, long p) {
        if (k > p) {
            throw new IllegalArgumentException("theta: k=" + k + " exceeds p=" + p);
        }
    }
}
