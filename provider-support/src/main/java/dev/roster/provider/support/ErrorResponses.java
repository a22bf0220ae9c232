package dev.roster.provider.support;

import dev.roster.spi.Redactor;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads what an adapter's {@link feign.codec.ErrorDecoder} needs from an error answer: its body and
 * headers, each passed through the {@link Redactor} before the decoder sees it (a vendor or a proxy
 * may echo a credential), and a description of the request that names its method and path only,
 * never its headers or query.
 */
public final class ErrorResponses {

    /** The most of an error body read: enough for any vendor's error JSON, bounded against a huge page. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private ErrorResponses() {}

    /**
     * The answer's body as UTF-8 text, at most {@value #MAX_BODY_BYTES} bytes of it, redacted.
     *
     * @param response the error answer
     * @param redactor masks credentials
     * @return the text; empty when there is no body or it could not be read
     */
    public static String body(Response response, Redactor redactor) {
        Objects.requireNonNull(redactor, "redactor");
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().asInputStream()) {
            return redactor.redact(new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            return "";
        }
    }

    /**
     * The first value of a header, its name compared case-insensitively, stripped and redacted.
     *
     * @param response the answer
     * @param name the header's name
     * @param redactor masks credentials
     * @return the value; empty when the header is absent or blank
     */
    public static Optional<String> header(Response response, String name, Redactor redactor) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(redactor, "redactor");
        for (Map.Entry<String, Collection<String>> entry : response.headers().entrySet()) {
            Collection<String> values = entry.getValue();
            if (name.equalsIgnoreCase(entry.getKey()) && values != null && !values.isEmpty()) {
                String value = values.iterator().next();
                return value == null || value.isBlank() ? Optional.empty() : Optional.of(redactor.redact(value.strip()));
            }
        }
        return Optional.empty();
    }

    /**
     * The method and path of the request that failed, such as {@code GET /iam/v2/invitations}:
     * never its headers (so no credential) nor its query.
     *
     * @param request the request, or null when Feign did not attach it
     * @return the description, or {@code "the request"} without one
     */
    public static String describe(Request request) {
        if (request == null) {
            return "the request";
        }
        String url = request.url();
        int scheme = url.indexOf("://");
        int pathStart = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
        String path = pathStart < 0 ? "/" : url.substring(pathStart);
        int query = path.indexOf('?');
        return request.httpMethod() + " " + (query < 0 ? path : path.substring(0, query));
    }
}
