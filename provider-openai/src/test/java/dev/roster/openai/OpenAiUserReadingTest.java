package dev.roster.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.roster.InvitationProvider;
import dev.roster.Member;
import dev.roster.PageRequest;
import dev.roster.ProviderUnavailableException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenAI's users read as its users contract says: what it requires must be there, what it lets be
 * null may be. The bare adapter, over real HTTP to WireMock on 127.0.0.1, with answers made to order.
 */
@DisplayName("The OpenAI adapter reads users strictly, but not more strictly than OpenAI's contract")
class OpenAiUserReadingTest {

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final String USERS = "/v1/organization/users";

    private InvitationProvider openai;

    @BeforeEach
    void open() {
        openai = Stubs.bare(WIRE.baseUrl());
    }

    @AfterEach
    void close() {
        openai.close();
    }

    @Test
    @DisplayName("a user with a null email and role, as the contract allows, is a member with neither; extra fields are kept")
    void nullableFields() {
        WIRE.stubFor(get(urlPathEqualTo(USERS + "/user_abc")).willReturn(okJson("{\"object\":\"organization.user\","
                + "\"id\":\"user_abc\",\"name\":\"First Last\",\"email\":null,\"role\":null,\"added_at\":1711471533,"
                + "\"is_service_account\":true,\"is_scim_managed\":false,\"projects\":null}")));

        Member member = openai.members().find("user_abc").orElseThrow();

        assertThat(member.email()).isEmpty();
        assertThat(member.role()).isEmpty();
        assertThat(member.joinedAt()).contains(Instant.ofEpochSecond(1711471533));
        assertThat(member.serviceAccount()).isTrue();
        assertThat(member.attributes()).containsEntry("name", "First Last").containsEntry("is_scim_managed", "false");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"object\":\"organization.user\",\"added_at\":1711471533}",
            "{\"object\":\"organization.user\",\"id\":\"user_abc\"}", "null"})
    @DisplayName("a user without id or added_at (both required) is an unreadable answer, not an absent member")
    void requiredMissing(String body) {
        WIRE.stubFor(get(urlPathEqualTo(USERS + "/user_abc")).willReturn(okJson(body)));

        assertThat(catchThrowable(() -> openai.members().find("user_abc"))).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    @DisplayName("a list without has_more, or a deletion without deleted, is unreadable; a 404 is an absent member")
    void listsAndDeletions() {
        WIRE.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
        WIRE.stubFor(delete(urlPathEqualTo(USERS + "/user_abc")).willReturn(okJson("{\"object\":\"organization.user.deleted\","
                + "\"id\":\"user_abc\"}")));
        WIRE.stubFor(get(urlPathEqualTo(USERS + "/user_gone")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Stubs.error("No such user", "invalid_request_error",
                        null, null))));

        assertThat(catchThrowable(() -> openai.members().list(PageRequest.first(10))))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("has_more");
        assertThat(catchThrowable(() -> openai.members().remove("user_abc")))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("deleted");
        assertThat(openai.members().find("user_gone")).isEmpty();
    }

    @Test
    @DisplayName("findByEmail asks the emails filter for the address as given and in lower case, and matches in any case")
    void findByEmailFilter() {
        WIRE.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("{\"object\":\"list\",\"data\":[{\"object\":"
                + "\"organization.user\",\"id\":\"user_abc\",\"email\":\"ada@example.com\",\"role\":\"owner\","
                + "\"added_at\":1711471533}],\"first_id\":\"user_abc\",\"last_id\":\"user_abc\",\"has_more\":false}")));

        assertThat(openai.members().findByEmail("Ada+x@Example.com")).isEmpty();
        assertThat(openai.members().findByEmail("ADA@example.com")).map(Member::id).contains("user_abc");

        assertThat(WIRE.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()))
                .anyMatch(url -> url.contains("emails=Ada%2Bx%40Example.com") && url.contains("emails=ada%2Bx%40example.com"));
    }
}
