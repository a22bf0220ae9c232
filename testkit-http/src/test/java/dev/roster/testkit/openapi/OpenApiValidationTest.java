package dev.roster.testkit.openapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OpenApiValidation checks a WireMock journal against an OpenAPI 3.1 contract")
class OpenApiValidationTest {

    private static final String THING = "{\"object\":\"thing\",\"id\":\"t1\",\"count\":3,\"label\":null,\"shape\":null}";
    private static final WireMockServer SERVER = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final OpenApiValidation validation = OpenApiValidation.of(fixture("things-3.1.yaml"));

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @BeforeEach
    void reset() {
        SERVER.resetAll();
    }

    @Test
    @DisplayName("accepts traffic that follows the contract, nulls where 3.1 allows them included")
    void conforming() throws Exception {
        answer(200, THING);
        get("/v2/things/t1", true);
        answer(200, THING.replace("\"count\":3", "\"count\":null").replace("\"label\":null", "\"label\":\"x\"")
                .replace("\"shape\":null", "\"shape\":{\"sides\":4}"));
        get("/v2/things/t1", true);

        assertThat(validation.violations(SERVER)).isEmpty();
        validation.assertNoViolations(SERVER);
    }

    @Test
    @DisplayName("keeps the type of an anyOf-with-null property after rewriting it to nullable")
    void anyOfNullKeepsItsType() throws Exception {
        answer(200, THING.replace("\"count\":3", "\"count\":\"three\""));
        get("/v2/things/t1", true);

        assertThat(validation.violations(SERVER)).singleElement().asString()
                .contains("GET /v2/things/t1 -> 200", "/count", "string");
    }

    @Test
    @DisplayName("keeps a $ref inside anyOf-with-null, and type arrays and const constraints")
    void otherRewritesKeepConstraints() throws Exception {
        answer(200, THING.replace("\"shape\":null", "\"shape\":{\"corners\":4}").replace("\"label\":null", "\"label\":7")
                .replace("\"object\":\"thing\"", "\"object\":\"other\""));
        get("/v2/things/t1", true);

        assertThat(String.join("\n", validation.violations(SERVER))).contains("sides", "/label", "other");
    }

    @Test
    @DisplayName("leaves properties named like schema keywords alone")
    void keywordNamedProperties() throws Exception {
        answer(200, THING.replace("{", "{\"const\":\"c\",\"type\":\"t\","));
        get("/v2/things/t1", true);

        assertThat(validation.violations(SERVER)).isEmpty();
    }

    @Test
    @DisplayName("checks error bodies against the documented error envelope where the operation declares none")
    void errorEnvelope() throws Exception {
        answer(404, "{\"error\":{\"message\":\"No such thing\"}}");
        get("/v2/things/t1", true);
        assertThat(validation.violations(SERVER)).isEmpty();

        SERVER.resetAll();
        answer(404, "{\"message\":\"No such thing\"}");
        get("/v2/things/t1", true);
        assertThat(validation.violations(SERVER)).isNotEmpty().allSatisfy(v -> assertThat(v).contains("-> 404"));
    }

    @Test
    @DisplayName("keeps an operation's own error responses")
    void ownErrorResponses() throws Exception {
        answer(409, "{\"conflict\":\"exists\"}");
        post("/v2/things", "{\"name\":\"a\"}");
        assertThat(validation.violations(SERVER)).isEmpty();
    }

    @Test
    @DisplayName("reports requests without credentials or with a body the contract does not allow")
    void badRequests() throws Exception {
        answer(200, THING);
        get("/v2/things/t1", false);
        post("/v2/things", "{\"title\":\"a\"}");

        List<String> found = validation.violations(SERVER);
        assertThat(String.join("\n", found)).contains("security", "name");
        assertThatThrownBy(() -> validation.assertNoViolations(SERVER)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("things-3.1.yaml").hasMessageContaining("GET /v2/things/t1");
    }

    @Test
    @DisplayName("lets a declared deviation through, only that one, and fails on a declaration nothing matched")
    void deliberateDeviations() throws Exception {
        answer(200, THING.replace("\"count\":3", "\"count\":\"three\""));
        get("/v2/things/t1", true);
        post("/v2/things", "{\"title\":\"a\"}");

        OpenApiValidation.Deviation count = OpenApiValidation.deliberate("/count", "a vendor sending counts as words");
        OpenApiValidation.Deviation name = OpenApiValidation.deliberate("POST /v2/things .*(name|title)", "a body with a title instead of its name");
        validation.assertNoViolations(SERVER.getAllServeEvents(), List.of(count, name));
        assertThatThrownBy(() -> validation.assertNoViolations(SERVER.getAllServeEvents(), List.of(count)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("2 violation(s)").hasMessageContaining("name")
                .hasMessageContaining("title");
        OpenApiValidation.Deviation stale = OpenApiValidation.deliberate("/label", "a label that is fine after all");
        assertThatThrownBy(() -> validation.assertNoViolations(SERVER.getAllServeEvents(), List.of(count, name, stale)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("did not show them")
                .hasMessageContaining("a label that is fine after all");
        assertThatThrownBy(() -> OpenApiValidation.deliberate("/label", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("shortens a very long URL in a violation's line, and checks only the request when told to")
    void longUrlsAndRequestsOnly() throws Exception {
        answer(200, THING.replace("\"count\":3", "\"count\":\"three\""));
        get("/v2/things/" + "t".repeat(5000), false);

        var event = SERVER.getAllServeEvents().get(0);
        List<String> full = validation.violations(event.getRequest(), event.getResponse());
        assertThat(full).hasSize(2).allSatisfy(line -> assertThat(line).hasSizeLessThan(1200).contains("(5011 characters)"));
        assertThat(validation.violations(event.getRequest(), null)).singleElement().asString()
                .contains("(request only)", "security").doesNotContain("/count");
    }

    @Test
    @DisplayName("refuses a 3.1 construct it cannot check exactly, naming it")
    void unsupportedConstruct() {
        assertThatThrownBy(() -> OpenApiValidation.of(fixture("unsupported-3.1.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/value");
    }

    @Test
    @DisplayName("never changes the contract file")
    void fileUntouched() throws Exception {
        Path file = fixture("things-3.1.yaml");
        byte[] before = Files.readAllBytes(file);
        OpenApiValidation.builder(file).errorSchema(null).build();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private static void answer(int status, String body) {
        SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static void get(String path, boolean authorized) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (authorized) {
            request.header("Authorization", "Bearer test-key");
        }
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void post(String path, String json) throws Exception {
        CLIENT.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer test-key")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + SERVER.port() + path);
    }

    private static Path fixture(String name) {
        try {
            return Path.of(OpenApiValidationTest.class.getResource("/openapi/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
