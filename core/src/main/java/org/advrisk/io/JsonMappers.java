package org.advrisk.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one Jackson configuration of advrisk. Every JSON the project writes goes through {@link #MAPPER}
 * (compact: results.jsonl lines, API answers) or {@link #PRETTY} (the same mapper with Jackson's default
 * pretty printer: manifests, model files, {@code --format json}); NaN and ±∞ are written as the strings
 * "NaN", "Infinity", "-Infinity" (Jackson's default). Reading differs only where a reader must be
 * stricter or keep other number types, and each such variant is a copy of {@link #MAPPER} with the
 * difference named here:
 * <ul>
 *   <li>{@link #MAPPER}: integers read as longs (result rows), empty beans written as {@code {}};</li>
 *   <li>{@link #PLAIN}: integers read as ints (a request compared with its stored manifest);</li>
 *   <li>{@link #STRICT}: PLAIN refusing duplicate keys and anything after the value (model files);</li>
 *   <li>{@link #STRICT_DECIMAL}: STRICT keeping the written digits of decimals (the explorer's bodies).</li>
 * </ul>
 * The mappers are thread-safe once built; never reconfigure them (copy instead).
 */
public final class JsonMappers {
    /** The mapper every writer uses, and the reader of results, manifests and indexes. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    /** {@link #MAPPER} writing with Jackson's default pretty printer (two-space indent). */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    /** {@link #MAPPER} reading integers as ints, as Jackson's defaults do. */
    public static final ObjectMapper PLAIN = MAPPER.copy().disable(DeserializationFeature.USE_LONG_FOR_INTS);
    /** {@link #PLAIN} refusing duplicate keys and trailing tokens. */
    public static final ObjectMapper STRICT = PLAIN.copy()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** {@link #STRICT} reading decimals as BigDecimal (their written digits kept). */
    public static final ObjectMapper STRICT_DECIMAL = STRICT.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonMappers() {
    }
}
