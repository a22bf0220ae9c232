package dev.roster.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.roster.InvalidRequestException;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("No invitation id can steer a request to another endpoint")
class PathSafetyTest {

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private InvitationProvider bare;
    private InvitationProvider loaded;

    @AfterEach
    void close() {
        if (bare != null) {
            bare.close();
            loaded.close();
        }
    }

    @ParameterizedTest(name = "id \"{0}\"")
    @ValueSource(strings = {"../projects", "..", ".", "a/b", "/", "%2e%2e", "%2F", "x?y=1", "x#y", "a b", " invite-1", "a\r\nb",
        "a\nX-Injected: 1", "a\tb", "a\u0000b", "invite-1/../../projects", "a\\b", "é", ""})
    @DisplayName("is rejected by find and revoke before any request, with or without core's policy")
    void rejected(String id) {
        WIRE.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        bare = Stubs.bare(WIRE.baseUrl());
        loaded = InvitationProviders.load("openai", Stubs.config(WIRE.baseUrl()));

        for (InvitationProvider provider : new InvitationProvider[] {bare, loaded}) {
            assertThatThrownBy(() -> provider.find(id)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("invitation id");
            assertThatThrownBy(() -> provider.revoke(id)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("invitation id");
        }
        assertThat(WIRE.getAllServeEvents()).as("requests that reached the server").isEmpty();
    }
}
