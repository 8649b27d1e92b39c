package org.advrisk.columns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The column table of docs/architecture.md is the registry's, and the README's column lists are the
 * registry's row types. {@code -Dadvrisk.docs=update} rewrites the table in docs/architecture.md.
 */
class ColumnDocsTest {
    private static final Path ARCHITECTURE = Path.of("..", "docs", "architecture.md");
    private static final String BEGIN = "<!-- columns: generated from org.advrisk.columns.Columns and RowTypes"
            + " (ColumnDocsTest; -Dadvrisk.docs=update rewrites it) -->";
    private static final String END = "<!-- /columns -->";

    /** The generated part: every column, then every row type's order (optional columns in italics). */
    static String table() {
        StringBuilder b = new StringBuilder(BEGIN).append('\n');
        b.append("| column | meaning | unit | kind |\n|---|---|---|---|\n");
        for (Column c : Columns.all()) {
            b.append("| `").append(c.name()).append("` | ").append(c.meaning().replace("|", "\\|")).append(" | ")
                    .append(c.unit()).append(" | ").append(c.kind().word()).append(" |\n");
        }
        b.append("\n| row type | columns in output order (*optional*) |\n|---|---|\n");
        for (RowType t : RowTypes.all()) {
            b.append("| `").append(t.name()).append("` | ").append(t.columns().stream()
                    .map(c -> t.optional().contains(c) ? "*" + c.name() + "*" : c.name())
                    .collect(Collectors.joining(", ")).replace("_", "\\_")).append(" |\n");
        }
        return b.append(END).toString();
    }

    @Test
    void architectureListsTheRegistry() throws IOException {
        String doc = Files.readString(ARCHITECTURE);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/architecture.md has the generated column table").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = doc.substring(begin, end + END.length());
        if (!current.equals(table()) && "update".equals(System.getProperty("advrisk.docs"))) {
            Files.writeString(ARCHITECTURE, doc.substring(0, begin) + table() + doc.substring(end + END.length()));
            return;
        }
        assertThat(current).as("docs/architecture.md column table (rerun with -Dadvrisk.docs=update)")
                .isEqualTo(table());
    }

    /** The comma-separated backquoted list that follows {@code lead} in the README. */
    private static List<String> readmeList(String readme, String lead) {
        Matcher m = Pattern.compile(Pattern.quote(lead) + "`([^`]*)`").matcher(readme);
        assertThat(m.find()).as("README has '%s`…`'", lead).isTrue();
        return List.of(m.group(1).replace('\n', ' ').split(",\\s*"));
    }

    private static List<String> required(RowType t) {
        return t.columns().stream().filter(c -> !t.optional().contains(c)).map(Column::name).toList();
    }

    @Test
    void readmeColumnListsAreTheRowTypes() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readmeList(readme, "(trial, λ, attack, target, α) with the columns "))
                .isEqualTo(required(RowTypes.LINEAR));
        List<String> run = new java.util.ArrayList<>(List.of(Columns.TRIAL_KEY.name()));
        run.addAll(required(RowTypes.RUN.then(RowTypes.LINEAR)));
        assertThat(readmeList(readme, "Columns: ")).isEqualTo(run);
    }
}
