package org.advrisk.cli;

import org.advrisk.param.IntParam;
import org.advrisk.param.Parameters;
import picocli.CommandLine.ITypeConverter;

/**
 * picocli converters that read a flag through its declaration in {@link Parameters}, so that a bad value
 * gets the declaration's message (the spec reader's, the audit's and the explorer's too); {@link Main}
 * prints that message as it is.
 */
public final class DeclaredConverters {
    private DeclaredConverters() {
    }

    private abstract static class Int implements ITypeConverter<Long> {
        private final IntParam param;

        Int(IntParam param) {
            this.param = param;
        }

        @Override
        public Long convert(String value) {
            return param.parse(value);
        }
    }

    /** {@code --seed}. */
    public static final class Seed extends Int {
        public Seed() {
            super(Parameters.SEED);
        }
    }
}
