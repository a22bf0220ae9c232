package dev.roster.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.RosterException;
import dev.roster.Secret;
import feign.Logger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Feign's wire log never shows the admin key, even at FULL")
class WireLogTest {

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @AfterEach
    void exchangesFollowTheSpec() {
        Specs.openAi().assertNoViolations(WIRE.getAllServeEvents());
    }

    @Test
    @DisplayName("logs requests and responses with the Authorization header redacted")
    void redacted() {
        WIRE.stubFor(post("/v1/organization/invites").willReturn(okJson(Stubs.invite("invite-1", "ada@example.com", "pending"))));
        WIRE.stubFor(get(urlPathEqualTo("/v1/organization/invites")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(Stubs.error("Incorrect API key provided: " + Stubs.KEY + ".", "invalid_request_error", null,
                        "invalid_api_key"))));

        try (InvitationProvider openai = fullyLogged()) {
            openai.invite(InvitationRequest.of("ada@example.com"));
            assertThatThrownBy(() -> openai.list(PageRequest.first(5))).isInstanceOf(RosterException.class);
        }

        String log = String.join("\n", lines);
        assertThat(log).contains("---> POST", "ada@example.com", "<--- HTTP/1.1 200", "<--- HTTP/1.1 401")
                .containsIgnoringCase("Authorization: [redacted]")
                .doesNotContain(Stubs.KEY);
    }

    @Test
    @DisplayName("reads its level from the configuration and rejects an unknown one")
    void level() {
        ProviderConfig config = Stubs.config(WIRE.baseUrl()).toBuilder().property(OpenAiHttp.LOG_LEVEL_PROPERTY, "headers").build();
        assertThat(OpenAiHttp.logLevel(config)).isEqualTo(Logger.Level.HEADERS);
        assertThat(OpenAiHttp.logLevel(Stubs.config(WIRE.baseUrl()))).isEqualTo(Logger.Level.NONE);
        assertThatThrownBy(() -> OpenAiHttp.logLevel(config.toBuilder().property(OpenAiHttp.LOG_LEVEL_PROPERTY, "LOUD").build()))
                .hasMessageContaining("NONE, BASIC, HEADERS or FULL");
    }

    private InvitationProvider fullyLogged() {
        ProviderConfig config = Stubs.config(WIRE.baseUrl());
        Secret key = config.credential(ProviderConfig.OPENAI_ADMIN_KEY).orElseThrow();
        java.net.URI base = OpenAiHttp.baseUri(config);
        return new OpenAiInvitationProvider(OpenAiHttp.api(config, key, base, Logger.Level.FULL, lines::add), base,
                OpenAiHttp.redactor(key));
    }
}
