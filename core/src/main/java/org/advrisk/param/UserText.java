package org.advrisk.param;

/**
 * How user input is quoted in messages: control characters (newlines, escape sequences, NUL, C1
 * controls, bidirectional overrides) are shown escaped ({@code \n}, {@code \u001b}) instead of acting
 * on the terminal, and long values are cut to their start with their length said. {@link #quote} is
 * for one value; {@link #line} for a whole message (every error the CLI prints passes through it).
 */
public final class UserText {
    /** Characters of one quoted value kept before it is cut. */
    public static final int MAX_VALUE = 120;
    /** Longest run of non-blank characters a message keeps (longer ones are cut as a value). */
    public static final int MAX_WORD = 300;
    /** Longest message kept. */
    public static final int MAX_LINE = 4000;

    private UserText() {
    }

    /** One user value, escaped and cut to {@link #MAX_VALUE} characters. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return escape(cut(value, MAX_VALUE));
    }

    /** A whole message: escaped, every run of non-blank characters cut to {@link #MAX_WORD}, the whole to {@link #MAX_LINE}. */
    public static String line(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(message.length(), MAX_LINE + 64));
        int i = 0;
        int n = message.length();
        while (i < n) {
            int j = i;
            while (j < n && message.charAt(j) != ' ') {
                j++;
            }
            b.append(escape(cut(message.substring(i, j), MAX_WORD)));
            if (j < n) {
                b.append(' ');
            }
            i = j + 1;
        }
        return cut(b.toString(), MAX_LINE);
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int keep = max;
        if (Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--;
        }
        return s.substring(0, keep) + "…(" + s.length() + " characters)";
    }

    private static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = control(c);
            if (rep != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                b.append(rep != null ? rep : String.valueOf(c));
            }
        }
        return b == null ? s : b.toString();
    }

    /** The escaped form of a character that must not reach a terminal raw, or null. */
    private static String control(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
        if (c < 0x20 || (c >= 0x7f && c < 0xa0) || bidi || c == '\u2028' || c == '\u2029') {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
