package dev.roster.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.ProviderConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("OpenAiSimulator behaves as OpenAI's invite contract says")
class OpenAiSimulatorTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    static final OpenAiSimulator OPENAI = new OpenAiSimulator("sk-admin-test-key-123456789", Clock.fixed(NOW, ZoneOffset.UTC))
            .validatedAgainstSpec();

    @Test
    @DisplayName("creates a pending invite with the contract's fields, the default project when projects are omitted")
    void creates() throws Exception {
        JsonNode created = send("POST", "/organization/invites", "{\"email\":\"ada@example.com\",\"role\":\"reader\"}").body;
        assertThat(created.path("object").asText()).isEqualTo("organization.invite");
        assertThat(created.path("status").asText()).isEqualTo("pending");
        assertThat(created.path("created_at").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(created.path("expires_at").asLong()).isEqualTo(NOW.getEpochSecond() + 7 * 24 * 3600);
        assertThat(created.path("accepted_at").isNull()).isTrue();
        assertThat(created.path("projects").toString()).isEqualTo("[{\"id\":\"proj_default\",\"role\":\"member\"}]");

        JsonNode none = send("POST", "/organization/invites", "{\"email\":\"bob@example.com\",\"role\":\"owner\",\"projects\":[]}").body;
        assertThat(none.path("projects").toString()).isEqualTo("[]");
        assertThat(send("GET", "/organization/invites/" + none.path("id").asText(), null).body).isEqualTo(none);
    }

    @Test
    @DisplayName("pages with limit and after, reporting first_id, last_id and has_more")
    void pages() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(send("POST", "/organization/invites", "{\"email\":\"p" + i + "@example.com\",\"role\":\"reader\"}").body
                    .path("id").asText());
        }
        JsonNode first = send("GET", "/organization/invites?limit=2", null).body;
        assertThat(first.path("first_id").asText()).isEqualTo(ids.get(0));
        assertThat(first.path("last_id").asText()).isEqualTo(ids.get(1));
        assertThat(first.path("has_more").asBoolean()).isTrue();

        send("DELETE", "/organization/invites/" + ids.get(1), null);
        JsonNode rest = send("GET", "/organization/invites?limit=3&after=" + ids.get(1), null).body;
        assertThat(ids(rest)).containsExactlyElementsOf(ids.subList(2, 5));
        assertThat(rest.path("has_more").asBoolean()).isFalse();

        JsonNode empty = send("GET", "/organization/invites?after=" + ids.get(4), null).body;
        assertThat(empty.path("data").size()).isZero();
        assertThat(empty.path("first_id").isNull()).isTrue();
        assertThat(send("GET", "/organization/invites?limit=101", null).status).isEqualTo(400);
        assertThat(send("GET", "/organization/invites?after=invite-never", null).status).isEqualTo(400);
    }

    @Test
    @DisplayName("answers 404 for unknown ids and 409 for pending emails, members and accepted deletes")
    void errors() throws Exception {
        assertThat(send("GET", "/organization/invites/invite-unknown", null).status).isEqualTo(404);
        assertThat(send("DELETE", "/organization/invites/invite-unknown", null).status).isEqualTo(404);

        String id = send("POST", "/organization/invites", "{\"email\":\"Cy@example.com\",\"role\":\"reader\"}").body.path("id").asText();
        Reply again = send("POST", "/organization/invites", "{\"email\":\"cy@EXAMPLE.com\",\"role\":\"reader\"}");
        assertThat(again.status).isEqualTo(409);
        assertThat(again.body.path("error").path("code").asText()).isEqualTo(OpenAiSimulator.CODE_INVITE_EXISTS);

        OPENAI.accept(id);
        assertThat(send("GET", "/organization/invites/" + id, null).body.path("accepted_at").asLong()).isEqualTo(NOW.getEpochSecond());
        Reply member = send("POST", "/organization/invites", "{\"email\":\"cy@example.com\",\"role\":\"reader\"}");
        assertThat(member.body.path("error").path("code").asText()).isEqualTo(OpenAiSimulator.CODE_ALREADY_MEMBER);
        Reply delete = send("DELETE", "/organization/invites/" + id, null);
        assertThat(delete.status).isEqualTo(409);
        assertThat(delete.body.path("error").path("code").asText()).isEqualTo(OpenAiSimulator.CODE_INVITE_ACCEPTED);
        assertThat(delete.requestId).startsWith("req_");
    }

    @Test
    @DisplayName("creates a second pending invite for one email when told to accept duplicates, until reset")
    void duplicates() throws Exception {
        OPENAI.acceptDuplicateInvites(true);
        String first = send("POST", "/organization/invites", "{\"email\":\"dup@example.com\",\"role\":\"reader\"}").body.path("id").asText();
        Reply second = send("POST", "/organization/invites", "{\"email\":\"DUP@example.com\",\"role\":\"reader\"}");
        assertThat(second.status).isEqualTo(200);
        assertThat(second.body.path("id").asText()).isNotEqualTo(first);
        assertThat(OPENAI.invitationsCreatedByEmail()).containsEntry("dup@example.com", 2);

        OPENAI.reset();
        send("POST", "/organization/invites", "{\"email\":\"dup@example.com\",\"role\":\"reader\"}");
        assertThat(send("POST", "/organization/invites", "{\"email\":\"dup@example.com\",\"role\":\"reader\"}").status)
                .as("the vendor's documented 409 after reset").isEqualTo(409);
    }

    @Test
    @DisplayName("rejects bodies the contract does not allow")
    void badBodies() throws Exception {
        OPENAI.deliberately("missing required properties \\(\\[\"role\"\\]\\) \\| request body: \\{\"email\":\"d@example.com\"\\}$",
                        "no role")
                .deliberately("Instance value \\(\"admin\"\\) not found in enum", "an unknown role")
                .deliberately("additionalProperties.*\\[\"x\"\\]", "an unknown field")
                .deliberately("\\[Path '/projects/0'\\] Object has missing required properties", "a project without role")
                .deliberately("invalidJson.*request body: not json", "a body that is not JSON");
        assertThat(send("POST", "/organization/invites", "{\"email\":\"d@example.com\"}").status).isEqualTo(400);
        assertThat(send("POST", "/organization/invites", "{\"email\":\"d@example.com\",\"role\":\"admin\"}").status).isEqualTo(400);
        assertThat(send("POST", "/organization/invites", "{\"email\":\"d@example.com\",\"role\":\"reader\",\"x\":1}").status).isEqualTo(400);
        assertThat(send("POST", "/organization/invites", "{\"email\":\"d@example.com\",\"role\":\"reader\",\"projects\":[{\"id\":\"p\"}]}")
                .status).isEqualTo(400);
        assertThat(send("POST", "/organization/invites", "not json").status).isEqualTo(400);
    }

    @Test
    @DisplayName("answers 401 without the right bearer key, never echoing the key whole")
    void authentication() throws Exception {
        OPENAI.deliberately("GET /v1/organization/invites -> 401: validation.request.security.missing", "no credentials at all");
        HttpResponse<String> none = CLIENT.send(HttpRequest.newBuilder(uri("/organization/invites")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        String wrongKey = "sk-admin-wrong-key-abcdefghijkl";
        HttpResponse<String> wrong = CLIENT.send(HttpRequest.newBuilder(uri("/organization/invites"))
                .header("Authorization", "Bearer " + wrongKey).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid_api_key").doesNotContain(wrongKey);
    }

    @Test
    @DisplayName("asks for a wait in Retry-After and retry-after-ms when rate limiting")
    void rateLimit() throws Exception {
        OPENAI.failNext(1, SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER);
        OPENAI.retryAfter(java.time.Duration.ofMillis(1500));
        HttpResponse<String> limited = CLIENT.send(authorized("/organization/invites").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(limited.headers().firstValue("retry-after-ms")).hasValue("1500");
    }

    @Test
    @DisplayName("rounds waits up to whole milliseconds and seconds, never asks for less than a second in Retry-After, "
            + "and says no wait in retry-after-ms alone")
    void retryAfterRounding() throws Exception {
        OPENAI.failNext(1, SimulatedFault.UNAVAILABLE_WITH_RETRY_AFTER).retryAfter(java.time.Duration.ofNanos(20_400_000));
        HttpResponse<String> soon = CLIENT.send(authorized("/organization/invites").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(soon.statusCode()).isEqualTo(503);
        assertThat(soon.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(soon.headers().firstValue("retry-after-ms")).hasValue("21");

        OPENAI.failNext(1, SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER).retryAfter(java.time.Duration.ZERO);
        HttpResponse<String> now = CLIENT.send(authorized("/organization/invites").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(now.statusCode()).isEqualTo(429);
        assertThat(now.headers().firstValue("Retry-After")).as("the contract's minimum is 1").isEmpty();
        assertThat(now.headers().firstValue("retry-after-ms")).hasValue("0");
    }

    @Test
    @DisplayName("counts the invites created per address, deleted ones included")
    void createdByEmail() throws Exception {
        String id = send("POST", "/organization/invites", "{\"email\":\"Ada@example.com\",\"role\":\"reader\"}").body.path("id").asText();
        send("DELETE", "/organization/invites/" + id, null);
        send("POST", "/organization/invites", "{\"email\":\"ada@example.com\",\"role\":\"reader\"}");

        assertThat(OPENAI.invitationsCreatedByEmail()).containsExactly(java.util.Map.entry("ada@example.com", 2));
    }

    @Test
    @DisplayName("acts out accept and expire, and refuses unknown ids")
    void vendorControl() throws Exception {
        String id = send("POST", "/organization/invites", "{\"email\":\"e@example.com\",\"role\":\"reader\"}").body.path("id").asText();
        OPENAI.expire(id);
        assertThat(send("GET", "/organization/invites/" + id, null).body.path("status").asText()).isEqualTo("expired");
        assertThat(send("POST", "/organization/invites", "{\"email\":\"e@example.com\",\"role\":\"reader\"}").status).isEqualTo(200);
        assertThatThrownBy(() -> OPENAI.accept("invite-nope")).isInstanceOf(IllegalArgumentException.class);
        OPENAI.addMember("Member@example.com");
        assertThat(send("POST", "/organization/invites", "{\"email\":\"member@example.com\",\"role\":\"reader\"}").body
                .path("error").path("code").asText()).isEqualTo(OpenAiSimulator.CODE_ALREADY_MEMBER);
    }

    @Test
    @DisplayName("makes an accepted invitee a user with the invite's role, lists, filters by emails in any case, retrieves and deletes users")
    void users() throws Exception {
        String invite = send("POST", "/organization/invites", "{\"email\":\"Uma@example.com\",\"role\":\"owner\"}").body
                .path("id").asText();
        assertThat(ids(send("GET", "/organization/users?emails=uma@example.com", null).body)).isEmpty();
        OPENAI.accept(invite);
        String joined = OPENAI.join("vic@example.com");
        for (int i = 0; i < 3; i++) {
            OPENAI.join("w" + i + "@example.com");
        }

        JsonNode found = send("GET", "/organization/users?emails=UMA@example.com&emails=nobody@example.com", null).body;
        assertThat(found.path("data")).hasSize(1);
        JsonNode uma = found.path("data").get(0);
        assertThat(uma.path("object").asText()).isEqualTo("organization.user");
        assertThat(uma.path("email").asText()).isEqualTo("Uma@example.com");
        assertThat(uma.path("role").asText()).isEqualTo("owner");
        assertThat(uma.path("added_at").asLong()).isEqualTo(NOW.getEpochSecond());

        JsonNode first = send("GET", "/organization/users?limit=2", null).body;
        assertThat(first.path("has_more").asBoolean()).isTrue();
        JsonNode rest = send("GET", "/organization/users?limit=100&after=" + first.path("last_id").asText(), null).body;
        assertThat(ids(first).size() + ids(rest).size()).isGreaterThanOrEqualTo(5);
        assertThat(ids(rest)).doesNotContainAnyElementsOf(ids(first));

        assertThat(send("GET", "/organization/users/" + joined, null).body.path("email").asText()).isEqualTo("vic@example.com");
        Reply deleted = send("DELETE", "/organization/users/" + joined, null);
        assertThat(deleted.body.path("object").asText()).isEqualTo("organization.user.deleted");
        assertThat(deleted.body.path("deleted").asBoolean()).isTrue();
        assertThat(send("GET", "/organization/users/" + joined, null).status).isEqualTo(404);
        assertThat(send("DELETE", "/organization/users/" + joined, null).status).isEqualTo(404);
        assertThat(send("GET", "/organization/users?limit=0", null).status).isEqualTo(400);
        assertThat(send("GET", "/organization/users?after=user-never", null).status).isEqualTo(400);
        assertThat(send("POST", "/organization/invites", "{\"email\":\"vic@example.com\",\"role\":\"reader\"}").status)
                .as("a removed member may be invited again").isEqualTo(200);
    }

    @Test
    @DisplayName("offers a provider configuration pointing at itself with its key")
    void config() {
        ProviderConfig config = OPENAI.config();
        assertThat(config.baseUri()).hasValue(URI.create(OPENAI.rootUri() + "/v1"));
        assertThat(config.credential(ProviderConfig.OPENAI_ADMIN_KEY).orElseThrow().reveal()).isEqualTo("sk-admin-test-key-123456789");
        assertThat(config.toString()).doesNotContain("sk-admin-test-key");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("data").forEach(invite -> ids.add(invite.path("id").asText()));
        return ids;
    }

    private record Reply(int status, JsonNode body, String requestId) {}

    private static Reply send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = authorized(path);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()),
                response.headers().firstValue("x-request-id").orElse(null));
    }

    private static HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer sk-admin-test-key-123456789");
    }

    private static URI uri(String path) {
        return URI.create(OPENAI.baseUri() + path);
    }
}
