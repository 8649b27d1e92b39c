package org.advrisk.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * The rules for one cell of a numeric column, shared by every reader: a cell is <em>missing</em> when it
 * is empty, NA, N/A, NaN, null or ? (any case); otherwise it must be a finite number in CSV syntax,
 * {@code [+-]digits[.digits][(e|E)[+-]digits]} (digits on at least one side of the point), e.g. {@code 1e3},
 * {@code -0.5}, {@code .5}, {@code 7.}. Java's extras ({@code 3d}, {@code 2.5f}, {@code 0x1p3},
 * {@code Infinity}) are not numbers here. The value is the correctly rounded double (FastDoubleParser,
 * the same bits as {@link Double#parseDouble}).
 */
public final class CsvNumbers {
    private CsvNumbers() {
    }

    /** Whether the (trimmed) bytes [from, to) are a missing cell. */
    public static boolean isMissing(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return true;
        }
        if (n > 4) {
            return false;
        }
        int c0 = b[from] | 0x20;
        if (n == 1) {
            return b[from] == '?';
        }
        if (n == 2) {
            return c0 == 'n' && (b[from + 1] | 0x20) == 'a';
        }
        if (n == 3) {
            return c0 == 'n' && ((b[from + 1] | 0x20) == 'a' && (b[from + 2] | 0x20) == 'n'
                    || b[from + 1] == '/' && (b[from + 2] | 0x20) == 'a');
        }
        return c0 == 'n' && (b[from + 1] | 0x20) == 'u' && (b[from + 2] | 0x20) == 'l' && (b[from + 3] | 0x20) == 'l';
    }

    /** Whether a (trimmed) cell is missing. */
    public static boolean isMissing(String cell) {
        if (cell.isEmpty()) {
            return true;
        }
        String c = cell.toLowerCase(java.util.Locale.ROOT);
        return c.equals("na") || c.equals("n/a") || c.equals("nan") || c.equals("null") || c.equals("?");
    }

    private static final double[] POW10 = new double[23];

    static {
        double v = 1;
        for (int k = 0; k < POW10.length; k++) {
            POW10[k] = v;
            v *= 10;
        }
    }

    /** The finite number in the (trimmed) bytes [from, to), or NaN when they are not one. */
    public static double parse(byte[] b, int from, int to) {
        double[] v = new double[1];
        return plain(b, from, to, v, 0) == to ? v[0] : slow(b, from, to);
    }

    /**
     * The fast path applied in place while splitting a record: when b[from, …) holds a plain decimal of at most
     * 15 digits directly followed by the delimiter, a line end or {@code limit}, stores it in out[at] and
     * returns the position of that terminator; otherwise returns −1 (the caller takes the general route).
     */
    static int parseInto(byte[] b, int from, int limit, byte delimiter, double[] out, int at) {
        int i = plain(b, from, limit, out, at);
        return i < 0 || i < limit && b[i] != delimiter && b[i] != '\n' && b[i] != '\r' ? -1 : i;
    }

    /**
     * The one fast path: a plain decimal [+-]digits[.digits] of at most 15 significant digits starting at from
     * (stopping at the first other byte or limit). m / 10^k with m &lt; 2^53 and k ≤ 22 are exact doubles, so the
     * one division is correctly rounded, the bits of Double.parseDouble. Stores the value in out[at] and
     * returns the position after it, or −1 (out untouched) when there is no such decimal.
     */
    private static int plain(byte[] b, int from, int limit, double[] out, int at) {
        int i = from;
        boolean negative = false;
        if (i < limit && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long m = 0;
        int start = i;
        while (i < limit && i - start < 16) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            m = m * 10 + d;
            i++;
        }
        int digits = i - start;
        int frac = 0;
        if (i < limit && b[i] == '.') {
            i++;
            int fs = i;
            while (i < limit && digits + (i - fs) < 16) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                m = m * 10 + d;
                i++;
            }
            frac = i - fs;
            digits += frac;
        }
        if (digits == 0 || digits > 15) {
            return -1;
        }
        double v = frac == 0 ? (double) m : m / POW10[frac];
        out[at] = negative ? -v : v;
        return i;
    }

    private static double slow(byte[] b, int from, int to) {
        if (!syntax(b, from, to)) {
            return Double.NaN;
        }
        double d = JavaDoubleParser.parseDouble(b, from, to - from);
        return Double.isFinite(d) ? d : Double.NaN;
    }

    /** The finite number in a (trimmed) cell, or NaN when it is not one. */
    public static double parse(String cell) {
        byte[] b = cell.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i < cell.length(); i++) {
            if (cell.charAt(i) > 0x7f) {
                return Double.NaN;
            }
        }
        return parse(b, 0, b.length);
    }

    private static boolean syntax(byte[] b, int from, int to) {
        int i = from;
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        int digits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
            digits++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int e = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                i++;
                e++;
            }
            if (e == 0) {
                return false;
            }
        }
        return i == to;
    }
}
