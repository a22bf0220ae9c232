package dev.roster.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.roster.InvitationProvider;
import dev.roster.PageRequest;
import dev.roster.ProviderUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In a class of its own: WireMock journals a delayed exchange only when its delay is over, which
 * would land in a later test's journal on a shared server.
 */
@DisplayName("The OpenAI adapter honours the configured read timeout")
class ReadTimeoutTest {

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Test
    @DisplayName("gives up after the read timeout with ProviderUnavailableException")
    void readTimeout() {
        WIRE.stubFor(get(urlPathEqualTo("/v1/organization/invites")).willReturn(okJson(Stubs.list(null, null, false))
                .withFixedDelay(3_000)));
        InvitationProvider impatient = new OpenAiProviderFactory().create(Stubs.config(WIRE.baseUrl()).toBuilder()
                .readTimeout(Duration.ofMillis(200)).build());
        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.list(PageRequest.first(5))).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("read timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }
}
