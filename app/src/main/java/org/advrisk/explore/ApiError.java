package org.advrisk.explore;

/**
 * The body of a refused request (HTTP 400, or 429 when too many simulations run).
 *
 * @param field   the parameter (the command line's flag name without dashes), or {@code request}
 * @param value   the value given (null when the parameter was missing)
 * @param allowed what the parameter allows
 * @param message the one-line message, the same as the command line's
 */
public record ApiError(String field, String value, String allowed, String message) {
}
