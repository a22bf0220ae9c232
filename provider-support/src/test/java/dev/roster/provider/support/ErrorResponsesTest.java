package dev.roster.provider.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.spi.Redactor;
import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ErrorResponses reads an error answer's body and headers, redacted")
class ErrorResponsesTest {

    private static final String KEY = "sk-admin-supporttest0042";
    private static final Redactor REDACTOR = Redactor.of(List.of(KEY));
    private static final Request REQUEST = Request.create(Request.HttpMethod.DELETE,
            "https://api.example.com/v1/things/t-1?token=secret-ish", Map.of("Authorization", List.of("Bearer " + KEY)), null,
            StandardCharsets.UTF_8, null);

    private static Response response(String body, Map<String, Collection<String>> headers) {
        Response.Builder builder = Response.builder().status(400).request(REQUEST).headers(headers);
        return (body == null ? builder : builder.body(body, StandardCharsets.UTF_8)).build();
    }

    @Test
    @DisplayName("reads the body as text with the credential masked, and no body as empty")
    void body() {
        assertThat(ErrorResponses.body(response("{\"message\":\"key " + KEY + " refused\"}", Map.of()), REDACTOR))
                .isEqualTo("{\"message\":\"key " + Redactor.MASK + " refused\"}");
        assertThat(ErrorResponses.body(response(null, Map.of()), REDACTOR)).isEmpty();
    }

    @Test
    @DisplayName("reads at most 64 KiB of a body")
    void bounded() {
        String huge = "x".repeat(ErrorResponses.MAX_BODY_BYTES + 10);
        assertThat(ErrorResponses.body(response(huge, Map.of()), REDACTOR)).hasSize(ErrorResponses.MAX_BODY_BYTES);
    }

    @Test
    @DisplayName("finds a header whatever its case, stripped and redacted; a blank one is absent")
    void headers() {
        Response answer = response("", Map.of("X-Request-Id", List.of(" req-1 "), "x-echo", List.of(KEY), "Retry-After", List.of(" ")));
        assertThat(ErrorResponses.header(answer, "x-request-id", REDACTOR)).contains("req-1");
        assertThat(ErrorResponses.header(answer, "X-Echo", REDACTOR)).contains(Redactor.MASK);
        assertThat(ErrorResponses.header(answer, "Retry-After", REDACTOR)).isEmpty();
        assertThat(ErrorResponses.header(answer, "Location", REDACTOR)).isEmpty();
    }

    @Test
    @DisplayName("describes the request by method and path, without query or headers")
    void describe() {
        assertThat(ErrorResponses.describe(REQUEST)).isEqualTo("DELETE /v1/things/t-1");
        assertThat(ErrorResponses.describe(null)).isEqualTo("the request");
    }
}
