package dev.roster.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JsonBodyDecoder binds an answer's bytes to the wire type")
class JsonBodyDecoderTest {

    record Thing(String id, String unknownToTheVendor) {}

    private static final Request REQUEST = Request.create(Request.HttpMethod.GET, "http://127.0.0.1:9/things/t-1", Map.of(),
            null, StandardCharsets.UTF_8, null);
    private final JsonBodyDecoder decoder = new JsonBodyDecoder(FeignClients.lenientJson());

    private static Response answer(int status, String body) {
        Response.Builder builder = Response.builder().status(status).request(REQUEST).headers(Map.of());
        return (body == null ? builder : builder.body(body, StandardCharsets.UTF_8)).build();
    }

    @Test
    @DisplayName("reads UTF-8 JSON, ignoring fields it does not know")
    void binds() throws Exception {
        Object thing = decoder.decode(answer(200, "{\"id\":\"t-é\",\"added_later\":1}"), Thing.class);
        assertThat(thing).isEqualTo(new Thing("t-é", null));
    }

    @Test
    @DisplayName("an empty or missing body is null, for the mapping to refuse")
    void empty() throws Exception {
        assertThat(decoder.decode(answer(200, ""), Thing.class)).isNull();
        assertThat(decoder.decode(answer(200, null), Thing.class)).isNull();
        assertThat(decoder.decode(answer(204, null), Thing.class)).isNull();
    }

    @Test
    @DisplayName("a body that is not JSON is an IOException, which Feign reports as a DecodeException")
    void notJson() {
        assertThatThrownBy(() -> decoder.decode(answer(200, "<html>502 Bad Gateway</html>"), Thing.class))
                .isInstanceOf(JsonProcessingException.class);
    }
}
