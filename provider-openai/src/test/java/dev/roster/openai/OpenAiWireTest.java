package dev.roster.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.roster.AuthenticationException;
import dev.roster.ConflictException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProjectGrant;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RosterException;
import dev.roster.testkit.openapi.OpenApiValidation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The OpenAI adapter on the wire, against WireMock stubs")
class OpenAiWireTest {

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final String INVITES = "/v1/organization/invites";

    private final OpenApiValidation spec = Specs.openAi();
    /** The violations of OpenAI's spec this test's stub answers make on purpose, each with its reason. */
    private final List<OpenApiValidation.Deviation> deliberate = new ArrayList<>();
    private InvitationProvider openai;

    @BeforeEach
    void open() {
        openai = Stubs.bare(WIRE.baseUrl());
    }

    @AfterEach
    void exchangesFollowTheSpecExceptAsDeclared() {
        openai.close();
        spec.assertNoViolations(WIRE.getAllServeEvents(), deliberate);
    }

    /**
     * Declares one violation of OpenAI's spec this test's stub provokes on purpose; every other
     * exchange, and every request the adapter sends, must still follow it.
     */
    private void deliberately(String violation, String why) {
        deliberate.add(OpenApiValidation.deliberate(violation, why));
    }

    @Nested
    @DisplayName("requests")
    class Requests {

        @Test
        @DisplayName("authenticate with the admin key as a bearer token and name Roster and its version")
        void headers() {
            WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(okJson(Stubs.list(null, null, false))));
            openai.list(PageRequest.first(10));
            WIRE.verify(getRequestedFor(urlEqualTo(INVITES + "?limit=10"))
                    .withHeader("Authorization", equalTo("Bearer " + Stubs.KEY))
                    .withHeader("User-Agent", matching("roster/[0-9][0-9A-Za-z.-]* \\(provider-openai\\)"))
                    .withHeader("Accept", equalTo("application/json")));
        }

        @Test
        @DisplayName("send the default role reader when the request names none, and leave projects out when unspecified")
        void defaultsOnCreate() {
            WIRE.stubFor(post(INVITES).willReturn(okJson(Stubs.invite("invite-1", "ada@example.com", "pending"))));
            openai.invite(InvitationRequest.of("ada@example.com"));
            WIRE.verify(postRequestedFor(urlEqualTo(INVITES))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson("{\"email\":\"ada@example.com\",\"role\":\"reader\"}"))
                    .withRequestBody(matchingJsonPath("$.projects", absent())));
        }

        @Test
        @DisplayName("send projects: [] for noProjects(), and the grants as given otherwise")
        void explicitProjects() {
            WIRE.stubFor(post(INVITES).willReturn(okJson(Stubs.invite("invite-1", "ada@example.com", "pending"))));
            openai.invite(InvitationRequest.builder("ada@example.com").role("owner").noProjects().build());
            openai.invite(InvitationRequest.builder("bob@example.com").project("proj_x", "owner").project("proj_y", "member").build());
            WIRE.verify(postRequestedFor(urlEqualTo(INVITES))
                    .withRequestBody(equalToJson("{\"email\":\"ada@example.com\",\"role\":\"owner\",\"projects\":[]}")));
            WIRE.verify(postRequestedFor(urlEqualTo(INVITES)).withRequestBody(equalToJson("{\"email\":\"bob@example.com\","
                    + "\"role\":\"reader\",\"projects\":[{\"id\":\"proj_x\",\"role\":\"owner\"},{\"id\":\"proj_y\",\"role\":\"member\"}]}")));
        }

        @Test
        @DisplayName("page with limit and after, the next cursor being last_id while has_more")
        void pagination() {
            WIRE.stubFor(get(urlEqualTo(INVITES + "?limit=2")).willReturn(okJson(Stubs.list("invite-1", "invite-2", true,
                    Stubs.invite("invite-1", "a@example.com", "pending"), Stubs.invite("invite-2", "b@example.com", "pending")))));
            WIRE.stubFor(get(urlEqualTo(INVITES + "?limit=2&after=invite-2")).willReturn(okJson(Stubs.list("invite-3", "invite-3",
                    false, Stubs.invite("invite-3", "c@example.com", "accepted")))));

            Page<Invitation> first = openai.list(PageRequest.first(2));
            assertThat(first.items()).extracting(Invitation::id).containsExactly("invite-1", "invite-2");
            assertThat(first.nextCursor()).hasValue("invite-2");
            Page<Invitation> last = openai.list(PageRequest.after(2, first.nextCursor().get()));
            assertThat(last.items()).extracting(Invitation::id).containsExactly("invite-3");
            assertThat(last.nextCursor()).isEmpty();
        }

        @Test
        @DisplayName("ask for at most 100 items, OpenAI's largest page")
        void maxLimit() {
            WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(okJson(Stubs.list(null, null, false))));
            openai.list(PageRequest.first(500));
            WIRE.verify(getRequestedFor(urlEqualTo(INVITES + "?limit=100")));
            assertThat(openai.info().capabilities().maxPageSize()).isEqualTo(100);
        }
    }

    @Nested
    @DisplayName("responses")
    class Responses {

        @Test
        @DisplayName("map every field of a spec-conforming invite")
        void fullInvite() {
            WIRE.stubFor(get(INVITES + "/invite-1").willReturn(okJson(Stubs.invite("invite-1", "ada@example.com", "pending"))));
            Invitation invitation = openai.find("invite-1").orElseThrow();
            assertThat(invitation.id()).isEqualTo("invite-1");
            assertThat(invitation.email()).isEqualTo("ada@example.com");
            assertThat(invitation.role()).hasValue("reader");
            assertThat(invitation.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(invitation.createdAt()).hasValue(Instant.ofEpochSecond(1711471533));
            assertThat(invitation.expiresAt()).hasValue(Instant.ofEpochSecond(1712076333));
            assertThat(invitation.acceptedAt()).isEmpty();
            assertThat(invitation.projects()).containsExactly(ProjectGrant.of("proj_abc", "member"));
            assertThat(invitation.provider()).isEqualTo("openai");
            assertThat(invitation.attributes()).isEmpty();
        }

        @Test
        @DisplayName("fall back to invited_at, and read a payload without projects or expiry (older OpenAI answers)")
        void olderPayload() {
            deliberately("additionalProperties.*\\[\"invited_at\"\\]",
                    "OpenAI's older answers: invited_at, which the current spec does not name");
            deliberately("missing required properties \\(\\[\"created_at\",\"projects\"\\]\\)",
                    "OpenAI's older answers: no created_at, no projects");
            WIRE.stubFor(get(INVITES + "/invite-1").willReturn(okJson("{\"object\":\"organization.invite\",\"id\":\"invite-1\","
                    + "\"email\":\"ada@example.com\",\"role\":\"owner\",\"status\":\"accepted\",\"invited_at\":1700000000,"
                    + "\"accepted_at\":1700000100}")));
            Invitation invitation = openai.find("invite-1").orElseThrow();
            assertThat(invitation.createdAt()).hasValue(Instant.ofEpochSecond(1700000000));
            assertThat(invitation.acceptedAt()).hasValue(Instant.ofEpochSecond(1700000100));
            assertThat(invitation.expiresAt()).isEmpty();
            assertThat(invitation.projects()).isEmpty();
            assertThat(invitation.status()).isEqualTo(InvitationStatus.ACCEPTED);
        }

        @Test
        @DisplayName("prefer created_at when both timestamps are present, and read projects: []")
        void bothTimestamps() {
            deliberately("additionalProperties.*\\[\"invited_at\"\\]",
                    "invited_at, of OpenAI's older answers, is not in the current spec");
            WIRE.stubFor(get(INVITES + "/invite-1").willReturn(okJson(Stubs.invite("invite-1", "ada@example.com", "expired")
                    .replace("\"created_at\"", "\"invited_at\":1,\"created_at\"")
                    .replace("[{\"id\":\"proj_abc\",\"role\":\"member\"}]", "[]"))));
            Invitation invitation = openai.find("invite-1").orElseThrow();
            assertThat(invitation.createdAt()).hasValue(Instant.ofEpochSecond(1711471533));
            assertThat(invitation.projects()).isEmpty();
            assertThat(invitation.status()).isEqualTo(InvitationStatus.EXPIRED);
        }

        @Test
        @DisplayName("ignore unknown fields and keep unknown status and role values instead of failing")
        void unknownFieldsAndValues() {
            deliberately("additionalProperties.*\\[\"inviter\",\"scim\"\\]", "new fields OpenAI may add");
            deliberately("\\[Path '/role'\\] Instance value \\(\"billing\"\\) not found in enum", "a role OpenAI may add");
            deliberately("\\[Path '/status'\\] Instance value \\(\"revoked_by_admin\"\\) not found in enum",
                    "a status OpenAI may add");
            WIRE.stubFor(get(INVITES + "/invite-1").willReturn(okJson(Stubs.invite("invite-1", "ada@example.com", "revoked_by_admin")
                    .replace("\"role\":\"reader\"", "\"role\":\"billing\"")
                    .replace("{\"object\"", "{\"inviter\":{\"id\":\"user-1\"},\"scim\":true,\"object\""))));
            Invitation invitation = openai.find("invite-1").orElseThrow();
            assertThat(invitation.status()).isEqualTo(InvitationStatus.UNKNOWN);
            assertThat(invitation.attributes()).containsEntry("status", "revoked_by_admin");
            assertThat(invitation.role()).hasValue("billing");
        }

        @Test
        @DisplayName("answer find of an unknown id with empty, and revoke of one with false")
        void unknownIds() {
            WIRE.stubFor(any(urlEqualTo(INVITES + "/invite-gone")).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Stubs.error("No invite found with id 'invite-gone'.", "invalid_request_error", null, null))));
            assertThat(openai.find("invite-gone")).isEmpty();
            assertThat(openai.revoke("invite-gone")).isFalse();
        }

        @Test
        @DisplayName("answer revoke of a pending invite with true")
        void revokes() {
            WIRE.stubFor(delete(INVITES + "/invite-1").willReturn(
                    okJson("{\"object\":\"organization.invite.deleted\",\"id\":\"invite-1\",\"deleted\":true}")));
            assertThat(openai.revoke("invite-1")).isTrue();
        }
    }

    @Nested
    @DisplayName("errors")
    class Errors {

        @ParameterizedTest(name = "HTTP {0} -> {1}")
        @CsvSource({
            "400, InvalidRequestException, invalid_request_error, invalid_value",
            "401, AuthenticationException, invalid_request_error, invalid_api_key",
            "403, PermissionDeniedException, invalid_request_error, ",
            "404, NotFoundException, invalid_request_error, ",
            "409, ConflictException, invalid_request_error, ",
            "422, InvalidRequestException, invalid_request_error, ",
            "429, RateLimitedException, requests, rate_limit_exceeded",
            "500, ProviderUnavailableException, server_error, ",
            "503, ProviderUnavailableException, server_error, "})
        @DisplayName("map each status to its typed error, with OpenAI's message, code and request id")
        void statuses(int status, String type, String openAiType, String code) {
            WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json").withHeader("x-request-id", Stubs.REQUEST_ID)
                    .withBody(Stubs.error("Something about " + status + ".", openAiType, null, code))));

            RosterException error = catchThrowableOfType(RosterException.class, () -> openai.list(PageRequest.first(5)));

            assertThat(error).isNotNull();
            assertThat(error.getClass().getSimpleName()).isEqualTo(type);
            assertThat(error.httpStatus()).hasValue(status);
            assertThat(error.requestId()).hasValue(Stubs.REQUEST_ID);
            assertThat(error.vendorCode()).isEqualTo(Optional.ofNullable(code));
            assertThat(error.providerId()).hasValue("openai");
            assertThat(error.getMessage()).contains("Something about " + status + ".", "HTTP " + status, Stubs.REQUEST_ID);
        }

        @Test
        @DisplayName("carry Retry-After on a 429")
        void retryAfterSeconds() {
            WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                    .withHeader("Content-Type", "application/json")
                    .withBody(Stubs.error("Rate limit reached.", "requests", null, "rate_limit_exceeded"))));
            RateLimitedException error = catchThrowableOfType(RateLimitedException.class, () -> openai.list(PageRequest.first(5)));
            assertThat(error.retryAfter()).hasValue(Duration.ofSeconds(7));
        }

        @Test
        @DisplayName("prefer OpenAI's retry-after-ms, more precise, on a 429")
        void retryAfterMillis() {
            WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                    .withHeader("retry-after-ms", "1250").withHeader("Content-Type", "application/json")
                    .withBody(Stubs.error("Rate limit reached.", "requests", null, "rate_limit_exceeded"))));
            RateLimitedException error = catchThrowableOfType(RateLimitedException.class, () -> openai.list(PageRequest.first(5)));
            assertThat(error.retryAfter()).hasValue(Duration.ofMillis(1250));
        }

        @Test
        @DisplayName("still give a typed error, with the status and a snippet, for a body that is not JSON")
        void nonJsonBody() {
            deliberately("GET /v1/organization/invites\\?limit=5 -> 502: validation\\.response\\.contentType\\.notAllowed",
                    "a proxy's HTML page instead of OpenAI's error envelope");
            WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
            ProviderUnavailableException error = catchThrowableOfType(ProviderUnavailableException.class,
                    () -> openai.list(PageRequest.first(5)));
            assertThat(error.httpStatus()).hasValue(502);
            assertThat(error.getMessage()).contains("HTTP 502", "not its JSON error format", "502 Bad Gateway");
        }

        @ParameterizedTest(name = "code {0}, message \"{1}\" -> {2}")
        @CsvSource({
            "invite_already_exists, An invite for this email is already pending., ALREADY_INVITED",
            ", User is already invited to this organization., ALREADY_INVITED",
            "user_already_member, This user is already a member of the organization., ALREADY_MEMBER",
            ", User is already part of this organization., ALREADY_MEMBER",
            ", Something else clashed., OTHER"})
        @DisplayName("classify conflicts on create by OpenAI's code, then its message")
        void createConflicts(String code, String message, ConflictException.Reason reason) {
            WIRE.stubFor(post(INVITES).willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                    .withBody(Stubs.error(message, "invalid_request_error", "email", code))));
            ConflictException error = catchThrowableOfType(ConflictException.class,
                    () -> openai.invite(InvitationRequest.of("ada@example.com")));
            assertThat(error.reason()).isEqualTo(reason);
            assertThat(error.getMessage()).contains(message);
        }

        @Test
        @DisplayName("say an accepted invitation cannot be revoked, and that the user must be removed instead")
        void deleteAccepted() {
            WIRE.stubFor(delete(INVITES + "/invite-1").willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                    .withBody(Stubs.error("Invite has already been accepted.", "invalid_request_error", null, null))));
            ConflictException error = catchThrowableOfType(ConflictException.class, () -> openai.revoke("invite-1"));
            assertThat(error.reason()).isEqualTo(ConflictException.Reason.ACCEPTED_CANNOT_BE_REVOKED);
            assertThat(error.getMessage()).contains("already accepted", "remove the user from the organization");
        }

        @Test
        @DisplayName("take a 404 'Invalid URL' for a wrong base URI, not for a missing invite")
        void invalidUrl() {
            WIRE.stubFor(get(urlPathEqualTo(INVITES + "/invite-1")).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Stubs.error("Invalid URL (GET /v1/organization/invites/invite-1)", "invalid_request_error", null, null))));
            assertThatThrownBy(() -> openai.find("invite-1")).isInstanceOf(ProviderConfigurationException.class)
                    .hasMessageContaining("base URI").hasMessageContaining("/v1");
        }

        @Test
        @DisplayName("never repeat the key, even when OpenAI echoes part of it")
        void keyNotEchoed() {
            String echoed = Stubs.KEY.substring(0, 12) + "****" + Stubs.KEY.substring(Stubs.KEY.length() - 4);
            WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                    .withBody(Stubs.error("Incorrect API key provided: " + echoed + ".", "invalid_request_error", null, "invalid_api_key"))));
            AuthenticationException error = catchThrowableOfType(AuthenticationException.class, () -> openai.list(PageRequest.first(5)));
            assertThat(error.getMessage()).doesNotContain(echoed).doesNotContain(Stubs.KEY.substring(0, 12))
                    .contains("Incorrect API key provided", "admin key", "OPENAI_ADMIN_KEY");
        }

        @Test
        @DisplayName("report a 200 whose body is not JSON as the vendor being unavailable")
        void malformedSuccess() {
            deliberately("-> 200: validation\\.response\\.body\\.schema\\.invalidJson", "a body cut short by the network");
            WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(okJson("{\"object\":\"list\",\"data\":[tru")));
            assertThatThrownBy(() -> openai.list(PageRequest.first(5))).isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("HTTP 200");
        }

        @Test
        @DisplayName("describe an unreadable create answer by the parse error, never by quoting the request sent")
        void malformedCreateAnswer() {
            deliberately("-> 200: validation\\.response\\.body\\.schema\\.invalidJson", "a body cut short by the network");
            WIRE.stubFor(post(INVITES).willReturn(okJson("{\"object\":\"organization.invite\",\"id\":tru")));
            assertThatThrownBy(() -> openai.invite(InvitationRequest.of("quoted@example.com")))
                    .isInstanceOfSatisfying(ProviderUnavailableException.class,
                            e -> assertThat(e.httpStatus()).hasValue(200))
                    .hasMessageContaining("Unrecognized token")
                    .hasMessageNotContaining("quoted@example.com");
        }

        @Test
        @DisplayName("reject an invite answer without id as a vendor fault")
        void inviteWithoutId() {
            deliberately("-> 200: .*missing required properties \\(\\[\"created_at\",\"id\",\"projects\",\"role\",\"status\"\\]\\)",
                    "an invite without its required id (nor most other fields)");
            WIRE.stubFor(post(INVITES).willReturn(okJson("{\"object\":\"organization.invite\",\"email\":\"a@example.com\"}")));
            assertThatThrownBy(() -> openai.invite(InvitationRequest.of("a@example.com")))
                    .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("without an id");
        }
    }

    @Nested
    @DisplayName("transport")
    class Transport {

        @Test
        @DisplayName("report a refused connection as ProviderUnavailableException")
        void connectionRefused() throws Exception {
            int closedPort;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                closedPort = socket.getLocalPort();
            }
            InvitationProvider nowhere = Stubs.bare("http://127.0.0.1:" + closedPort);
            assertThatThrownBy(() -> nowhere.list(PageRequest.first(5))).isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + closedPort);
        }

        @Test
        @DisplayName("follow no redirect, so the key never travels to another host")
        void noRedirects() {
            deliberately("-> 302: validation\\.response\\.body\\.missing", "a redirect, which the spec does not declare");
            WIRE.stubFor(get(urlPathEqualTo(INVITES)).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "http://127.0.0.1:1/elsewhere")));
            assertThatThrownBy(() -> openai.list(PageRequest.first(5))).isInstanceOf(RosterException.class)
                    .hasMessageContaining("HTTP 302");
            assertThat(WIRE.getAllServeEvents()).extracting(e -> e.getRequest().getUrl()).containsExactly(INVITES + "?limit=5");
        }
    }

    @Test
    @DisplayName("declares OpenAI's capabilities")
    void capabilities() {
        var caps = openai.info().capabilities();
        assertThat(caps.roles()).containsExactlyInAnyOrder("reader", "owner");
        assertThat(caps.defaultRole()).hasValue("reader");
        assertThat(caps.projectRoles()).containsExactlyInAnyOrder("member", "owner");
        assertThat(caps.revokeAccepted()).isFalse();
        assertThat(caps.maxPageSize()).isEqualTo(100);
        assertThat(openai.info().id()).isEqualTo("openai");
    }
}
