package org.advrisk.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.advrisk.io.JsonMappers;

/** Result rows as JSON lines (ordered maps, NaN/Infinity as strings), through the one mapper of {@link JsonMappers}. */
public final class Json {
    /** The shared mapper: the same instance as {@link JsonMappers#MAPPER}. */
    public static final ObjectMapper MAPPER = JsonMappers.MAPPER;

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
