package org.advrisk.param;

/**
 * An integer parameter with its allowed closed range, default and help (see {@link NumberParam}).
 *
 * @param name        parameter name
 * @param min         smallest allowed value
 * @param max         largest allowed value
 * @param defaultText the default as written
 * @param help        one-line meaning
 */
public record IntParam(String name, long min, long max, String defaultText, String help) {
    /** What is allowed, in words: "an integer", "an integer >= MIN" or "an integer from MIN to MAX". */
    public String allowed() {
        if (min == Long.MIN_VALUE) {
            return "an integer";
        }
        return max >= Integer.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
    }

    /** Returns v, or refuses it with "name: v is not allowed; allowed: …" (the words of every door). */
    public long check(long v) {
        return check(name, v);
    }

    /** {@link #check(long)} naming {@code path} (a spec's field path). */
    public long check(String path, long v) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(path + ": " + v + " is not allowed; allowed: " + allowed());
        }
        return v;
    }

    /** Returns v as an int after {@link #check}. */
    public int checkInt(long v) {
        return (int) check(v);
    }

    /** Parses and checks one integer. */
    public long parse(String text) {
        long v;
        try {
            v = Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + UserText.quote(text == null ? "" : text.trim())
                    + "' is not an integer; allowed: " + allowed());
        }
        return check(v);
    }

    /** The default value (a parameter whose default is an expression, like p's 2n, has none). */
    public long defaultValue() {
        try {
            return Long.parseLong(defaultText);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + ": the default '" + defaultText + "' is not an integer");
        }
    }
}
