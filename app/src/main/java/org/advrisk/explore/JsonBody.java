package org.advrisk.explore;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.io.JsonMappers;

/** Writes API answers as JSON; NaN and ±∞ (which JSON lacks) become null. */
final class JsonBody {

    private JsonBody() {
    }

    static String write(Object value) {
        try {
            return JsonMappers.MAPPER.writeValueAsString(sanitize(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Object sanitize(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof double[] a) {
            List<Double> out = new ArrayList<>(a.length);
            for (double x : a) {
                out.add(Double.isFinite(x) ? x : null);
            }
            return out;
        }
        if (v instanceof Object[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (Object x : a) {
                out.add(sanitize(x));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> c.put(k, sanitize(x)));
            return c;
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l.size());
            for (Object x : l) {
                c.add(sanitize(x));
            }
            return c;
        }
        if (v instanceof ApiError e) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("field", e.field());
            c.put("value", e.value());
            c.put("allowed", e.allowed());
            c.put("message", e.message());
            return c;
        }
        return v;
    }
}
