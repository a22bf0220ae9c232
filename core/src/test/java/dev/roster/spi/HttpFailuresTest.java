package dev.roster.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.ErrorDetails;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderUnavailableException;
import dev.roster.RosterException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("HttpFailures")
class HttpFailuresTest {

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {300, 301, 302, 303, 307, 308})
    @DisplayName("maps a redirect to a configuration error that says redirects are not followed")
    void redirectByStatus(int status) {
        RosterException e = HttpFailures.forStatus(status, "Acme answered HTTP " + status + ".", ErrorDetails.of("acme"),
                Optional.empty());
        assertThat(e).isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("follows no redirect");
        assertThat(e.httpStatus()).hasValue(status);
    }

    @Test
    @DisplayName("names where a redirect pointed, but never its user info, query or fragment")
    void redirectLocation() {
        ProviderConfigurationException e = HttpFailures.redirected(307,
                Optional.of("https://user:pw@login.example:8443/sso/start?token=abc#frag"), "Acme", ErrorDetails.of("acme"));
        assertThat(e.getMessage()).contains("HTTP 307", "'https://login.example:8443/sso/start'", "base URI")
                .doesNotContain("pw", "token", "abc", "frag");
        assertThat(HttpFailures.redirected(301, Optional.empty(), "Acme", ErrorDetails.of("acme")).getMessage())
                .contains("without a Location");
        assertThat(HttpFailures.redirected(302, Optional.of("http://x/\r\nSet-Cookie: a"), "Acme", ErrorDetails.of("acme"))
                .getMessage()).doesNotContain("\r", "\n");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {100, 102, 103, 200, 500, 501, 505, 599, 600, 999})
    @DisplayName("maps a 5xx, and any status HTTP defines for no error, to an unknown outcome: ProviderUnavailableException")
    void unknownOutcomes(int status) {
        RosterException e = HttpFailures.forStatus(status, "Acme answered HTTP " + status + ".", ErrorDetails.of("acme"),
                Optional.empty());
        assertThat(e).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("HTTP " + status);
        assertThat(e.httpStatus()).hasValue(status);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {405, 410, 413, 415, 418, 451})
    @DisplayName("keeps a 4xx it does not name a refusal: a RosterException, not an unknown outcome")
    void otherRefusals(int status) {
        RosterException e = HttpFailures.forStatus(status, "Acme answered HTTP " + status + ".", ErrorDetails.of("acme"),
                Optional.empty());
        assertThat(e.getClass()).isEqualTo(RosterException.class);
    }

    @Test
    @DisplayName("says in words that a host name did not resolve, naming the host, however the client wraps it")
    void unresolvedHost() {
        URI base = URI.create("https://api.acme.example/v1");
        Throwable wrapped = new RuntimeException(new ConnectException());
        wrapped.getCause().initCause(new UnresolvedAddressException());
        assertThat(HttpFailures.unresolvedHost(wrapped, base)).hasValueSatisfying(words -> assertThat(words)
                .startsWith("could not resolve api.acme.example").contains("DNS"));
        assertThat(HttpFailures.unresolvedHost(new UnknownHostException("api.acme.example"), base)).isPresent();
        assertThat(HttpFailures.unresolvedHost(new ConnectException("Connection refused"), base)).isEmpty();
    }
}
