package org.advrisk.explore;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.io.JsonMappers;

/**
 * The parameters of a POST body: one JSON object whose values are strings, numbers or booleans
 * (e.g. {@code {"n": 200, "spectrum": "isotropic", "lambda": "0,0.1"}}); an empty body has none.
 * Numbers keep their written digits. Anything else is refused with 400 under {@code body}.
 */
final class BodyParams {
    static final String ALLOWED = "a JSON object of parameter names to strings, numbers or booleans";

    private BodyParams() {
    }

    static Map<String, List<String>> of(byte[] body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (body.length == 0) {
            return out;
        }
        JsonNode root;
        try {
            root = JsonMappers.STRICT_DECIMAL.readTree(body);
        } catch (IOException e) {
            throw refuse("body: not valid JSON (" + firstLine(e.getMessage()) + "); send " + ALLOWED);
        }
        if (root == null || !root.isObject()) {
            throw refuse("body: not a JSON object; send " + ALLOWED);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!(v.isTextual() || v.isNumber() || v.isBoolean())) {
                throw refuse("body: the value of " + e.getKey() + " is " + v.getNodeType().name().toLowerCase(
                        java.util.Locale.ROOT) + "; send " + ALLOWED);
            }
            out.put(e.getKey(), List.of(v.isBigDecimal() ? v.decimalValue().toString() : v.asText()));
        }
        return out;
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unreadable";
        }
        String line = m.split("\n", 2)[0];
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static RefusedRequest refuse(String message) {
        return new RefusedRequest(new ApiError("body", null, ALLOWED, message));
    }
}
