package dev.roster.testkit.openapi;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.roster.testkit.simulator.ConfluentSimulator;
import dev.roster.testkit.simulator.OpenAiSimulator;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Vendor specs are checked only where the build names their folder")
class VendorSpecsTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, String> NOTHING = Map.of();

    @Nested
    @DisplayName("the folder is found")
    class Lookup {

        @Test
        @DisplayName("nowhere when neither the property nor the environment variable is set: no walking up directories")
        void unset() {
            VendorSpecs specs = VendorSpecs.of(NOTHING, NOTHING);

            assertThat(specs.folder()).isEmpty();
            assertThat(specs.file(OpenAiSimulator.SPEC_FILE)).isEmpty();
            assertThat(OpenApiValidation.vendorSpec(OpenAiSimulator.SPEC_FILE, specs).build().isChecking()).isFalse();
        }

        @Test
        @DisplayName("in the environment variable, and in the system property, which wins over it")
        void propertyWins(@TempDir Path fromProperty, @TempDir Path fromEnvironment) {
            Map<String, String> environment = Map.of(VendorSpecs.ENVIRONMENT_VARIABLE, fromEnvironment.toString());

            assertThat(VendorSpecs.of(NOTHING, environment).folder()).contains(fromEnvironment.toAbsolutePath().normalize());
            assertThat(VendorSpecs.of(Map.of(VendorSpecs.PROPERTY, fromProperty.toString()), environment).folder())
                    .contains(fromProperty.toAbsolutePath().normalize());
        }

        @Test
        @DisplayName("and a contract in it is checked, with the same rules as a file given by path")
        void configuredChecks() throws Exception {
            VendorSpecs specs = VendorSpecs.of(Map.of(VendorSpecs.PROPERTY, fixtures().toString()), NOTHING);

            OpenApiValidation validation = OpenApiValidation.vendorSpec("things-3.1.yaml", specs).build();

            assertThat(validation.isChecking()).isTrue();
            assertThat(validation).hasToString("OpenApiValidation[" + fixtures().resolve("things-3.1.yaml") + "]");
        }

        @Test
        @DisplayName("a file missing from a named folder is an error naming the file and the folder")
        void missingFile(@TempDir Path empty) {
            VendorSpecs specs = VendorSpecs.of(NOTHING, Map.of(VendorSpecs.ENVIRONMENT_VARIABLE, empty.toString()));

            assertThatThrownBy(() -> OpenApiValidation.vendorSpec(OpenAiSimulator.SPEC_FILE, specs))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(OpenAiSimulator.SPEC_FILE)
                    .hasMessageContaining(empty.toAbsolutePath().normalize().toString())
                    .hasMessageContaining(VendorSpecs.ENVIRONMENT_VARIABLE);
        }

        @Test
        @DisplayName("a blank, relative or non-folder setting is an error saying what to give instead")
        void badSettings(@TempDir Path folder) {
            assertThatThrownBy(() -> VendorSpecs.of(Map.of(VendorSpecs.PROPERTY, " "), NOTHING))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("-D" + VendorSpecs.PROPERTY)
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> VendorSpecs.of(NOTHING, Map.of(VendorSpecs.ENVIRONMENT_VARIABLE, "../shared/specs")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("relative path")
                    .hasMessageContaining("absolute");
            Path notThere = folder.resolve("no-such-folder");
            assertThatThrownBy(() -> VendorSpecs.of(Map.of(VendorSpecs.PROPERTY, notThere.toString()), NOTHING))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(notThere.toString())
                    .hasMessageContaining("not a folder");
        }
    }

    @Nested
    @DisplayName("with no folder named")
    class Unchecked {

        @Test
        @DisplayName("a simulator runs unchecked, counting each exchange once, and deliberate() declarations are not verified")
        void simulatorCountsUnchecked() throws Exception {
            UncheckedExchanges tally = new UncheckedExchanges();
            OpenApiValidation unchecked = OpenApiValidation.vendorSpec(OpenAiSimulator.SPEC_FILE, VendorSpecs.of(NOTHING, NOTHING))
                    .build(tally);
            try (OpenAiSimulator simulator = new OpenAiSimulator().validatedAgainst(unchecked)) {
                simulator.start();
                simulator.deliberately("limit", "declared, but nothing is checked");
                assertThat(list(simulator, "5").statusCode()).isEqualTo(200);
                assertThat(list(simulator, "101x").statusCode()).as("off the contract").isEqualTo(400);

                simulator.assertTrafficFollowsSpec();
                simulator.assertTrafficFollowsSpec();
                simulator.reset();
                assertThat(list(simulator, "7").statusCode()).isEqualTo(200);
            }

            assertThat(tally.take()).hasValueSatisfying(summary -> {
                assertThat(summary.exchanges()).isEqualTo(3);
                assertThat(summary.specFiles()).containsExactly(OpenAiSimulator.SPEC_FILE);
            });
            assertThat(tally.take()).as("counting starts again").isEmpty();
        }

        @Test
        @DisplayName("the run ends with one line saying how many exchanges went unchecked and how to check them")
        void summaryLine() throws Exception {
            UncheckedExchanges tally = new UncheckedExchanges();
            List<String> printed = new ArrayList<>();
            SpecCheckSummary summary = new SpecCheckSummary(tally, printed::add);

            summary.testPlanExecutionFinished(null);
            assertThat(printed).as("nothing unchecked, nothing said").isEmpty();

            OpenApiValidation openai = OpenApiValidation.vendorSpec(OpenAiSimulator.SPEC_FILE, VendorSpecs.of(NOTHING, NOTHING))
                    .build(tally);
            OpenApiValidation confluent = OpenApiValidation.vendorSpec(ConfluentSimulator.SPEC_FILE,
                    VendorSpecs.of(NOTHING, NOTHING)).build(tally);
            WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            try {
                server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
                get(server, "/v1/organization/invites");
                get(server, "/iam/v2/invitations");
                assertThat(openai.violations(server)).isEmpty();
                assertThat(openai.violations(server)).as("shown again").isEmpty();
                assertThat(confluent.violations(server)).isEmpty();
            } finally {
                server.stop();
            }
            summary.testPlanExecutionFinished(null);
            summary.testPlanExecutionFinished(null);

            assertThat(printed).singleElement().asString()
                    .contains("Roster testkit, in testkit-http: 2 simulated HTTP exchanges were NOT checked")
                    .contains(ConfluentSimulator.SPEC_FILE + ", " + OpenAiSimulator.SPEC_FILE)
                    .contains("-D" + VendorSpecs.PROPERTY + "=/absolute/path/to/specs")
                    .contains(VendorSpecs.ENVIRONMENT_VARIABLE)
                    .doesNotContain("\n");
        }

        @Test
        @DisplayName("the line is found by the JUnit Platform by itself, through the testkit's service file")
        void registered() {
            List<String> registered = new ArrayList<>();
            java.util.ServiceLoader.load(org.junit.platform.launcher.TestExecutionListener.class)
                    .forEach(listener -> registered.add(listener.getClass().getName()));
            assertThat(registered).contains(SpecCheckSummary.class.getName());
        }
    }

    private static HttpResponse<String> list(OpenAiSimulator simulator, String limit) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(simulator.baseUri() + "/organization/invites?limit=" + limit))
                .header("Authorization", "Bearer " + OpenAiSimulator.DEFAULT_ADMIN_KEY)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void get(WireMockServer server, String path) throws Exception {
        CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path fixtures() throws URISyntaxException {
        return Path.of(VendorSpecsTest.class.getResource("/openapi/things-3.1.yaml").toURI()).getParent();
    }
}
