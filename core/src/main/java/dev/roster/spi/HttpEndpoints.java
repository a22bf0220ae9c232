package dev.roster.spi;

import dev.roster.ErrorDetails;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
     * Whether a URI host is this machine: {@code localhost} or a loopback address literal. Names
     * other than {@code localhost} are never resolved, so DNS cannot make a remote host look local.
     *
     * @param host the host part of a URI, IPv6 literals in brackets or not; null is not loopback
     * @return true if the host is a loopback address
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
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
