package dev.roster.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpEndpointsTest {

    private static URI resolve(String configured) {
        ProviderConfig config = configured == null ? ProviderConfig.defaults()
                : ProviderConfig.builder().baseUri(configured).build();
        return HttpEndpoints.baseUri(config, "https://api.example.com/v1", "Example", "example");
    }

    @Test
    @DisplayName("uses the vendor's endpoint unless one is configured, without a trailing slash")
    void defaultsAndTrailingSlash() {
        assertThat(resolve(null)).isEqualTo(URI.create("https://api.example.com/v1"));
        assertThat(resolve("https://proxy.example.org/v1/")).isEqualTo(URI.create("https://proxy.example.org/v1"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.9.9.9", "http://localhost:1", "http://[::1]:9000"})
    @DisplayName("allows plain http to this machine, for simulators")
    void loopbackHttpAllowed(String uri) {
        assertThat(resolve(uri)).isEqualTo(URI.create(uri));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://api.example.com", "http://10.0.0.1", "http://localhost.example.com", "http://[::2]",
        "http://cafe", "http://[::ffff:127.0.0.1]:8080", "http://0177.0.0.1"})
    @DisplayName("refuses plain http to any other host, saying the credentials would travel unencrypted")
    void remoteHttpRefused(String uri) {
        assertThatThrownBy(() -> resolve(uri)).isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("unencrypted").hasMessageContaining("use https");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://api.example.com/v1?x=1", "https://api.example.com/v1#frag"})
    @DisplayName("refuses a base URI with a query or fragment")
    void plainEndpointsOnly(String uri) {
        assertThatThrownBy(() -> resolve(uri)).isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("plain endpoint");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost", "LocalHost", "127.0.0.1", "127.0.0.0", "127.255.255.255", "127.9.9.9",
        "::1", "[::1]", "0:0:0:0:0:0:0:1", "[0000:0000:0000:0000:0000:0000:0000:0001]", "0::1", "::0:1", "::0001"})
    @DisplayName("takes localhost, 127.0.0.0/8 as a plain dotted quad, and ::1 in any spelling as loopback")
    void loopbackLiterals(String host) {
        assertThat(HttpEndpoints.isLoopback(host)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        // Names, even ones made of hex digits: a resolver would be asked, and DNS can lie.
        "cafe", "deadbeef", "beef", "127.0.0.1.nip.io", "localhost.", "localhost.localdomain", "[localhost]",
        // IPv4 in the legacy short, integer, hex and octal forms some resolvers still accept.
        "127.1", "127.0.1", "2130706433", "0x7f000001", "0x7f.0.0.1", "0177.0.0.1", "127.000.000.001", "127.0.0.01",
        // Not dotted quads, or not in 127/8.
        "127.0.0.256", "127.0.0.1.", ".127.0.0.1", "127..0.1", "127.0.0.-1", "128.0.0.1", "10.0.0.1", "0.0.0.0",
        "\u0661\u0662\u0667.0.0.1", "127.0.0.\uff11", "[127.0.0.1]", "", "[]",
        // IPv6 that is not ::1, or ::1 with something around it.
        "::", "::2", "::1:0", "1::1", "::1::", ":::1", "::1%lo", "[::1%25lo]", "0:0:0:0:0:0:0:0:1", "0:0:0:0:0:0:1",
        "00000::1", "::g", "::ffff:127.0.0.1", "::ffff:7f00:1", "::127.0.0.1", "[::ffff:127.0.0.1]"})
    @DisplayName("refuses everything else: names, legacy IPv4 spellings, other addresses, zone ids and IPv4-mapped IPv6")
    void notLoopback(String host) {
        assertThat(HttpEndpoints.isLoopback(host)).isFalse();
    }

    /**
     * core/pom.xml points the test JVM's resolver at {@code src/test/resources/rebinding.hosts}, which
     * answers 127.0.0.1 for these names, as a DNS server rebinding them would. Asking any resolver
     * would make them loopback.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cafe", "deadbeef", "beef"})
    @DisplayName("never asks a resolver, so a name that DNS answers with 127.0.0.1 is still not this machine")
    void namesAreNotResolved(String name) throws UnknownHostException {
        assertThat(InetAddress.getByName(name).isLoopbackAddress())
                .as("the test JVM resolves " + name + " through rebinding.hosts (jdk.net.hosts.file in core/pom.xml)")
                .isTrue();

        assertThat(HttpEndpoints.isLoopback(name)).isFalse();
        assertThatThrownBy(() -> resolve("http://" + name + ":8080/v1")).isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("unencrypted");
        assertThat(HttpEndpoints.isLoopback(null)).isFalse();
    }

    @Test
    @DisplayName("names Roster, its version and the adapter in the User-Agent")
    void userAgent() {
        assertThat(HttpEndpoints.userAgent("provider-test", HttpEndpointsTest.class))
                .isEqualTo("roster/unknown (provider-test)");
    }

    @Test
    @DisplayName("percent-encodes every byte but the unreserved ones, including a %XX already in the value")
    void percentEncode() {
        assertThat(HttpEndpoints.percentEncode("a%0d%0ab")).isEqualTo("a%250d%250ab");
        assertThat(HttpEndpoints.percentEncode("x&limit=1 +/?#")).isEqualTo("x%26limit%3D1%20%2B%2F%3F%23");
        assertThat(HttpEndpoints.percentEncode("Az09-._~")).isEqualTo("Az09-._~");
        assertThat(HttpEndpoints.percentEncode("\u00e9\ud83d\ude00")).isEqualTo("%C3%A9%F0%9F%98%80");
        assertThat(HttpEndpoints.percentEncode(null)).isNull();
    }
}
