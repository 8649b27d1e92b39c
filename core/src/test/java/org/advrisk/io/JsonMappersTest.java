package org.advrisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one configuration writes what each of the mappers it replaced wrote, and reads as each read. */
class JsonMappersTest {
    private static Map<String, Object> sample() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("lambda", 1e-8);
        inner.put("nan", Double.NaN);
        inner.put("inf", Double.NEGATIVE_INFINITY);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "advrisk-run/1");
        m.put("n", 200);
        m.put("seed", 12345678901L);
        m.put("flags", List.of(true, false));
        m.put("text", "θ̂ \"quoted\" ≤ α");
        m.put("fit", inner);
        m.put("none", null);
        return m;
    }

    @Test
    void writesByteForByteWhatJacksonsDefaultsWrote() throws Exception {
        ObjectMapper defaults = new ObjectMapper();
        ObjectMapper indented = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        assertThat(JsonMappers.MAPPER.writeValueAsString(sample())).isEqualTo(defaults.writeValueAsString(sample()));
        assertThat(JsonMappers.PRETTY.writeValueAsString(sample())).isEqualTo(indented.writeValueAsString(sample()))
                .contains("\n  \"n\" : 200,").contains("\"nan\" : \"NaN\"");
        JsonNode tree = JsonMappers.MAPPER.valueToTree(sample());
        assertThat(JsonMappers.PRETTY.writeValueAsString(tree)).isEqualTo(indented.writeValueAsString(indented.valueToTree(sample())));
    }

    @Test
    void readsIntegersAsLongsOnlyWhereResultsAreRead() throws Exception {
        String text = "{\"n\": 200, \"x\": 0.10}";
        assertThat(JsonMappers.MAPPER.readValue(text, Map.class).get("n")).isInstanceOf(Long.class);
        assertThat(JsonMappers.PLAIN.readTree(text).get("n").isInt()).isTrue();
        assertThat(JsonMappers.PLAIN.readTree(text)).isEqualTo(new ObjectMapper().readTree(text));
        ObjectMapper bodies = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        assertThat(JsonMappers.STRICT_DECIMAL.readTree(text).get("x").isBigDecimal()).isTrue();
        assertThat(JsonMappers.STRICT_DECIMAL.readTree(text)).isEqualTo(bodies.readTree(text));
        assertThat(JsonMappers.STRICT.readTree(text).get("x").isDouble()).isTrue();
    }

    @Test
    void strictReadersRefuseDuplicateKeysAndTrailingValues() throws Exception {
        assertThat(JsonMappers.MAPPER.readTree("{\"a\": 1, \"a\": 2}").get("a").asInt()).isEqualTo(2);
        for (ObjectMapper strict : List.of(JsonMappers.STRICT, JsonMappers.STRICT_DECIMAL)) {
            assertThatThrownBy(() -> strict.readTree("{\"a\": 1, \"a\": 2}")).hasMessageContaining("Duplicate field 'a'");
            assertThatThrownBy(() -> strict.readTree("{\"a\": 1} {}")).hasMessageContaining("Trailing token");
        }
    }
}
