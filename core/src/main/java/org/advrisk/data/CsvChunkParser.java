package org.advrisk.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits one piece of a delimited text file (starting at a record boundary) into records and fields
 * by hand, byte by byte, and parses only the used columns ({@link CsvNumbers}). Follows the CSV rules
 * of the commons-csv reader it replaces: RFC 4180 quotes ({@code ""} inside a quoted field is a quote,
 * a quoted field may span lines), fields trimmed of blanks, empty lines skipped, records ending in LF,
 * CRLF or CR. Per record it checks, in the order of the original reader: the number of fields, then the
 * used cells in feature order and the target last (the first missing cell makes the row missing; a
 * non-number before it is an error).
 */
final class CsvChunkParser {
    private static final byte QUOTE = '"';

    private final byte delimiter;
    private final int fields;
    private final int[] slotOf;
    private final int p;
    private final String[] columnNames;

    /**
     * @param delimiter   the field delimiter
     * @param fields      fields per record (the header's)
     * @param slotOf      per column: its slot (0..p−1 a feature, p the target) or −1 when unused
     * @param p           features
     * @param columnNames the header, for messages
     */
    CsvChunkParser(char delimiter, int fields, int[] slotOf, int p, String[] columnNames) {
        this.delimiter = (byte) delimiter;
        this.fields = fields;
        this.slotOf = slotOf;
        this.p = p;
        this.columnNames = columnNames;
    }

    /** Parses the records of b[from, to); with {@code skipHeader} the first record is the header. */
    ParsedChunk parse(byte[] b, int from, int to, boolean skipHeader, boolean last) {
        int width = p + 1;
        ParsedChunk out = new ParsedChunk(width, (to - from) / Math.max(6 * fields, 1) + 16);
        out.bytes = to - from;
        byte[] status = new byte[width]; // 0 ok, 1 missing, 2 bad
        int[] badFrom = new int[width];
        int[] badTo = new int[width];
        int[] span = new int[2];
        int pos = from;
        boolean header = skipHeader;
        while (pos < to) {
            byte c = b[pos];
            if (c == '\n' || c == '\r') {
                pos++; // an empty line
                continue;
            }
            if (out.usable * width + width > out.xy.length) {
                out.xy = Arrays.copyOf(out.xy, out.xy.length * 2);
            }
            int base = out.usable * width;
            int field = 0;
            boolean onlyEmpty = true;
            boolean unterminated = false;
            Arrays.fill(status, (byte) 0);
            while (true) {
                if (!header && field < fields && slotOf[field] >= 0) {
                    int fast = CsvNumbers.parseInto(b, pos, to, delimiter, out.xy, base + slotOf[field]);
                    if (fast >= 0) {
                        onlyEmpty = false;
                        field++;
                        pos = fast;
                        if (pos >= to || b[pos] != delimiter) {
                            break;
                        }
                        pos++;
                        continue;
                    }
                }
                int end = field(b, pos, to, span);
                if (end < 0) {
                    unterminated = true;
                    pos = to;
                    break;
                }
                int s = span[0];
                int e = span[1];
                if (e > s || field > 0) {
                    onlyEmpty = onlyEmpty && e == s;
                }
                if (!header && field < fields) {
                    int slot = slotOf[field];
                    if (slot >= 0) {
                        cell(b, s, e, slot, base, out, status, badFrom, badTo);
                    }
                }
                field++;
                pos = end;
                if (pos >= to || b[pos] != delimiter) {
                    break;
                }
                pos++;
            }
            if (unterminated) {
                if (last) {
                    out.fatal = "the file ends inside a quoted field";
                } else {
                    out.endsInQuote = true;
                }
                return out;
            }
            // pos is at a line end or at `to`
            if (pos < to) {
                if (b[pos] == '\r' && pos + 1 < to && b[pos + 1] == '\n') {
                    pos++;
                }
                pos++;
            }
            if (header) {
                header = false;
                continue;
            }
            if (field == 1 && onlyEmpty) {
                continue; // a blank line
            }
            out.records++;
            if (field != fields) {
                out.errorRecord = out.records;
                out.errorText = " has " + field + " fields, the header has " + fields;
                return out;
            }
            int hole = -1;
            for (int k = 0; k < width; k++) {
                if (status[k] == 1) {
                    hole = k;
                    break;
                }
                if (status[k] == 2) {
                    out.errorRecord = out.records;
                    out.errorText = ", column '" + columnNames[columnOf(k)] + "': '"
                            + abbreviate(unquote(b, badFrom[k], badTo[k])) + "' is not a finite number";
                    return out;
                }
            }
            if (hole >= 0) {
                out.missing++;
                if (out.firstMissing.size() < CsvTable.SHOW_ROWS) {
                    out.firstMissing.add(new long[] {out.records, columnOf(hole)});
                }
            } else {
                out.usable++;
            }
        }
        return out;
    }

    private void cell(byte[] b, int s, int e, int slot, int base, ParsedChunk out, byte[] status, int[] badFrom, int[] badTo) {
        byte[] src = b;
        int from = s;
        int to = e;
        if (s < e && b[s] == QUOTE) {
            byte[] u = unquoteBytes(b, s, e);
            src = u;
            from = trimmedStart(u, 0, u.length);
            to = trimmedEnd(u, from, u.length);
        }
        if (CsvNumbers.isMissing(src, from, to)) {
            status[slot] = 1;
            return;
        }
        double v = CsvNumbers.parse(src, from, to);
        if (Double.isNaN(v)) {
            status[slot] = 2;
            badFrom[slot] = s;
            badTo[slot] = e;
            return;
        }
        out.xy[base + slot] = v;
    }

    /**
     * Finds the field starting at pos: sets span to its trimmed content (quotes kept) and returns the
     * position of the delimiter or line end after it (or {@code to}); −1 when a quoted field is not
     * closed before {@code to}.
     */
    private int field(byte[] b, int pos, int to, int[] span) {
        int i = pos;
        while (i < to && blank(b[i])) {
            i++;
        }
        if (i < to && b[i] == QUOTE) {
            int start = i;
            i++;
            while (true) {
                while (i < to && b[i] != QUOTE) {
                    i++;
                }
                if (i >= to) {
                    return -1;
                }
                if (i + 1 < to && b[i + 1] == QUOTE) {
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            int end = i;
            while (i < to && b[i] != delimiter && b[i] != '\n' && b[i] != '\r') {
                i++; // text after the closing quote stays part of the cell (and fails the number check)
            }
            span[0] = start;
            span[1] = Math.max(end, trimmedEnd(b, start, i));
            return i;
        }
        int start = i;
        byte d = delimiter;
        while (i < to) {
            byte c = b[i];
            if (c == d || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        span[0] = start;
        span[1] = trimmedEnd(b, start, i);
        return i;
    }

    private boolean blank(byte c) {
        return (c == ' ' || c == '\t' || c == '\f') && c != delimiter;
    }

    private int trimmedEnd(byte[] b, int start, int end) {
        while (end > start && blank(b[end - 1])) {
            end--;
        }
        return end;
    }

    private int trimmedStart(byte[] b, int start, int end) {
        while (start < end && blank(b[start])) {
            start++;
        }
        return start;
    }

    private int columnOf(int slot) {
        for (int j = 0; j < slotOf.length; j++) {
            if (slotOf[j] == slot) {
                return j;
            }
        }
        throw new IllegalStateException("slot " + slot);
    }

    /** The content of a quoted cell ("" → "), or the bytes as they are when not quoted. */
    private static byte[] unquoteBytes(byte[] b, int s, int e) {
        if (e - s < 2 || b[s] != QUOTE || b[e - 1] != QUOTE) {
            return Arrays.copyOfRange(b, s, e);
        }
        byte[] out = new byte[e - s - 2];
        int n = 0;
        for (int i = s + 1; i < e - 1; i++) {
            out[n++] = b[i];
            if (b[i] == QUOTE && i + 1 < e - 1 && b[i + 1] == QUOTE) {
                i++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static String unquote(byte[] b, int s, int e) {
        return new String(unquoteBytes(b, s, e), StandardCharsets.UTF_8).trim();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
