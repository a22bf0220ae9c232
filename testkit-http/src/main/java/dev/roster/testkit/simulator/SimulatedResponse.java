package dev.roster.testkit.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link VendorSimulator} answers to one request.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body, or null for none
 */
public record SimulatedResponse(int status, Map<String, String> headers, String body) {

    /**
     * Copies the headers.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the body, or null for none
     */
    public SimulatedResponse {
        headers = Map.copyOf(headers);
    }

    /**
     * A JSON response.
     *
     * @param status the HTTP status
     * @param json the body
     * @return the response
     */
    public static SimulatedResponse json(int status, String json) {
        return new SimulatedResponse(status, Map.of("Content-Type", "application/json"), Objects.requireNonNull(json));
    }

    /**
     * A response without a body.
     *
     * @param status the HTTP status
     * @return the response
     */
    public static SimulatedResponse empty(int status) {
        return new SimulatedResponse(status, Map.of(), null);
    }

    /**
     * A copy with one more header.
     *
     * @param name the header's name
     * @param value its value
     * @return the response with the header
     */
    public SimulatedResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimulatedResponse(status, more, body);
    }
}
