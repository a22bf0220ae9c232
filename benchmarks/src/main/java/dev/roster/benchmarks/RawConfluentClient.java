package dev.roster.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The hand-written Confluent baseline (Confluent publishes no Java SDK): the JDK's {@code HttpClient}
 * (HTTP/1.1, no redirects), HTTP basic auth, Jackson binding {@code iam/v2} JSON to records.
 */
final class RawConfluentClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reference(String id, String related, @JsonProperty("resource_name") String resourceName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ObjectMeta(String self, @JsonProperty("resource_name") String resourceName,
            @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invitation(String id, ObjectMeta metadata, String email, @JsonProperty("auth_type") String authType,
            String status, @JsonProperty("accepted_at") String acceptedAt, @JsonProperty("expires_at") String expiresAt,
            Reference user, Reference creator) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListMeta(String first, String next, @JsonProperty("total_size") Integer totalSize) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InvitationList(ListMeta metadata, List<Invitation> data) {

        /** The decoded page_token of metadata.next, if there is a next page. */
        Optional<String> nextToken() {
            if (metadata == null || metadata.next() == null) {
                return Optional.empty();
            }
            String next = metadata.next();
            int at = next.indexOf("page_token=");
            if (at < 0) {
                return Optional.empty();
            }
            int end = next.indexOf('&', at);
            return Optional.of(URLDecoder.decode(next.substring(at + "page_token=".length(), end < 0 ? next.length() : end),
                    StandardCharsets.UTF_8));
        }
    }

    private final RawJsonHttp json;
    private final String invitations;

    RawConfluentClient(String root, String key, String secret) {
        this.invitations = root + "/iam/v2/invitations";
        this.json = new RawJsonHttp("Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    Optional<Invitation> find(String id) {
        HttpResponse<byte[]> response = json.get(invitations + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(json.read(response, Invitation.class));
    }

    InvitationList list(int pageSize, String pageToken) {
        String uri = invitations + "?page_size=" + pageSize
                + (pageToken == null ? "" : "&page_token=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
        return json.read(json.get(uri), InvitationList.class);
    }
}
