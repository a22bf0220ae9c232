package dev.roster.confluent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.roster.AuthenticationException;
import dev.roster.ConflictException;
import dev.roster.InvalidRequestException;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.NotFoundException;
import dev.roster.PageRequest;
import dev.roster.PermissionDeniedException;
import dev.roster.ProviderConfig;
import dev.roster.ProviderUnavailableException;
import dev.roster.QuotaExceededException;
import dev.roster.RateLimitedException;
import dev.roster.RosterException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Confluent's errors become typed RosterExceptions carrying the request id and Confluent's words")
class ConfluentErrorMappingTest {

    private static final String COLLECTION = "/iam/v2/invitations";
    private static final String ITEM = COLLECTION + "/" + Payloads.ID;

    @RegisterExtension
    static final ConfluentStub stub = new ConfluentStub();

    private InvitationProvider confluent;

    @BeforeEach
    void open() {
        confluent = stub.adapter();
    }

    @AfterEach
    void close() {
        confluent.close();
    }

    @Nested
    @DisplayName("by status")
    class ByStatus {

        @Test
        @DisplayName("400 on list is an invalid request naming the parameter")
        void badRequest() {
            answer(get(urlPathEqualTo(COLLECTION)), error(400, "invalid_filter", "Invalid Filter",
                    "The 'invitation' resource can't be filtered by 'colour'").withBody(
                    "{\"errors\":[{\"id\":\"e-1\",\"status\":\"400\",\"code\":\"invalid_filter\",\"title\":\"Invalid Filter\","
                            + "\"detail\":\"The 'invitation' resource can't be filtered by 'colour'\",\"source\":{\"parameter\":\"colour\"}}]}"));

            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> confluent.list(PageRequest.first(10)));

            assertCarries(e, 400, "invalid_filter", "req-400");
            assertThat(e.getMessage()).contains("HTTP 400", "GET /iam/v2/invitations", "Invalid Filter",
                    "can't be filtered by 'colour'", "query parameter colour");
        }

        @Test
        @DisplayName("401 is an authentication failure saying which key to use")
        void unauthenticated() {
            answer(get(urlPathEqualTo(ITEM)), error(401, "user_unauthenticated", "Authentication Required",
                    "Valid authentication credentials must be provided")
                    .withHeader("WWW-Authenticate", "Basic error=\"invalid_key\", error_description=\"The API Key is invalid\""));

            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> confluent.find(Payloads.ID));

            assertCarries(e, 401, "user_unauthenticated", "req-401");
            assertThat(e.getMessage()).contains("Valid authentication credentials must be provided", "Cloud API key",
                    "CONFLUENT_CLOUD_API_KEY", "CONFLUENT_CLOUD_API_SECRET");
        }

        @Test
        @DisplayName("402 is a quota error saying what to free")
        void paymentRequired() {
            answer(post(urlPathEqualTo(COLLECTION)), error(402, "quota_exceeded", "Invitations Per Org Quota Exceeded",
                    "The request would exceed the quota: invitations_per_org"));

            QuotaExceededException e = catchThrowableOfType(QuotaExceededException.class, this::invite);

            assertCarries(e, 402, "quota_exceeded", "req-402");
            assertThat(e.getMessage()).contains("invitations_per_org", "quota");
        }

        @Test
        @DisplayName("a quota code under another status is a quota error too")
        void quotaCode() {
            answer(post(urlPathEqualTo(COLLECTION)), error(400, "quota_exceeded", "Quota Exceeded",
                    "The request would exceed the quota: users_per_org"));

            QuotaExceededException e = catchThrowableOfType(QuotaExceededException.class, this::invite);

            assertCarries(e, 400, "quota_exceeded", "req-400");
        }

        @Test
        @DisplayName("403 is a permission failure naming the OrganizationAdmin role")
        void forbidden() {
            answer(delete(urlPathEqualTo(ITEM)), error(403, "user_unauthorized", "User Access Unauthorized",
                    "The service account 'sa-1' is not allowed to delete invitations"));

            PermissionDeniedException e = catchThrowableOfType(PermissionDeniedException.class,
                    () -> confluent.revoke(Payloads.ID));

            assertCarries(e, 403, "user_unauthorized", "req-403");
            assertThat(e.getMessage()).contains("OrganizationAdmin", "not allowed to delete invitations");
        }

        @Test
        @DisplayName("404 on find is empty, on revoke false, and on list a not-found error")
        void notFound() {
            answer(get(urlPathEqualTo(ITEM)), error(404, null, "Not Found", null));
            answer(delete(urlPathEqualTo(ITEM)), error(404, null, "Not Found", null));
            answer(get(urlPathEqualTo(COLLECTION)), error(404, null, "Not Found", null));

            assertThat(confluent.find(Payloads.ID)).isEmpty();
            assertThat(confluent.revoke(Payloads.ID)).isFalse();
            NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> confluent.list(PageRequest.first(5)));
            assertCarries(e, 404, null, "req-404");
        }

        @Test
        @DisplayName("409 for a member is an already-a-member conflict")
        void member() {
            answer(post(urlPathEqualTo(COLLECTION)), error(409, "resource_already_exists", "Resource Already Exists",
                    "User already exists in the organization"));

            ConflictException e = catchThrowableOfType(ConflictException.class, this::invite);

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_MEMBER);
            assertCarries(e, 409, "resource_already_exists", "req-409");
            assertThat(e.getMessage()).contains("User already exists in the organization", "role bindings");
        }

        @Test
        @DisplayName("409 for a pending invitation is an already-invited conflict")
        void pending() {
            answer(post(urlPathEqualTo(COLLECTION)), error(409, "resource_already_exists", "Invitation Already Exists",
                    "An invitation for ada@example.com is already pending (i-gxxn1)")
                    .withHeader("Location", "https://api.confluent.cloud/iam/v2/invitations/i-gxxn1"));

            ConflictException e = catchThrowableOfType(ConflictException.class, this::invite);

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_INVITED);
            assertCarries(e, 409, "resource_already_exists", "req-409");
            assertThat(e.invitationId()).as("the invitation its Location names").contains("i-gxxn1");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/iam/v2/invitations/i-gxxn1", "https://api.confluent.cloud/iam/v2/users/u-1",
                "https://api.confluent.cloud/iam/v2/invitations/", "https://api.confluent.cloud/iam/v2/invitations/a/b",
                "https://api.confluent.cloud/iam/v2/invitations/i-1?x=1", "https://api.confluent.cloud/iam/v2/invitations/%2E%2E"})
        @DisplayName("a 409's Location that is not an absolute invitation URI with a fit id names nothing (see ConflictLocationTest)")
        void unusableLocation(String location) {
            answer(post(urlPathEqualTo(COLLECTION)), error(409, "resource_already_exists", "Invitation Already Exists",
                    "An invitation for ada@example.com is already pending").withHeader("Location", location));

            ConflictException e = catchThrowableOfType(ConflictException.class, this::invite);

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_INVITED);
            assertThat(e.invitationId()).isEmpty();
        }

        @Test
        @DisplayName("409 that says neither is a conflict of reason OTHER, which core resolves by email")
        void otherConflict() {
            answer(post(urlPathEqualTo(COLLECTION)), error(409, "resource_already_exists", "Resource Already Exists",
                    "The entitlement '91e3e86f' already exists."));

            ConflictException e = catchThrowableOfType(ConflictException.class, this::invite);

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.OTHER);
            assertThat(e.invitationId()).isEmpty();
        }

        @Test
        @DisplayName("422 is an invalid request pointing at the property")
        void unprocessable() {
            answer(post(urlPathEqualTo(COLLECTION)), error(422, "invalid_configuration", "Validation Failed", null).withBody(
                    "{\"errors\":[{\"id\":\"e-2\",\"status\":\"422\",\"code\":\"invalid_configuration\",\"title\":\"Validation Failed\","
                            + "\"detail\":\"The property '/email' is not a valid email\",\"source\":{\"pointer\":\"/email\"}}]}"));

            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, this::invite);

            assertCarries(e, 422, "invalid_configuration", "req-422");
            assertThat(e.getMessage()).contains("is not a valid email", "at /email");
        }

        @Test
        @DisplayName("429 is rate limited, waiting as long as Retry-After says")
        void rateLimitedWithRetryAfter() {
            answer(get(urlPathEqualTo(COLLECTION)), aResponse().withStatus(429).withHeader("X-Request-Id", "req-429")
                    .withHeader("Retry-After", "7").withHeader("X-RateLimit-Limit", "300")
                    .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", "7"));

            RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> confluent.list(PageRequest.first(5)));

            assertCarries(e, 429, null, "req-429");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        }

        @Test
        @DisplayName("429 without Retry-After waits for X-RateLimit-Reset, relative seconds")
        void rateLimitedWithResetOnly() {
            answer(get(urlPathEqualTo(COLLECTION)), aResponse().withStatus(429).withHeader("X-Request-Id", "req-429")
                    .withHeader("X-RateLimit-Reset", "12"));

            RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> confluent.list(PageRequest.first(5)));

            assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
            assertThat(e.getMessage()).contains("Retry after 12000 ms");
        }

        @Test
        @DisplayName("500 is unavailable, carrying Confluent's detail")
        void serverError() {
            answer(post(urlPathEqualTo(COLLECTION)), error(500, "internal_error", "Internal Server Error",
                    "Something went wrong on our side"));

            ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class, this::invite);

            assertCarries(e, 500, "internal_error", "req-500");
            assertThat(e.getMessage()).contains("Something went wrong on our side", "try again later");
        }

        @Test
        @DisplayName("503 is unavailable, waiting as long as Retry-After says")
        void unavailable() {
            answer(get(urlPathEqualTo(ITEM)), error(503, "service_unavailable", "Service Unavailable", "Try again soon")
                    .withHeader("Retry-After", "2"));

            ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
                    () -> confluent.find(Payloads.ID));

            assertCarries(e, 503, "service_unavailable", "req-503");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        }

        private void invite() {
            confluent.invite(InvitationRequest.of("ada@example.com"));
        }
    }

    @Nested
    @DisplayName("by meaning")
    class ByMeaning {

        @Test
        @DisplayName("deleting an accepted invitation (400 'already accepted') says to remove the user instead")
        void acceptedCannotBeDeleted() {
            answer(delete(urlPathEqualTo(ITEM)), error(400, "invalid_operation", "Bad Request",
                    "Invitation i-gxxn1 has already been accepted"));

            ConflictException e = catchThrowableOfType(ConflictException.class, () -> confluent.revoke(Payloads.ID));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ACCEPTED_CANNOT_BE_REVOKED);
            assertCarries(e, 400, "invalid_operation", "req-400");
            assertThat(e.getMessage()).contains("already been accepted", "remove the user from the organization");
        }

        @Test
        @DisplayName("the error's own id stands in for a missing X-Request-Id")
        void errorIdAsRequestId() {
            answer(get(urlPathEqualTo(ITEM)), aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                    .withBody(Payloads.failure(403, "user_unauthorized", "Forbidden", "No")));

            RosterException e = catchThrowableOfType(RosterException.class, () -> confluent.find(Payloads.ID));

            assertThat(e.requestId()).contains("ed42afdc-f0d5-4c0d-b428-9fc6ed6e279d");
        }

        @Test
        @DisplayName("a body that is not Confluent's error format still gives a typed error with status and snippet")
        void notJson() {
            stub.deliberately("-> 502: .*", "a proxy in front of Confluent answers with its own HTML page");
            answer(get(urlPathEqualTo(COLLECTION)), aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                    .withHeader("X-Request-Id", "req-502").withBody("<html><body><h1>502 Bad Gateway</h1>\r\n</body></html>"));

            ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
                    () -> confluent.list(PageRequest.first(5)));

            assertCarries(e, 502, null, "req-502");
            assertThat(e.getMessage()).contains("not Confluent's error format", "502 Bad Gateway").doesNotContain("\r", "\n");
        }

        @Test
        @DisplayName("an empty error body still gives a typed error")
        void emptyBody() {
            stub.deliberately("-> 401: .*", "an error without body");
            answer(get(urlPathEqualTo(ITEM)), aResponse().withStatus(401).withHeader("X-Request-Id", "req-401"));

            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> confluent.find(Payloads.ID));

            assertThat(e.getMessage()).contains("(empty body)");
        }

        @Test
        @DisplayName("a 200 whose body is not JSON is unavailable, not a crash")
        void malformedSuccess() {
            stub.deliberately("-> 200: .*", "a body cut short by the network");
            answer(get(urlPathEqualTo(ITEM)), aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"id\": \"i-gx"));

            ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
                    () -> confluent.find(Payloads.ID));

            assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(200));
            assertThat(e.getMessage()).contains("not the JSON expected");
        }
    }

    @Nested
    @DisplayName("without an answer")
    class WithoutAnswer {

        @Test
        @DisplayName("a reset connection is unavailable")
        void reset() {
            answer(get(urlPathEqualTo(COLLECTION)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

            ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
                    () -> confluent.list(PageRequest.first(5)));

            assertThat(e.getMessage()).contains("did not answer", "127.0.0.1");
        }

        @Test
        @DisplayName("a response slower than the read timeout is unavailable")
        void timeout() {
            answer(get(urlPathEqualTo(ITEM)), aResponse().withFixedDelay(1_500).withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(Payloads.invitation()));
            ProviderConfig impatient = stub.config().toBuilder().readTimeout(Duration.ofMillis(300)).build();

            try (InvitationProvider slow = new ConfluentProviderFactory().create(impatient)) {
                ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
                        () -> slow.find(Payloads.ID));
                assertThat(e.getMessage()).containsIgnoringCase("timed out");
            }
        }

        @Test
        @DisplayName("a refused connection is unavailable")
        void refused() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            ProviderConfig nowhere = stub.config().toBuilder().baseUri("http://127.0.0.1:" + closedPort).build();
            try (InvitationProvider unreachable = new ConfluentProviderFactory().create(nowhere)) {
                ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
                        () -> unreachable.list(PageRequest.first(5)));
                assertThat(e.getMessage()).contains("did not answer");
            }
        }
    }

    private static void answer(MappingBuilder request, ResponseDefinitionBuilder response) {
        stub.server().stubFor(request.willReturn(response));
    }

    private static ResponseDefinitionBuilder error(int status, String code, String title, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", "req-" + status).withBody(Payloads.failure(status, code, title, detail));
    }

    private static void assertCarries(RosterException e, int status, String code, String requestId) {
        assertThat(e).as("the adapter threw nothing").isNotNull();
        assertThat(e.providerId()).contains("confluent");
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(status));
        if (code != null) {
            assertThat(e.vendorCode()).contains(code);
        }
        assertThat(e.requestId()).contains(requestId);
    }
}
