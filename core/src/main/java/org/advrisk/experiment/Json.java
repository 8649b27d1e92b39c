package org.advrisk.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON mapper used for results and manifests (ordered maps, NaN/Infinity as strings). */
public final class Json {
    /** Shared mapper (thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
    };

    private Json() {
    }

    /** One row as a single JSON line (no newline). */
    public static String line(Map<String, Object> row) {
        try {
            return MAPPER.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write row " + row, e);
        }
    }

    /** Parses one JSON line into an ordered row; "NaN", "Infinity", "-Infinity" become doubles. */
    public static LinkedHashMap<String, Object> row(String line) throws JsonProcessingException {
        LinkedHashMap<String, Object> m = MAPPER.readValue(line, ROW);
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() instanceof String s) {
                switch (s) {
                    case "NaN" -> e.setValue(Double.NaN);
                    case "Infinity" -> e.setValue(Double.POSITIVE_INFINITY);
                    case "-Infinity" -> e.setValue(Double.NEGATIVE_INFINITY);
                    default -> {
                    }
                }
            }
        }
        return m;
    }
}
