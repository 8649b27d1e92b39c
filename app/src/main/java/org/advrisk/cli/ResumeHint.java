package org.advrisk.cli;

import java.util.regex.Pattern;

/**
 * The command a user types to resume an interrupted run: {@code ./advrisk} (the wrapper at the
 * repository root, as the README has it) and its arguments, each quoted for a POSIX shell when needed.
 */
final class ResumeHint {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ResumeHint() {
    }

    /** {@code ./advrisk} followed by the words, quoted where a shell would split or expand them. */
    static String of(String... words) {
        StringBuilder b = new StringBuilder("./advrisk");
        for (String w : words) {
            b.append(' ').append(quote(w));
        }
        return b.toString();
    }

    /** The word as a shell reads it back: unchanged when plain, else in single quotes. */
    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
