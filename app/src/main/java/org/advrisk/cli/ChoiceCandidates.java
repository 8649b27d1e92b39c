package org.advrisk.cli;

import java.util.Iterator;
import org.advrisk.param.Choice;
import org.advrisk.param.Choices;

/**
 * picocli's completion candidates of the string-choice flags, read from their declarations in
 * {@link Choices} (picocli needs a class per flag, each a view of one declaration).
 */
public final class ChoiceCandidates {
    private ChoiceCandidates() {
    }

    /** The values of one declaration. */
    private abstract static class Of implements Iterable<String> {
        private final Choice choice;

        Of(Choice choice) {
            this.choice = choice;
        }

        @Override
        public Iterator<String> iterator() {
            return choice.allowedValues().iterator();
        }
    }

    /** {@code --design}. */
    public static final class Design extends Of {
        public Design() {
            super(Choices.DESIGN);
        }
    }

    /** {@code --noise}. */
    public static final class Noise extends Of {
        public Noise() {
            super(Choices.NOISE);
        }
    }

    /** {@code --target} of the simulations. */
    public static final class Target extends Of {
        public Target() {
            super(Choices.TARGET);
        }
    }

    /** {@code --format}. */
    public static final class Format extends Of {
        public Format() {
            super(Choices.FORMAT);
        }
    }

    /** {@code --activation}. */
    public static final class Activation extends Of {
        public Activation() {
            super(Choices.ACTIVATION);
        }
    }

    /** {@code --estimator}: the estimator registry's names. */
    public static final class Estimator extends Of {
        public Estimator() {
            super(registered());
        }

        /** The estimator choice once the registry has installed its names. */
        private static org.advrisk.param.Choice registered() {
            org.advrisk.estimator.Estimators.names();
            return Choices.ESTIMATOR;
        }
    }
}
