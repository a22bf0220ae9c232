package dev.roster.spi;

import dev.roster.ErrorDetails;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Endpoint rules every HTTP adapter applies the same way: which base URI to use, and what to tell
 * the vendor about the client.
 */
public final class HttpEndpoints {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HttpEndpoints() {}

    /**
     * The configured base URI, or the vendor's default, without a trailing slash. It must be a
     * plain endpoint (no user info, query or fragment), and plain {@code http} is refused unless the
     * host is this machine (127.0.0.0/8, ::1 or localhost, for simulators): credentials never cross
     * a network unencrypted.
     *
     * @param config the configuration, whose {@link ProviderConfig#baseUri()} overrides the default
     * @param defaultUri the vendor's endpoint, such as {@code https://api.openai.com/v1}
     * @param providerName the provider's display name, for messages
     * @param providerId the provider's id, for the error details
     * @return the endpoint to send requests to
     * @throws ProviderConfigurationException if the URI is not acceptable, saying why
     */
    public static URI baseUri(ProviderConfig config, String defaultUri, String providerName, String providerId) {
        String helper = "HttpEndpoints.baseUri";
        AdapterArguments.required(config, "config", helper);
        AdapterArguments.required(defaultUri, "defaultUri", helper);
        AdapterArguments.required(providerName, "providerName", helper);
        AdapterArguments.required(providerId, "providerId", helper);
        URI uri = config.baseUri().orElse(URI.create(defaultUri));
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new ProviderConfigurationException("The " + providerName + " base URI must be a plain endpoint such as "
                    + defaultUri + ", without user info, query or fragment; got " + uri.getScheme() + "://" + uri.getHost()
                    + uri.getRawPath() + "(...).", ErrorDetails.of(providerId), null);
        }
        if (uri.getScheme().equalsIgnoreCase("http") && !isLoopback(uri.getHost())) {
            throw new ProviderConfigurationException("Refusing to send " + providerName + " credentials unencrypted, over plain http to "
                    + uri.getHost() + ": use https (the default is " + defaultUri + "). Plain http is allowed only to this "
                    + "machine (127.0.0.1, ::1 or localhost), for simulators.", ErrorDetails.of(providerId), null);
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /**
     * Whether a URI host is this machine, decided from its text alone: no resolver, no DNS, so no
     * name can be made to look local (DNS rebinding). Exactly these are loopback:
     *
     * <ul>
     *   <li>{@code localhost}, in any case (and not {@code localhost.} nor any other name);</li>
     *   <li>an IPv4 dotted quad in 127.0.0.0/8: four decimal octets of 0 to 255, ASCII digits
     *       without leading zeros ({@code 127.0.0.1}, {@code 127.9.9.9}). The legacy short, hex and
     *       octal forms some resolvers accept ({@code 127.1}, {@code 0x7f000001},
     *       {@code 0177.0.0.1}) are refused;</li>
     *   <li>an IPv6 literal, recognised by its {@code ':'}, for {@code ::1} in any of its spellings
     *       ({@code 0:0:0:0:0:0:0:1}, {@code 0000::0001}), in brackets or not. Zone ids
     *       ({@code ::1%lo}) and embedded IPv4 forms, including the IPv4-mapped
     *       {@code ::ffff:127.0.0.1}, are refused: simulators listen on {@code 127.0.0.1} or
     *       {@code ::1}, and one plain spelling per address leaves nothing to argue about.</li>
     * </ul>
     *
     * <p>A host name such as {@code cafe} or {@code deadbeef} is a name, not an address: refused.
     *
     * @param host the host part of a URI, IPv6 literals in brackets or not; null is not loopback
     * @return true if the host is a loopback address
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            // Brackets hold IPv6 literals only (RFC 3986): "[127.0.0.1]" and "[localhost]" are not hosts.
            String literal = host.substring(1, host.length() - 1);
            return literal.indexOf(':') >= 0 && isIpv6Loopback(literal);
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        return host.indexOf(':') >= 0 ? isIpv6Loopback(host) : isIpv4Loopback(host);
    }

    /** A dotted quad of four plain decimal octets whose first is 127. */
    private static boolean isIpv4Loopback(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (!digits(octet, 3, false) || (octet.length() > 1 && octet.charAt(0) == '0') || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return octets[0].equals("127");
    }

    /** Eight groups of one to four hex digits, at most one "::" standing for the missing ones: 0:0:0:0:0:0:0:1. */
    private static boolean isIpv6Loopback(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && gap != text.lastIndexOf("::")) {
            return false;
        }
        String[] head = groups(gap < 0 ? text : text.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : groups(text.substring(gap + 2));
        int written = head.length + tail.length;
        if (gap < 0 ? written != 8 : written > 7) {
            return false;
        }
        int[] address = new int[8];
        for (int i = 0; i < head.length; i++) {
            if (!digits(head[i], 4, true)) {
                return false;
            }
            address[i] = Integer.parseInt(head[i], 16);
        }
        for (int i = 0; i < tail.length; i++) {
            if (!digits(tail[i], 4, true)) {
                return false;
            }
            address[8 - tail.length + i] = Integer.parseInt(tail[i], 16);
        }
        for (int i = 0; i < 7; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[7] == 1;
    }

    private static String[] groups(String text) {
        return text.isEmpty() ? new String[0] : text.split(":", -1);
    }

    /** 1 to {@code max} ASCII digits (hex ones too if {@code hex}): never Unicode digits, which parseInt would take. */
    private static boolean digits(String text, int max, boolean hex) {
        if (text.isEmpty() || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean hexLetter = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!digit && !(hex && hexLetter)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Percent-encodes a value for a query string or a path segment: every UTF-8 byte except RFC 3986's
     * unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}. Pass the result to
     * Feign as already encoded ({@code @Param(encoded = true)}): Feign's own encoding keeps a
     * {@code %XX} it finds in a value, so {@code "a%0d%0a"} would reach the vendor as a line break and
     * {@code "%2e%2e%2f"} as {@code ../}; and it leaves {@code +}, which servers read as a space.
     *
     * @param value the value, or null
     * @return the encoded value, or null when the value is null (Feign then leaves a query parameter out)
     */
    public static String percentEncode(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * The {@code User-Agent} an adapter sends: {@code roster/<version> (<artifact>)}, the version
     * read from a {@code version.properties} resource (filtered by the build) beside {@code anchor}.
     *
     * @param artifact the adapter's short name, such as {@code "provider-openai"}
     * @param anchor a class in the package holding {@code version.properties}
     * @return the header value; the version is {@code unknown} if it cannot be read
     */
    public static String userAgent(String artifact, Class<?> anchor) {
        AdapterArguments.required(artifact, "artifact", "HttpEndpoints.userAgent");
        AdapterArguments.required(anchor, "anchor", "HttpEndpoints.userAgent");
        String version = "unknown";
        try (InputStream in = anchor.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String read = properties.getProperty("version", "").strip();
                if (!read.isEmpty() && !read.startsWith("$")) {
                    version = read;
                }
            }
        } catch (IOException e) {
            // A User-Agent is informative only: not worth failing for.
        }
        return "roster/" + version + " (" + artifact + ")";
    }
}
