package dev.roster.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProjectGrant;
import dev.roster.ProviderConfig;
import dev.roster.ProviderUnavailableException;
import dev.roster.RosterException;
import dev.roster.Secret;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An answer Roster cannot trust is never read as "nothing there": the bare adapter, over real HTTP
 * to WireMock on 127.0.0.1, against answers that break OpenAI's contract on purpose (so only the
 * adapter's mapping is under test here; the simulators' traffic is checked against the spec
 * elsewhere).
 */
@DisplayName("The OpenAI adapter reads answers strictly")
class OpenAiStrictReadingTest {

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final String INVITES = "/v1/organization/invites";
    private static final String ENVELOPE = Stubs.error("The server had an error.", "server_error", null, null);

    private InvitationProvider openai;

    @BeforeEach
    void open() {
        openai = Stubs.bare(WIRE.baseUrl());
    }

    @AfterEach
    void close() {
        openai.close();
    }

    /** Bodies no 2xx answer of OpenAI's may have, each named. */
    static Stream<Arguments> untrustworthyBodies() {
        return Stream.of(
                Arguments.of("{}", okJson("{}")),
                Arguments.of("data null", okJson("{\"data\":null}")),
                Arguments.of("object list, data null", okJson("{\"object\":\"list\",\"data\":null,\"has_more\":false}")),
                Arguments.of("an error envelope", okJson(ENVELOPE)),
                Arguments.of("null", okJson("null")),
                Arguments.of("an empty body", aResponse().withStatus(200).withHeader("Content-Type", "application/json")),
                Arguments.of("204 No Content", aResponse().withStatus(204)),
                Arguments.of("a list without has_more", okJson("{\"object\":\"list\",\"data\":[]}")),
                Arguments.of("has_more without last_id nor items",
                        okJson("{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":true}")),
                Arguments.of("an item without status", okJson(Stubs.list("invite-1", "invite-1", false,
                        Stubs.invite("invite-1", "a@example.com", "pending").replace("\"status\":\"pending\",", "")))),
                Arguments.of("a null item", okJson("{\"object\":\"list\",\"data\":[null],\"has_more\":false}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustworthyBodies")
    @DisplayName("a 2xx list answer missing what the contract requires is unreadable, never an empty last page")
    void list(String name, ResponseDefinitionBuilder answer) {
        WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(answer));
        assertUnreadable(() -> openai.list(PageRequest.first(10)), "list");
    }

    /** Invite answers missing a field OpenAI's contract requires, each named. */
    static Stream<Arguments> untrustworthyInvites() {
        String full = Stubs.invite("invite-1", "ada@example.com", "pending");
        return Stream.of(
                Arguments.of("{}", okJson("{}")),
                Arguments.of("null", okJson("null")),
                Arguments.of("an error envelope", okJson(ENVELOPE)),
                Arguments.of("an empty body", aResponse().withStatus(200)),
                Arguments.of("204 No Content", aResponse().withStatus(204)),
                Arguments.of("a list", okJson(Stubs.list(null, null, false))),
                Arguments.of("no id", okJson(full.replace("\"id\":\"invite-1\",", ""))),
                Arguments.of("email null", okJson(full.replace("\"ada@example.com\"", "null"))),
                Arguments.of("no status", okJson(full.replace("\"status\":\"pending\",", ""))),
                Arguments.of("no role", okJson(full.replace("\"role\":\"reader\",", ""))),
                Arguments.of("no created_at nor invited_at", okJson(full.replace("\"created_at\":1711471533,", ""))),
                Arguments.of("a project without id", okJson(full.replace("{\"id\":\"proj_abc\",", "{"))),
                Arguments.of("a blank project id", okJson(full.replace("\"proj_abc\"", "\" \""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustworthyInvites")
    @DisplayName("a create answer missing what the contract requires is an unknown outcome, never a default value")
    void create(String name, ResponseDefinitionBuilder answer) {
        WIRE.stubFor(post(INVITES).willReturn(answer));
        assertUnreadable(() -> openai.invite(InvitationRequest.of("ada@example.com")), "invite");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustworthyInvites")
    @DisplayName("a retrieve answer missing what the contract requires is unreadable, never 'not found'")
    void retrieve(String name, ResponseDefinitionBuilder answer) {
        WIRE.stubFor(get(INVITES + "/invite-1").willReturn(answer));
        assertUnreadable(() -> openai.find("invite-1"), "find");
    }

    static Stream<Arguments> untrustworthyDeletions() {
        return Stream.of(
                Arguments.of("{}", okJson("{}")),
                Arguments.of("null", okJson("null")),
                Arguments.of("an error envelope", okJson(ENVELOPE)),
                Arguments.of("an empty body", aResponse().withStatus(200)),
                Arguments.of("204 No Content", aResponse().withStatus(204)),
                Arguments.of("deleted null", okJson("{\"object\":\"organization.invite.deleted\",\"id\":\"invite-1\",\"deleted\":null}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustworthyDeletions")
    @DisplayName("a delete answer without its deleted flag is an unknown outcome, never 'revoked'")
    void delete(String name, ResponseDefinitionBuilder answer) {
        WIRE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(INVITES + "/invite-1").willReturn(answer));
        assertUnreadable(() -> openai.revoke("invite-1"), "revoke");
    }

    @Nested
    @DisplayName("no untyped exception escapes")
    class Untyped {

        @Test
        @DisplayName("a status no table names (999) after a create is an unknown outcome carrying the status")
        void unknownStatus() {
            WIRE.stubFor(post(INVITES).willReturn(aResponse().withStatus(999).withBody(ENVELOPE)));
            RosterException e = assertUnreadable(() -> openai.invite(InvitationRequest.of("ada@example.com")), "invite");
            assertThat(e.httpStatus()).hasValue(999);
        }

        @Test
        @DisplayName("a Content-Length that is not a number is an unknown outcome on invite, list and find")
        void contentLengthNotANumber() {
            WIRE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withHeader("Content-Length", "abc").withBody(Stubs.invite("invite-1", "ada@example.com", "pending"))));
            assertUnreadable(() -> openai.invite(InvitationRequest.of("ada@example.com")), "invite");
            assertUnreadable(() -> openai.list(PageRequest.first(5)), "list");
            assertUnreadable(() -> openai.find("invite-1"), "find");
        }
    }

    @Nested
    @DisplayName("vendor data is not caller input")
    class VendorData {

        @Test
        @DisplayName("a project id the caller rules would refuse (a space) is kept as OpenAI sent it, on invite and list")
        void projectIdWithSpace() {
            String invite = Stubs.invite("invite-1", "ada@example.com", "pending").replace("\"proj_abc\"", "\"proj with space\"");
            WIRE.stubFor(post(INVITES).willReturn(okJson(invite)));
            WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(okJson(Stubs.list("invite-1", "invite-1", false, invite))));

            Invitation created = openai.invite(InvitationRequest.of("ada@example.com"));
            Page<Invitation> page = openai.list(PageRequest.first(10));

            assertThat(created.projects()).containsExactly(ProjectGrant.of("proj with space", "member"));
            assertThat(page.items()).singleElement().satisfies(i ->
                    assertThat(i.projects()).containsExactly(ProjectGrant.of("proj with space", "member")));
        }

        @Test
        @DisplayName("every byte of the after cursor but the unreserved ones is percent-encoded on the wire, '/' included")
        void cursorEncoded() {
            WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(okJson(Stubs.list(null, null, false))));
            openai.list(PageRequest.after(10, "invite/a+b=c%2F?&#é"));
            String url = WIRE.getAllServeEvents().get(0).getRequest().getUrl();
            assertThat(url).isEqualTo(INVITES + "?limit=10&after=invite%2Fa%2Bb%3Dc%252F%3F%26%23%C3%A9");
        }
    }

    @Test
    @DisplayName("a host that does not resolve is named in words, with what to check")
    void unresolvedHost() {
        // .invalid is reserved (RFC 6761): resolvers answer at once that no such name exists; nothing is sent.
        InvitationProvider nowhere = new OpenAiProviderFactory().create(ProviderConfig.builder()
                .baseUri("https://roster-test.invalid/v1")
                .credential(ProviderConfig.OPENAI_ADMIN_KEY, Secret.of(Stubs.KEY))
                .connectTimeout(Duration.ofSeconds(5))
                .build());
        RosterException e = assertUnreadable(() -> nowhere.list(PageRequest.first(5)), "list");
        assertThat(e.getMessage()).contains("could not resolve roster-test.invalid", "DNS");
    }

    private static RosterException assertUnreadable(Runnable call, String operation) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as(operation + " must fail with ProviderUnavailableException (an unknown outcome)")
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(thrown.getMessage()).contains("OpenAI");
        return (RosterException) thrown;
    }
}
