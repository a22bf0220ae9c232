package dev.roster.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The baseline a careful engineer writes by hand: the JDK's {@code HttpClient} (HTTP/1.1, no redirects)
 * and Jackson binding OpenAI's JSON to records. No retries, no validation, no mapping to a neutral model.
 */
final class RawOpenAiClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Project(String id, String role) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invite(String object, String id, String email, String role, String status,
            @JsonProperty("created_at") long createdAt, @JsonProperty("expires_at") Long expiresAt,
            @JsonProperty("accepted_at") Long acceptedAt, List<Project> projects) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InviteList(String object, List<Invite> data, @JsonProperty("first_id") String firstId,
            @JsonProperty("last_id") String lastId, @JsonProperty("has_more") boolean hasMore) {}

    private final RawJsonHttp json;
    private final String invites;

    RawOpenAiClient(String baseUri, String adminKey) {
        this.invites = baseUri + "/organization/invites";
        this.json = new RawJsonHttp("Bearer " + adminKey);
    }

    Optional<Invite> find(String id) {
        HttpResponse<byte[]> response = json.get(invites + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(json.read(response, Invite.class));
    }

    InviteList list(int limit, String after) {
        String uri = invites + "?limit=" + limit + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        return json.read(json.get(uri), InviteList.class);
    }
}
