package dev.roster.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.ErrorDetails;
import dev.roster.ProviderConfigurationException;
import dev.roster.RosterException;
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
}
