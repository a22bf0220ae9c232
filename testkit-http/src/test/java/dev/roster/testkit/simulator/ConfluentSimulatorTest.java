package dev.roster.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ConfluentSimulator on the wire, with a plain HTTP client: what it answers, and that every answer
 * follows Confluent's published contract (from the specs folder the build names, never copied here).
 */
@DisplayName("ConfluentSimulator answers as Confluent's IAM v2 contract says")
class ConfluentSimulatorTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLLECTION = "/iam/v2/invitations";

    @RegisterExtension
    static final ConfluentSimulator confluent = new ConfluentSimulator().validatedAgainstSpec();

    @Nested
    @DisplayName("authentication")
    class Authentication {

        @Test
        @DisplayName("answers 401 with WWW-Authenticate and Confluent's error body without the right Basic credentials")
        void wrongCredentials() throws Exception {
            Reply none = send("GET", COLLECTION, null, null);
            Reply wrong = send("GET", COLLECTION, null, basic(confluent.apiKey(), "not-the-secret"));

            for (Reply reply : List.of(none, wrong)) {
                assertThat(reply.status).isEqualTo(401);
                assertThat(reply.header("WWW-Authenticate")).startsWith("Basic ");
                assertThat(reply.header("X-Request-Id")).isNotBlank();
                assertThat(reply.json().at("/errors/0/code").asText()).isEqualTo("user_unauthenticated");
            }
        }
    }

    @Nested
    @DisplayName("create")
    class Create {

        @Test
        @DisplayName("answers 201 with Location, a sent invitation, microsecond times and no accepted_at")
        void created() throws Exception {
            Reply reply = create("ada@example.com");

            assertThat(reply.status).isEqualTo(201);
            JsonNode body = reply.json();
            assertThat(reply.header("Location")).isEqualTo(confluent.rootUri() + COLLECTION + "/" + body.get("id").asText());
            assertThat(body.get("status").asText()).isEqualTo("INVITE_STATUS_SENT");
            assertThat(body.get("auth_type").asText()).isEqualTo("AUTH_TYPE_LOCAL");
            assertThat(body.has("accepted_at")).isFalse();
            assertThat(body.at("/metadata/created_at").asText()).matches(".*T.*\\.\\d{3,6}Z");
            assertThat(get(reply.header("Location").substring(confluent.rootUri().toString().length())).json().get("id"))
                    .isEqualTo(body.get("id"));
        }

        @Test
        @DisplayName("defaults auth_type to SSO in an SSO organization, and takes the one asked for")
        void authType() throws Exception {
            confluent.ssoOrganization(true);
            assertThat(create("ada@example.com").json().get("auth_type").asText()).isEqualTo("AUTH_TYPE_SSO");
            assertThat(send("POST", COLLECTION, "{\"email\":\"bob@example.com\",\"auth_type\":\"AUTH_TYPE_LOCAL\"}").json()
                    .get("auth_type").asText()).isEqualTo("AUTH_TYPE_LOCAL");
        }

        @Test
        @DisplayName("answers 409 naming the pending invitation for an address already invited, in any case")
        void pending() throws Exception {
            String id = create("Ada@Example.com").json().get("id").asText();

            Reply again = create("ada@example.com");

            assertThat(again.status).isEqualTo(409);
            assertThat(again.header("Location")).endsWith(COLLECTION + "/" + id);
            assertThat(again.json().at("/errors/0/detail").asText()).contains("already pending", id);
        }

        @Test
        @DisplayName("creates a second pending invitation for one address when told to accept duplicates, a member still 409")
        void duplicates() throws Exception {
            confluent.acceptDuplicateInvites(true);
            String id = create("Ada@Example.com").json().get("id").asText();

            Reply again = create("ada@example.com");

            assertThat(again.status).isEqualTo(201);
            assertThat(again.json().get("id").asText()).isNotEqualTo(id);
            assertThat(confluent.invitationsCreatedByEmail()).containsEntry("ada@example.com", 2);
            confluent.addMember("grace@example.com");
            assertThat(create("grace@example.com").status).isEqualTo(409);
        }

        @Test
        @DisplayName("answers 409 'User already exists in the organization' for a member")
        void member() throws Exception {
            String id = create("ada@example.com").json().get("id").asText();
            confluent.accept(id);
            confluent.addMember("grace@example.com");

            for (String email : List.of("ada@example.com", "GRACE@example.com")) {
                Reply reply = create(email);
                assertThat(reply.status).isEqualTo(409);
                assertThat(reply.json().at("/errors/0/detail").asText()).isEqualTo("User already exists in the organization");
            }
        }

        @Test
        @DisplayName("invites again once the earlier invitation was deleted or expired")
        void reinvite() throws Exception {
            String first = create("ada@example.com").json().get("id").asText();
            confluent.expire(first);
            String second = create("ada@example.com").json().get("id").asText();
            send("DELETE", COLLECTION + "/" + second, null);

            Reply third = create("ada@example.com");

            assertThat(third.status).isEqualTo(201);
            assertThat(third.json().at("/user/id")).as("one user per mailbox").isEqualTo(get(COLLECTION + "/" + first).json()
                    .at("/user/id"));
        }

        @Test
        @DisplayName("answers 422 pointing at /email for an address that is not one")
        void invalidEmail() throws Exception {
            confluent.deliberately("POST /iam/v2/invitations -> 422: validation.request.body", "an address that is not one");

            Reply reply = create("not-an-address");

            assertThat(reply.status).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/source/pointer").asText()).isEqualTo("/email");
        }
    }

    @Nested
    @DisplayName("list")
    class ListInvitations {

        @Test
        @DisplayName("pages with tokens that need URL-decoding, counts total_size, and ends without next")
        void pages() throws Exception {
            for (int i = 0; i < 23; i++) {
                create("user" + i + "@example.com");
            }
            List<String> ids = new ArrayList<>();
            String path = COLLECTION + "?page_size=10";
            int pages = 0;
            while (path != null) {
                JsonNode body = get(path).json();
                pages++;
                assertThat(body.at("/metadata/total_size").asInt()).isEqualTo(23);
                body.get("data").forEach(item -> ids.add(item.get("id").asText()));
                JsonNode next = body.at("/metadata/next");
                if (next.isMissingNode()) {
                    path = null;
                } else {
                    assertThat(next.asText()).startsWith(confluent.rootUri() + COLLECTION).contains("%2B", "%2F", "%3D");
                    path = next.asText().substring(confluent.rootUri().toString().length());
                }
            }
            assertThat(pages).isEqualTo(3);
            assertThat(ids).hasSize(23).doesNotHaveDuplicates();
        }

        @Test
        @DisplayName("defaults to pages of 10")
        void defaultPageSize() throws Exception {
            for (int i = 0; i < 11; i++) {
                create("user" + i + "@example.com");
            }
            assertThat(get(COLLECTION).json().get("data")).hasSize(10);
        }

        @Test
        @DisplayName("filters by email and by status, each an exact match as the contract says")
        void filters() throws Exception {
            String ada = create("Ada+ops@example.com").json().get("id").asText();
            create("bob@example.com");
            confluent.expire(ada);

            assertThat(get(COLLECTION + "?email=Ada%2Bops%40example.com").json().get("data")).singleElement()
                    .satisfies(item -> assertThat(item.get("id").asText()).isEqualTo(ada));
            assertThat(get(COLLECTION + "?email=ada%2Bops%40example.com").json().get("data")).as("in lower case").isEmpty();
            assertThat(get(COLLECTION + "?email=ADA%2BOPS%40EXAMPLE.COM").json().get("data")).as("in capitals").isEmpty();
            assertThat(get(COLLECTION + "?status=INVITE_STATUS_SENT").json().get("data")).singleElement()
                    .satisfies(item -> assertThat(item.get("email").asText()).isEqualTo("bob@example.com"));
        }

        @Test
        @DisplayName("answers 400 naming the parameter for a page larger than 100 or a forged token")
        void badParameters() throws Exception {
            confluent.deliberately("page_size.*(maximum|greater)", "a page larger than the contract allows");
            Reply tooBig = get(COLLECTION + "?page_size=101");
            Reply forged = get(COLLECTION + "?page_token=nonsense");

            assertThat(tooBig.status).isEqualTo(400);
            assertThat(tooBig.json().at("/errors/0/source/parameter").asText()).isEqualTo("page_size");
            assertThat(forged.status).isEqualTo(400);
            assertThat(forged.json().at("/errors/0/source/parameter").asText()).isEqualTo("page_token");
        }
    }

    @Nested
    @DisplayName("read and delete")
    class ReadAndDelete {

        @Test
        @DisplayName("deletes a pending invitation with 204, leaving it deactivated; deleting again is 204 too")
        void delete() throws Exception {
            String id = create("ada@example.com").json().get("id").asText();

            assertThat(send("DELETE", COLLECTION + "/" + id, null).status).isEqualTo(204);
            assertThat(get(COLLECTION + "/" + id).json().get("status").asText()).isEqualTo("INVITE_STATUS_DEACTIVATED");
            assertThat(send("DELETE", COLLECTION + "/" + id, null).status).isEqualTo(204);
        }

        @Test
        @DisplayName("refuses to delete an accepted invitation with 400 'already been accepted'")
        void acceptedStays() throws Exception {
            String id = create("ada@example.com").json().get("id").asText();
            confluent.accept(id);

            Reply reply = send("DELETE", COLLECTION + "/" + id, null);

            assertThat(reply.status).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/detail").asText()).contains("already been accepted");
            assertThat(get(COLLECTION + "/" + id).json().get("accepted_at").asText()).isNotBlank();
        }

        @Test
        @DisplayName("answers 404 for an unknown id, on read and delete")
        void unknown() throws Exception {
            assertThat(get(COLLECTION + "/i-nope").status).isEqualTo(404);
            assertThat(send("DELETE", COLLECTION + "/i-nope", null).status).isEqualTo(404);
        }

        @Test
        @DisplayName("reports a forced raw status as it is")
        void forcedStatus() throws Exception {
            String id = create("ada@example.com").json().get("id").asText();
            confluent.forceStatus(id, "INVITE_STATUS_STAGED");

            assertThat(get(COLLECTION + "/" + id).json().get("status").asText()).isEqualTo("INVITE_STATUS_STAGED");
        }
    }

    @Nested
    @DisplayName("knobs")
    class Knobs {

        @Test
        @DisplayName("a rate limit answers 429 with Retry-After and X-RateLimit-Reset")
        void rateLimited() throws Exception {
            confluent.failNext(1, SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER).retryAfter(java.time.Duration.ofSeconds(3));

            Reply reply = get(COLLECTION);

            assertThat(reply.status).isEqualTo(429);
            assertThat(reply.header("Retry-After")).isEqualTo("3");
            assertThat(reply.header("X-RateLimit-Reset")).isEqualTo("3");
            assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(reply.header("X-Request-Id")).isNotBlank();
        }

        @Test
        @DisplayName("Retry-After rounds a sub-second wait up to a whole second; no wait is X-RateLimit-Reset: 0 without "
                + "Retry-After")
        void retryAfterRounding() throws Exception {
            confluent.failNext(1, SimulatedFault.UNAVAILABLE_WITH_RETRY_AFTER).retryAfter(java.time.Duration.ofMillis(20));
            assertThat(get(COLLECTION).header("Retry-After")).isEqualTo("1");

            confluent.failNext(1, SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER).retryAfter(java.time.Duration.ZERO);
            Reply now = get(COLLECTION);
            assertThat(now.status).isEqualTo(429);
            assertThat(now.header("Retry-After")).as("never below a second").isNull();
            assertThat(now.header("X-RateLimit-Reset")).isEqualTo("0");
        }

        @Test
        @DisplayName("counts the requests received and the answers by status; a cut connection has no status")
        void counters() throws Exception {
            confluent.failNext(1, SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER).retryAfter(java.time.Duration.ZERO);
            get(COLLECTION);
            get(COLLECTION);
            // Twice: the JDK's HttpClient sends a GET again, once, when the connection closes without a reply.
            confluent.failNext(2, SimulatedFault.EMPTY_REPLY);
            assertThatThrownBy(() -> get(COLLECTION)).isInstanceOf(IOException.class);

            assertThat(confluent.requestsReceived()).isEqualTo(4);
            assertThat(confluent.answeredWith(429)).isEqualTo(1);
            assertThat(confluent.answeredWith(200)).isEqualTo(1);
            assertThat(confluent.answeredWith(409)).isZero();
        }

        @Test
        @DisplayName("clearFaults drops the planned faults and keeps the invitations")
        void clearFaults() throws Exception {
            create("ada@example.com");
            confluent.failNext(5, SimulatedFault.SERVER_ERROR).clearFaults();

            assertThat(get(COLLECTION).status).isEqualTo(200);
            assertThat(confluent.invitationCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("counts the invitations created per address, revoked ones included")
        void createdByEmail() throws Exception {
            String id = create("Ada@Example.com").json().get("id").asText();
            send("DELETE", COLLECTION + "/" + id, null);
            create("ada@example.com");
            create("bob@example.com");

            assertThat(confluent.invitationsCreatedByEmail()).containsExactly(
                    java.util.Map.entry("ada@example.com", 2), java.util.Map.entry("bob@example.com", 1));
        }

        @Test
        @DisplayName("a server error answers 500 in Confluent's error format")
        void serverError() throws Exception {
            confluent.failNext(1, SimulatedFault.SERVER_ERROR);

            Reply reply = get(COLLECTION);

            assertThat(reply.status).isEqualTo(500);
            assertThat(reply.json().at("/errors/0/status").asText()).isEqualTo("500");
        }
    }

    @Nested
    @DisplayName("users")
    class Users {

        @Test
        @DisplayName("creates the user at invitation time and lists it before and after acceptance, with the invitation's user.id")
        void createdByInvitation() throws Exception {
            JsonNode invitation = create("ada@example.com").json();
            String userId = invitation.at("/user/id").asText();

            JsonNode user = get("/iam/v2/users/" + userId).json();
            assertThat(user.get("email").asText()).isEqualTo("ada@example.com");
            assertThat(user.get("kind").asText()).isEqualTo("User");
            assertThat(user.at("/metadata/self").asText()).isEqualTo(confluent.rootUri() + "/iam/v2/users/" + userId);
            confluent.accept(invitation.get("id").asText());
            assertThat(get("/iam/v2/users/" + userId).status).isEqualTo(200);
        }

        @Test
        @DisplayName("pages with page_size and page_token, and refuses a bad size or token")
        void pages() throws Exception {
            for (int i = 0; i < 5; i++) {
                create("p" + i + "@example.com");
            }
            JsonNode first = get("/iam/v2/users?page_size=2").json();
            assertThat(first.get("data")).hasSize(2);
            assertThat(first.at("/metadata/total_size").asInt()).isEqualTo(5);
            List<String> emails = new ArrayList<>();
            first.get("data").forEach(u -> emails.add(u.get("email").asText()));
            String next = first.at("/metadata/next").asText();
            while (!next.isEmpty()) {
                JsonNode page = get(next.substring(confluent.rootUri().toString().length())).json();
                page.get("data").forEach(u -> emails.add(u.get("email").asText()));
                next = page.at("/metadata/next").asText();
            }
            assertThat(emails).containsExactly("p0@example.com", "p1@example.com", "p2@example.com", "p3@example.com",
                    "p4@example.com");
            confluent.deliberately("page_size.*(maximum|greater)", "a page larger than the contract allows");
            assertThat(get("/iam/v2/users?page_size=101").status).isEqualTo(400);
            assertThat(get("/iam/v2/users?page_token=forged").status).isEqualTo(400);
        }

        @Test
        @DisplayName("deletes a user (204, then 404), deactivating a pending invitation of it; the address can be invited again")
        void delete() throws Exception {
            JsonNode invitation = create("ada@example.com").json();
            String userId = invitation.at("/user/id").asText();

            assertThat(send("DELETE", "/iam/v2/users/" + userId, null).status).isEqualTo(204);
            assertThat(get("/iam/v2/users/" + userId).status).isEqualTo(404);
            assertThat(send("DELETE", "/iam/v2/users/" + userId, null).status).isEqualTo(404);
            assertThat(get(COLLECTION + "/" + invitation.get("id").asText()).json().get("status").asText())
                    .isEqualTo("INVITE_STATUS_DEACTIVATED");
            JsonNode again = create("ada@example.com").json();
            assertThat(again.at("/user/id").asText()).isNotEqualTo(userId);
        }

        @Test
        @DisplayName("a deleted member may be invited again; an undeleted one is a 409")
        void memberDeleted() throws Exception {
            JsonNode invitation = create("ada@example.com").json();
            confluent.accept(invitation.get("id").asText());
            assertThat(create("ada@example.com").status).isEqualTo(409);
            assertThat(send("DELETE", "/iam/v2/users/" + invitation.at("/user/id").asText(), null).status).isEqualTo(204);
            assertThat(create("ada@example.com").status).isEqualTo(201);
        }
    }

    // ----------------------------------------------------------------------------------------

    private static Reply create(String email) throws IOException, InterruptedException {
        return send("POST", COLLECTION, "{\"email\":\"" + email + "\"}");
    }

    private static Reply get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, null);
    }

    private static Reply send(String method, String pathAndQuery, String json) throws IOException, InterruptedException {
        return send(method, pathAndQuery, json, basic(confluent.apiKey(), confluent.apiSecret()));
    }

    private static Reply send(String method, String pathAndQuery, String json, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(confluent.rootUri() + pathAndQuery))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response);
    }

    private static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** One answer. */
    private static final class Reply {
        final int status;
        final HttpResponse<String> response;

        Reply(int status, HttpResponse<String> response) {
            this.status = status;
            this.response = response;
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(response.body());
        }
    }
}
