package dev.roster.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import java.net.URI;
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
    @ValueSource(strings = {"http://api.example.com", "http://10.0.0.1", "http://localhost.example.com", "http://[::2]"})
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

    @Test
    @DisplayName("never resolves a host name, so DNS cannot make a remote host look local")
    void namesAreNotResolved() {
        assertThat(HttpEndpoints.isLoopback("localhost")).isTrue();
        assertThat(HttpEndpoints.isLoopback("127.0.0.1.nip.io")).isFalse();
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
