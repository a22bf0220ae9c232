package dev.roster.testkit.openapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OpenApiValidation reads allOf branches that only add examples as the schema they are")
class OpenApiValidationOverlayTest {

    private static final WireMockServer SERVER = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final OpenApiValidation validation = OpenApiValidation.of(fixture());

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
    @DisplayName("accepts a property that the $ref branch declares and the example branch does not")
    void overlayDoesNotRejectTheRefsProperties() throws Exception {
        get("{\"id\":\"w-1\",\"metadata\":{\"self\":\"https://api.example.com/widgets/w-1\",\"created_at\":\"2024-01-02T03:04:05.123456Z\"}}");

        assertThat(validation.violations(SERVER)).isEmpty();
    }

    @Test
    @DisplayName("still checks the $ref branch: types, required fields and undeclared fields")
    void refBranchStillChecked() throws Exception {
        get("{\"id\":\"w-1\",\"metadata\":{\"created_at\":\"yesterday\",\"colour\":\"red\"}}");

        assertThat(String.join("\n", validation.violations(SERVER))).contains("self", "created_at", "colour");
    }

    private static void get(String body) throws Exception {
        SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body)));
        CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVER.port() + "/widgets/w-1")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static Path fixture() {
        try {
            return Path.of(OpenApiValidationOverlayTest.class.getResource("/openapi/overlay-3.0.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
