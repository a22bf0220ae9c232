package dev.roster.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.testkit.openapi.VendorSpecs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link VendorSimulator} promises besides its vendor's behaviour: its traffic is checked
 * against the vendor's contract, its latency knob delays answers, and it starts in well under a
 * second. The simulators are started and closed by hand here, as code outside JUnit's extension
 * model would.
 */
@DisplayName("VendorSimulator")
class VendorSimulatorTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** A generous ceiling for a shared, loaded 2-core CI machine: "well under a second" is what is reported. */
    private static final Duration START_CEILING = Duration.ofSeconds(3);

    /** A simulator of each vendor, and a request its contract allows. */
    static Stream<Arguments> vendors() {
        return Stream.of(
                Arguments.of(org.junit.jupiter.api.Named.of("OpenAiSimulator",
                        (Supplier<VendorSimulator>) () -> new OpenAiSimulator().validatedAgainstSpec())),
                Arguments.of(org.junit.jupiter.api.Named.of("ConfluentSimulator",
                        (Supplier<VendorSimulator>) () -> new ConfluentSimulator().validatedAgainstSpec())));
    }

    /** A list request the vendor's contract allows, with the simulator's credentials. */
    private static HttpRequest.Builder validList(VendorSimulator simulator) {
        if (simulator instanceof OpenAiSimulator) {
            return HttpRequest.newBuilder(URI.create(simulator.rootUri() + "/v1/organization/invites?limit=5"))
                    .header("Authorization", "Bearer " + OpenAiSimulator.DEFAULT_ADMIN_KEY);
        }
        String basic = Base64.getEncoder().encodeToString((ConfluentSimulator.DEFAULT_API_KEY + ":"
                + ConfluentSimulator.DEFAULT_API_SECRET).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(simulator.rootUri() + "/iam/v2/invitations?page_size=5"))
                .header("Authorization", "Basic " + basic);
    }

    /** Credentials of the right form that the simulator does not accept. */
    private static String wrongCredentials(VendorSimulator simulator) {
        return simulator instanceof OpenAiSimulator ? "Bearer sk-admin-not-the-key-0000"
                : "Basic " + Base64.getEncoder().encodeToString("NOTTHEKEY:not-the-secret".getBytes(StandardCharsets.UTF_8));
    }

    /** A list request both contracts refuse: a page size that is not an integer. */
    private static HttpRequest.Builder offContract(VendorSimulator simulator) {
        URI valid = validList(simulator).build().uri();
        String query = simulator instanceof OpenAiSimulator ? "limit=" + BAD_SIZE : "page_size=" + BAD_SIZE;
        return validList(simulator).uri(URI.create(valid.toString().replaceFirst("\\?.*", "?" + query)));
    }

    /** The page size {@link #offContract} sends. */
    private static final String BAD_SIZE = "101x";

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    @DisplayName("checks its traffic against the vendor's contract")
    class Contract {

        /** These prove the checks themselves, so they need the vendors' contracts: see VendorSpecs. */
        @org.junit.jupiter.api.BeforeEach
        void needsTheVendorsContracts() {
            org.junit.jupiter.api.Assumptions.assumeTrue(VendorSpecs.fromSystem().folder().isPresent(),
                    "no specs folder is set (-D" + VendorSpecs.PROPERTY + " or " + VendorSpecs.ENVIRONMENT_VARIABLE
                            + "), so there is no vendor contract to prove the checks with");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.simulator.VendorSimulatorTest#vendors")
        @DisplayName("a request that breaks the contract fails the next check, and reset() still cleans up")
        void violationFails(Supplier<VendorSimulator> create) throws Exception {
            try (VendorSimulator simulator = create.get().start()) {
                assertThat(send(offContract(simulator)).statusCode()).isEqualTo(400);

                assertThatThrownBy(simulator::reset).isInstanceOf(AssertionError.class)
                        .hasMessageContaining("broke the OpenAPI contract").hasMessageContaining(BAD_SIZE);
                assertThat(simulator.requestCount()).as("the journal after the failed reset").isZero();
                simulator.assertTrafficFollowsSpec();
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.simulator.VendorSimulatorTest#vendors")
        @DisplayName("a violation is reported once, by the check that first sees it")
        void reportedOnce(Supplier<VendorSimulator> create) throws Exception {
            try (VendorSimulator simulator = create.get().start()) {
                send(offContract(simulator));
                assertThatThrownBy(simulator::assertTrafficFollowsSpec).isInstanceOf(AssertionError.class);
                simulator.assertTrafficFollowsSpec();
                simulator.reset();
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.simulator.VendorSimulatorTest#vendors")
        @DisplayName("close() reports what no check saw yet, after stopping the server")
        void closeChecks(Supplier<VendorSimulator> create) throws Exception {
            VendorSimulator simulator = create.get().start();
            send(offContract(simulator));
            assertThatThrownBy(simulator::close).isInstanceOf(AssertionError.class).hasMessageContaining(BAD_SIZE);
            assertThatThrownBy(simulator::rootUri).as("stopped all the same").isInstanceOf(IllegalStateException.class);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.simulator.VendorSimulatorTest#vendors")
        @DisplayName("a violation declared with deliberately() passes; a declared one that does not occur fails")
        void deliberate(Supplier<VendorSimulator> create) throws Exception {
            try (VendorSimulator simulator = create.get().start()) {
                simulator.deliberately("(limit|page_size)", "a page larger than the contract allows");
                send(offContract(simulator));
                simulator.assertTrafficFollowsSpec();

                simulator.deliberately("(limit|page_size)", "declared, but the request below conforms");
                send(validList(simulator));
                assertThatThrownBy(simulator::assertTrafficFollowsSpec).isInstanceOf(AssertionError.class)
                        .hasMessageContaining("did not show them").hasMessageContaining("declared, but the request below conforms");
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.simulator.VendorSimulatorTest#vendors")
        @DisplayName("an injected fault that breaks the answer exempts the answer, never the request")
        void faultsExemptOnlyTheAnswer(Supplier<VendorSimulator> create) throws Exception {
            try (VendorSimulator simulator = create.get().start()) {
                simulator.failNext(1, SimulatedFault.MALFORMED_JSON);
                HttpResponse<String> malformed = send(validList(simulator));
                assertThat(malformed.statusCode()).isEqualTo(200);
                assertThat(malformed.body()).isEqualTo("{\"data\": [tru");
                simulator.assertTrafficFollowsSpec();

                simulator.failNext(1, SimulatedFault.MALFORMED_JSON);
                send(offContract(simulator));
                assertThatThrownBy(simulator::assertTrafficFollowsSpec).isInstanceOf(AssertionError.class)
                        .hasMessageContaining(BAD_SIZE);
            }
        }

        @Test
        @DisplayName("with -D" + VendorSimulator.REQUIRE_SPEC_PROPERTY + "=true, a simulator checking nothing refuses to start")
        void required() {
            String before = System.getProperty(VendorSimulator.REQUIRE_SPEC_PROPERTY);
            System.setProperty(VendorSimulator.REQUIRE_SPEC_PROPERTY, "true");
            try {
                assertThatThrownBy(() -> new OpenAiSimulator().start()).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("validatedAgainstSpec()");
                new ConfluentSimulator().validatedAgainstSpec().start().close();
            } finally {
                if (before == null) {
                    System.clearProperty(VendorSimulator.REQUIRE_SPEC_PROPERTY);
                } else {
                    System.setProperty(VendorSimulator.REQUIRE_SPEC_PROPERTY, before);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    @DisplayName("latency(...) delays every answer, successes and errors alike, by at least the latency")
    void latency(Supplier<VendorSimulator> create) throws Exception {
        Duration latency = Duration.ofMillis(600);
        try (VendorSimulator simulator = create.get().start()) {
            send(validList(simulator)); // the connection and the first request's class loading, outside the measure
            simulator.latency(latency);

            long start = System.nanoTime();
            HttpResponse<String> ok = send(validList(simulator));
            Duration okTook = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            HttpResponse<String> refused = send(validList(simulator).setHeader("Authorization", wrongCredentials(simulator)));
            Duration refusedTook = Duration.ofNanos(System.nanoTime() - start);

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(okTook).as("a success with latency %s", latency).isGreaterThanOrEqualTo(latency)
                    .isLessThan(latency.plusSeconds(5));
            assertThat(refusedTook).as("an error with latency %s", latency).isGreaterThanOrEqualTo(latency)
                    .isLessThan(latency.plusSeconds(5));
            System.out.printf("%s: latency %d ms -> a success took %d ms, an error %d ms%n", simulator.getClass().getSimpleName(),
                    latency.toMillis(), okTook.toMillis(), refusedTook.toMillis());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    @DisplayName("starts in well under a second (asserted under 3 s, for loaded CI machines), twice in a row")
    void startsQuickly(Supplier<VendorSimulator> create) throws Exception {
        for (int round = 1; round <= 2; round++) {
            VendorSimulator simulator = create.get();
            long start = System.nanoTime();
            simulator.start();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            try {
                assertThat(send(validList(simulator)).statusCode()).as("it answers once started").isEqualTo(200);
            } finally {
                simulator.close();
            }
            System.out.printf("%s: start() took %d ms (round %d)%n", simulator.getClass().getSimpleName(), took.toMillis(), round);
            assertThat(took).as("start() of %s, round %d", simulator.getClass().getSimpleName(), round).isLessThan(START_CEILING);
        }
    }

    @Nested
    @DisplayName("breaks answers as a broken proxy would")
    class BrokenAnswers {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.simulator.VendorSimulatorTest#vendors")
        @DisplayName("each fault of the answer gives the status and body it names, the request still acted on")
        void faultsOfTheAnswer(Supplier<VendorSimulator> create) throws Exception {
            try (VendorSimulator simulator = create.get().start()) {
                assertThat(answerUnder(simulator, SimulatedFault.EMPTY_OBJECT)).isEqualTo("200 {}");
                assertThat(answerUnder(simulator, SimulatedFault.NULL_DATA)).isEqualTo("200 {\"data\":null}");
                assertThat(answerUnder(simulator, SimulatedFault.JSON_NULL)).isEqualTo("200 null");
                assertThat(answerUnder(simulator, SimulatedFault.EMPTY_BODY)).isEqualTo("200 ");
                assertThat(answerUnder(simulator, SimulatedFault.NO_CONTENT)).isEqualTo("204 ");
                assertThat(answerUnder(simulator, SimulatedFault.UNKNOWN_STATUS)).startsWith("999 {");
                assertThat(answerUnder(simulator, SimulatedFault.ERROR_BODY_WITH_200)).startsWith("200 {").contains("error");
                String whole = answerUnder(simulator, null);
                String cut = answerUnder(simulator, SimulatedFault.TRUNCATED_BODY);
                assertThat(cut).hasSize(4 + (whole.length() - 4) / 2);
                assertThat(whole).startsWith(cut);
                simulator.assertTrafficFollowsSpec();
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.simulator.VendorSimulatorTest#vendors")
        @DisplayName("random faults follow their seed: the same seed fails the same requests, and clearFaults stops them")
        void randomFaultsFollowTheirSeed(Supplier<VendorSimulator> create) throws Exception {
            try (VendorSimulator simulator = create.get().start()) {
                java.util.List<SimulatedFault> faults = java.util.List.of(SimulatedFault.SERVER_ERROR,
                        SimulatedFault.UNKNOWN_STATUS, SimulatedFault.NO_CONTENT);
                String first = statuses(simulator.randomFaults(7, 0.5, faults));
                String again = statuses(simulator.randomFaults(7, 0.5, faults));
                String other = statuses(simulator.randomFaults(8, 0.5, faults));
                assertThat(first).isEqualTo(again).isNotEqualTo(other).contains("500", "999", "204", "200");
                assertThat(statuses(simulator.clearFaults())).doesNotContain("500", "999", "204");
                simulator.assertTrafficFollowsSpec();
            }
        }

        private String statuses(VendorSimulator simulator) throws Exception {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                out.append(send(validList(simulator)).statusCode()).append(' ');
            }
            return out.toString();
        }

        private String answerUnder(VendorSimulator simulator, SimulatedFault fault) throws Exception {
            if (fault != null) {
                simulator.failNext(1, fault);
            }
            HttpResponse<String> answer = send(validList(simulator));
            return answer.statusCode() + " " + answer.body();
        }
    }
}
