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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In a class of its own, so that the answer still on its way when the test ends (the server stops
 * after it) cannot reach another test.
 */
@DisplayName("The OpenAI adapter honours the configured read timeout")
class ReadTimeoutTest {

    /** Far longer than any pause of a loaded machine, so giving up well before it proves the timeout. */
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(10);
    /** 1 s, not less: on a loaded machine the request's own setup eats into a short timeout. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    /** A loopback connect has been seen to take over 2 s on a loaded 2-core machine; this test is about reading. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(4);
    /** Generous for a loaded 2-core CI machine, and still well short of the slow answer's delay. */
    private static final Duration CEILING = Duration.ofSeconds(8);

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @AfterEach
    void exchangesFollowTheSpec() {
        // WireMock journals the exchange before it waits out the delay, so the request is here to check.
        Specs.openAi().assertNoViolations(WIRE.getAllServeEvents());
    }

    @Test
    @DisplayName("gives up after the read timeout with ProviderUnavailableException, long before the answer comes")
    void readTimeout() {
        WIRE.stubFor(get(urlPathEqualTo("/v1/organization/invites")).willReturn(okJson(Stubs.list(null, null, false))
                .withFixedDelay((int) SLOW_ANSWER.toMillis())));
        InvitationProvider impatient = new OpenAiProviderFactory().create(Stubs.config(WIRE.baseUrl()).toBuilder()
                .connectTimeout(CONNECT_TIMEOUT).readTimeout(READ_TIMEOUT).build());
        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.list(PageRequest.first(5))).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("read timeout");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("a read timeout of %s ms against an answer %s s late", READ_TIMEOUT.toMillis(),
                SLOW_ANSWER.toSeconds()).isGreaterThanOrEqualTo(READ_TIMEOUT).isLessThan(CEILING);
        assertThat(WIRE.getAllServeEvents()).as("one request: the bare adapter does not retry").hasSize(1);
    }
}
