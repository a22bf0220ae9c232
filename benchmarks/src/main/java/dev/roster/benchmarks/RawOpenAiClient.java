package dev.roster.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final String invites;
    private final String authorization;

    RawOpenAiClient(String baseUri, String adminKey) {
        this.invites = baseUri + "/organization/invites";
        this.authorization = "Bearer " + adminKey;
    }

    Optional<Invite> find(String id) {
        HttpResponse<byte[]> response = get(invites + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(response, Invite.class));
    }

    InviteList list(int limit, String after) {
        String uri = invites + "?limit=" + limit + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        return read(get(uri), InviteList.class);
    }

    private HttpResponse<byte[]> get(String uri) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + response.uri().getPath());
        }
        try {
            return mapper.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
