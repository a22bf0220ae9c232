package dev.roster.testkit.simulator;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One request as a {@link VendorSimulator} received it.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the path exactly as sent, percent-encoding intact
 * @param query the query parameters, decoded
 * @param headers looks a header up by name, case-insensitively
 * @param body the body, empty if none
 */
public record SimulatedRequest(String method, String rawPath, Map<String, List<String>> query,
        Function<String, Optional<String>> headers, String body) {

    static SimulatedRequest of(String method, String url, Function<String, Optional<String>> headers, String body) {
        URI uri = URI.create(url);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new SimulatedRequest(method, uri.getRawPath(), query, headers, body == null ? "" : body);
    }

    /**
     * A header's value.
     *
     * @param name the header's name, in any case
     * @return its value, if sent
     */
    public Optional<String> header(String name) {
        return headers.apply(name);
    }

    /**
     * A query parameter's first value.
     *
     * @param name the parameter's name
     * @return its value, if sent
     */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Percent-decodes one path segment or query part.
     *
     * @param raw the encoded text
     * @return the decoded text
     */
    public static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
