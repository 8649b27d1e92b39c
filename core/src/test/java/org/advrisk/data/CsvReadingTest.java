package org.advrisk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-split parallel reader against an independent reading of the same text: commons-csv (the
 * reader it replaced, with its settings) and Double.parseDouble, on random tables with quotes, quoted
 * line breaks, blanks, CRLF, empty lines and gzip, cut into many small pieces, for several thread counts.
 */
class CsvReadingTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        CsvPieces.pieceBytes = CsvPieces.PIECE;
    }

    private static String randomTable(SplittableRandom r, int n, boolean crlf, boolean quotedBreaks) {
        String eol = crlf ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder("a,note,b, c ,y" + eol);
        for (int i = 0; i < n; i++) {
            String[] cells = new String[5];
            for (int j : new int[] {0, 2, 3, 4}) {
                double v = r.nextGaussian() * Math.pow(10, r.nextInt(-4, 6));
                cells[j] = switch (r.nextInt(6)) {
                    case 0 -> Double.toString(v);
                    case 1 -> String.format(Locale.ROOT, "%.5f", v);
                    case 2 -> String.format(Locale.ROOT, "%.3e", v);
                    case 3 -> " " + (long) v + " ";
                    case 4 -> "\"" + String.format(Locale.ROOT, "%.7f", v) + "\"";
                    default -> String.format(Locale.ROOT, "%.12g", v).trim();
                };
            }
            cells[1] = switch (r.nextInt(4)) {
                case 0 -> "\"x, \"\"quoted\"\"\"";
                case 1 -> quotedBreaks ? "\"two" + eol + "lines\"" : "plain";
                case 2 -> "";
                default -> "t" + i;
            };
            sb.append(String.join(",", cells)).append(eol);
            if (r.nextInt(50) == 0) {
                sb.append(eol);
            }
        }
        return sb.toString();
    }

    /** The reference: commons-csv with the former settings, Double.parseDouble on the used cells. */
    private static List<double[]> reference(String text, int[] cols) throws IOException {
        List<double[]> out = new ArrayList<>();
        CSVFormat f = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
        try (Reader rd = new StringReader(text); CSVParser p = CSVParser.builder().setReader(rd).setFormat(f).get()) {
            boolean header = true;
            for (CSVRecord rec : p) {
                if (header) {
                    header = false;
                    continue;
                }
                double[] row = new double[cols.length];
                for (int k = 0; k < cols.length; k++) {
                    row[k] = Double.parseDouble(rec.get(cols[k]));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static List<double[]> read(CsvTable t) {
        List<double[]> out = new ArrayList<>();
        t.forEach((i, x, y) -> {
            double[] row = java.util.Arrays.copyOf(x, x.length + 1);
            row[x.length] = y;
            out.add(row);
        });
        return out;
    }

    private Path write(String name, String text, boolean gzip) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream o = gzip ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }

    @Test
    void sameRowsAsTheFormerReaderForAnyPieceSizeAndThreadCount() throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        int trial = 0;
        for (boolean crlf : new boolean[] {false, true}) {
            for (boolean breaks : new boolean[] {false, true}) {
                for (boolean gzip : new boolean[] {false, true}) {
                    String text = randomTable(r, 700, crlf, breaks);
                    Path f = write("t" + (trial++) + ".csv" + (gzip ? ".gz" : ""), text, gzip);
                    List<double[]> want = reference(text, new int[] {0, 2, 3, 4});
                    for (int piece : new int[] {64, 777, 1 << 22}) {
                        CsvPieces.pieceBytes = piece;
                        for (int threads : new int[] {1, 2, 3}) {
                            CsvTable t = CsvTable.open(CsvSource.file(f), new ColumnSpec("y", List.of("a", "b", "c"), List.of()),
                                    MissingPolicy.REFUSE);
                            List<String> header = List.of("a", "note", "b", "c", "y");
                            TableRead tr = TableRead.csv(CsvSource.file(f), header, new int[] {0, 2, 3}, 4, MissingPolicy.REFUSE,
                                    ReadProgress.NONE, threads);
                            List<double[]> got = new ArrayList<>();
                            tr.store().forEach((i, x, y) -> got.add(new double[] {x[0], x[1], x[2], y}));
                            assertThat(got).as("piece %d threads %d crlf %b breaks %b gz %b", piece, threads, crlf, breaks, gzip)
                                    .hasSameSizeAs(want);
                            for (int i = 0; i < want.size(); i++) {
                                assertThat(got.get(i)).as("row %d", i).containsExactly(want.get(i));
                            }
                            if (threads == 1) {
                                List<double[]> viaTable = read(t);
                                for (int i = 0; i < want.size(); i++) {
                                    assertThat(viaTable.get(i)).containsExactly(want.get(i));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void spilledRowsAreTheSameBits() {
        SplittableRandom r = new SplittableRandom(5);
        RowStore heap = new RowStore(3, Long.MAX_VALUE);
        RowStore disk = new RowStore(3, 10);
        for (int b = 0; b < 20; b++) {
            int n = r.nextInt(1, 50);
            double[] xy = new double[n * 3 + 6];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = r.nextGaussian() * 1e3;
            }
            heap.append(xy.clone(), n);
            disk.append(xy, n);
        }
        heap.finish();
        disk.finish();
        assertThat(disk.spilled()).isTrue();
        assertThat(heap.spilled()).isFalse();
        List<double[]> a = new ArrayList<>();
        List<double[]> d = new ArrayList<>();
        heap.forEach((i, x, y) -> a.add(new double[] {i, x[0], x[1], y}));
        disk.forEach((i, x, y) -> d.add(new double[] {i, x[0], x[1], y}));
        assertThat(d).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(d.get(i)).containsExactly(a.get(i));
        }
        disk.delete();
    }

    private String message(String text, MissingPolicy policy) throws IOException {
        Path f = write("m.csv", text, false);
        try {
            CsvTable t = CsvTable.open(CsvSource.file(f), new ColumnSpec("y", null, List.of()), policy);
            t.count();
            return "rows " + t.rows() + " dropped " + t.dropped();
        } catch (IllegalArgumentException e) {
            return e.getMessage().replace(f.toString(), "F");
        }
    }

    @Test
    void messagesNameRowColumnAndValue() throws IOException {
        CsvPieces.pieceBytes = 16;
        assertThat(message("a,b,y\n1,2,3\n4,5,6\n7,3d,9\n", MissingPolicy.REFUSE))
                .isEqualTo("F: row 3, column 'b': '3d' is not a finite number");
        assertThat(message("a,b,y\n1,2,3\n4,0x1p3,6\n", MissingPolicy.REFUSE))
                .isEqualTo("F: row 2, column 'b': '0x1p3' is not a finite number");
        assertThat(message("a,b,y\n1,2,3\n4,5,2.5f\n", MissingPolicy.REFUSE))
                .isEqualTo("F: row 2, column 'y': '2.5f' is not a finite number");
        assertThat(message("a,b,y\n1,2,3\n4,5,Infinity\n", MissingPolicy.REFUSE))
                .isEqualTo("F: row 2, column 'y': 'Infinity' is not a finite number");
        assertThat(message("a,b,y\n1,2,3\n\n4,5\n", MissingPolicy.REFUSE))
                .isEqualTo("F: row 2 has 2 fields, the header has 3");
        assertThat(message("a,b,y\n1,2,3\nNA,5,6\n1,,3\n4,5,6\n7,8,nan\n", MissingPolicy.REFUSE))
                .isEqualTo("F: 3 row(s) have missing cells, first: rows 2 ('a'), 3 ('b'), 5 ('y'); use --missing drop to drop them");
        assertThat(message("a,b,y\n1,2,3\nNA,5,6\n1,,3\n4,5,6\n7,8,nan\n", MissingPolicy.DROP)).isEqualTo("rows 2 dropped 3");
        // a missing cell before a non-number makes the row missing (cells are checked in feature order)
        assertThat(message("a,b,y\n1,2,3\n?,x1,6\n4,5,6\n", MissingPolicy.DROP)).isEqualTo("rows 2 dropped 1");
        assertThat(message("a,b,y\n1,2,3\n", MissingPolicy.REFUSE)).isEqualTo("F: only 1 usable row(s); at least 2 are needed");
        assertThat(message("a,b,y\n1,2,3\n4,\"5\n", MissingPolicy.REFUSE)).startsWith("F: cannot be read as CSV: the file ends inside a quoted field");
    }

    @Test
    void brokenGzipIsOneLine() throws IOException {
        Path f = write("t.csv.gz", randomTable(new SplittableRandom(2), 20000, false, false), true);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        CsvTable t = CsvTable.open(CsvSource.file(f), new ColumnSpec("y", List.of("a", "b"), List.of()), MissingPolicy.REFUSE);
        assertThatThrownBy(t::count).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(f + ": cannot be read as CSV: ");
    }
}
