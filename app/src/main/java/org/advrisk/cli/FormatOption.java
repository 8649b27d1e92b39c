package org.advrisk.cli;

import picocli.CommandLine.Option;

/** The {@code --format} flag of the commands that print rows (one declaration, a picocli mixin). */
public final class FormatOption {
    @Option(names = "--format", defaultValue = org.advrisk.param.Choices.FORMAT_DEFAULT, paramLabel = "FMT",
            completionCandidates = ChoiceCandidates.Format.class,
            description = "Output: table | csv | json. Default: ${DEFAULT-VALUE}.")
    String format;

    /** The parsed format. */
    public OutputFormat parse() {
        return OutputFormat.parse(format);
    }
}
