package org.advrisk.param;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quoting user input in messages: escaped control characters, cut long values (issue 25, LOW 10). */
class UserTextTest {
    @Test
    void controlCharactersAreEscapedAndPrintableTextKept() {
        assertThat(UserText.quote("a\u001b[31mb\n\t\r\u0000\u007f\u009b\u202ec")).isEqualTo(
                "a\\u001b[31mb\\n\\t\\r\\u0000\\u007f\\u009b\\u202ec");
        assertThat(UserText.quote("température ≥ 2 µm")).isEqualTo("température ≥ 2 µm");
        assertThat(UserText.line("lambda: 1e60 is too large")).isEqualTo("lambda: 1e60 is too large");
    }

    @Test
    void longValuesAreCutWithTheirLengthSaid() {
        String v = "y".repeat(1_000_000);
        assertThat(UserText.quote(v)).hasSize(UserText.MAX_VALUE + "…(1000000 characters)".length())
                .endsWith("…(1000000 characters)");
        String m = UserText.line("row 2, column 'b': '" + v + "' is not a finite number");
        assertThat(m).startsWith("row 2, column 'b': 'yyy").endsWith("…(1000002 characters) is not a finite number");
        assertThat(UserText.line(("word " + v + " ").repeat(50)).length()).isLessThan(UserText.MAX_LINE + 40);
    }
}
