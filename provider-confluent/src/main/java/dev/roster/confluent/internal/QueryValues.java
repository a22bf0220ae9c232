package dev.roster.confluent.internal;

import dev.roster.spi.HttpEndpoints;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Query-string values in both directions: encoding what Roster sends, and reading the
 * {@code page_token} out of the {@code metadata.next} URL Confluent returns.
 *
 * <p>Encoding escapes every byte but RFC 3986's unreserved characters, so {@code +}, {@code /}
 * and {@code =} (in page tokens, and {@code +} in tagged addresses such as
 * {@code ada+ops@example.com}) reach the server as themselves. Decoding follows RFC 3986 too:
 * {@code %XX} is a byte, and {@code +} is a plus, not a space (a server that means a plus encodes
 * it as {@code %2B}; an opaque token never contains a space).
 */
final class QueryValues {

    private QueryValues() {}

    /**
     * Percent-encodes a value for a query string.
     *
     * @param value the value, or null
     * @return the encoded value, or null when the value is null (Feign then leaves the parameter out)
     */
    static String encode(String value) {
        return HttpEndpoints.percentEncode(value);
    }

    /**
     * The decoded {@code page_token} of a {@code metadata.next} link, kept opaque otherwise. Only
     * the token is taken: the link's host and path are ignored, so a link can never send a request
     * elsewhere.
     *
     * @param next the link, a full URL; null or blank on the last page
     * @return the token, or empty if there is none (no link, or a link without a token or with an
     *     empty one; the caller decides whether that is the last page or an unreadable answer)
     */
    static Optional<String> pageToken(String next) {
        if (next == null || next.isBlank()) {
            return Optional.empty();
        }
        String query = rawQuery(next.strip());
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(name).equals("page_token") && eq >= 0) {
                String token = decode(pair.substring(eq + 1));
                return token.isEmpty() ? Optional.empty() : Optional.of(token);
            }
        }
        return Optional.empty();
    }

    private static String rawQuery(String link) {
        try {
            return new URI(link).getRawQuery();
        } catch (URISyntaxException notStrict) {
            // Servers do send links with characters URI rejects; the query is still after the '?'.
            int question = link.indexOf('?');
            if (question < 0) {
                return null;
            }
            int hash = link.indexOf('#', question);
            return hash < 0 ? link.substring(question + 1) : link.substring(question + 1, hash);
        }
    }

    /** Percent-decodes as UTF-8; a '%' not followed by two hex digits is kept as it is. */
    static String decode(String raw) {
        byte[] bytes = new byte[raw.length() * 3];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes[n++] = (byte) ((hex(raw.charAt(i + 1)) << 4) | hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                int codePoint = raw.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    bytes[n++] = b;
                }
                i += Character.charCount(codePoint) - 1;
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
