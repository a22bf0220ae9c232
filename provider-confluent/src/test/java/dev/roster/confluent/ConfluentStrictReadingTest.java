package dev.roster.confluent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.ProviderUnavailableException;
import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import dev.roster.Secret;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An answer Roster cannot trust is never read as "nothing there": the bare adapter, over real HTTP
 * to WireMock on 127.0.0.1, against answers that break Confluent's contract on purpose (so only the
 * adapter's mapping is under test here; the simulators' traffic is checked against the spec
 * elsewhere).
 */
@DisplayName("The Confluent adapter reads answers strictly")
class ConfluentStrictReadingTest {

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final String COLLECTION = "/iam/v2/invitations";
    private static final String ITEM = COLLECTION + "/" + Payloads.ID;
    private static final String FAILURE = Payloads.failure(500, "internal_error", "Internal Server Error", "Try again.");

    private InvitationProvider confluent;

    @BeforeEach
    void open() {
        confluent = new ConfluentProviderFactory().create(config(WIRE.baseUrl()));
    }

    @AfterEach
    void close() {
        confluent.close();
    }

    private static ProviderConfig config(String root) {
        return ProviderConfig.builder()
                .baseUri(root)
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_KEY, Secret.of(ConfluentStub.KEY))
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, Secret.of(ConfluentStub.SECRET))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /** Bodies no 2xx list answer of Confluent's may have, each named. */
    static Stream<Arguments> untrustworthyLists() {
        return Stream.of(
                Arguments.of("{}", okJson("{}")),
                Arguments.of("data null", okJson("{\"data\":null}")),
                Arguments.of("kind and metadata, data null", okJson("{\"api_version\":\"iam/v2\",\"kind\":\"InvitationList\","
                        + "\"metadata\":{},\"data\":null}")),
                Arguments.of("no metadata", okJson("{\"api_version\":\"iam/v2\",\"kind\":\"InvitationList\",\"data\":[]}")),
                Arguments.of("an error body", okJson(FAILURE)),
                Arguments.of("null", okJson("null")),
                Arguments.of("an empty body", aResponse().withStatus(200).withHeader("Content-Type", "application/json")),
                Arguments.of("204 No Content", aResponse().withStatus(204)),
                Arguments.of("an item without email", okJson(Payloads.list(null,
                        Payloads.invitation().replace("\"email\":\"ada@example.com\",", "")))),
                Arguments.of("a null item", okJson(Payloads.list(null, "null"))),
                Arguments.of("a next link without a page_token", okJson(Payloads.list(
                        "\"https://api.confluent.cloud/iam/v2/invitations?page_size=5\"", Payloads.invitation()))),
                Arguments.of("a next link with an empty page_token", okJson(Payloads.list(
                        "\"https://api.confluent.cloud/iam/v2/invitations?page_token=&page_size=5\"", Payloads.invitation()))),
                Arguments.of("a next link that is not a URL", okJson(Payloads.list("\"more\"", Payloads.invitation()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustworthyLists")
    @DisplayName("a 2xx list answer missing what the contract requires is unreadable, never an empty last page")
    void list(String name, ResponseDefinitionBuilder answer) {
        WIRE.stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(answer));
        assertUnreadable(() -> confluent.list(PageRequest.first(10)), "list");
        assertUnreadable(() -> confluent.findByEmail("ada@example.com"), "findByEmail");
    }

    /** Invitation answers missing a field Confluent's contract requires, each named. */
    static Stream<Arguments> untrustworthyInvitations() {
        String full = Payloads.invitation();
        return Stream.of(
                Arguments.of("{}", okJson("{}")),
                Arguments.of("null", okJson("null")),
                Arguments.of("an error body", okJson(FAILURE)),
                Arguments.of("an empty body", aResponse().withStatus(201)),
                Arguments.of("204 No Content", aResponse().withStatus(204)),
                Arguments.of("a list", okJson(Payloads.list(null, full))),
                Arguments.of("no id", okJson(full.replace("\"id\":\"" + Payloads.ID + "\",", ""))),
                Arguments.of("email null", okJson(full.replace("\"ada@example.com\"", "null"))),
                Arguments.of("a blank email", okJson(full.replace("\"ada@example.com\"", "\" \""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustworthyInvitations")
    @DisplayName("a create answer missing what the contract requires is an unknown outcome, never a default value")
    void create(String name, ResponseDefinitionBuilder answer) {
        WIRE.stubFor(post(COLLECTION).willReturn(answer));
        assertUnreadable(() -> confluent.invite(InvitationRequest.of("ada@example.com")), "invite");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustworthyInvitations")
    @DisplayName("a retrieve answer missing what the contract requires is unreadable, never 'not found'")
    void retrieve(String name, ResponseDefinitionBuilder answer) {
        WIRE.stubFor(get(ITEM).willReturn(answer));
        assertUnreadable(() -> confluent.find(Payloads.ID), "find");
    }

    @Test
    @DisplayName("an error body sent with a 2xx to a delete is an unknown outcome, never 'revoked'")
    void deleteWithErrorBody() {
        WIRE.stubFor(delete(ITEM).willReturn(okJson(FAILURE)));
        assertUnreadable(() -> confluent.revoke(Payloads.ID), "revoke");
    }

    @Test
    @DisplayName("a 204 without a body to a delete is a revocation")
    void deleteNoContent() {
        WIRE.stubFor(delete(ITEM).willReturn(aResponse().withStatus(204)));
        assertThat(confluent.revoke(Payloads.ID)).isTrue();
    }

    @Test
    @DisplayName("an invitation without status (the spec does not require one) is kept, with status UNKNOWN")
    void statusIsOptional() {
        WIRE.stubFor(get(ITEM).willReturn(okJson(Payloads.invitation().replace("\"status\":\"INVITE_STATUS_SENT\",", ""))));
        assertThat(confluent.find(Payloads.ID)).hasValueSatisfying(i -> assertThat(i.status()).isEqualTo(InvitationStatus.UNKNOWN));
    }

    @Nested
    @DisplayName("no untyped exception escapes")
    class Untyped {

        @Test
        @DisplayName("a status no table names (999) after a create is an unknown outcome carrying the status")
        void unknownStatus() {
            WIRE.stubFor(post(COLLECTION).willReturn(aResponse().withStatus(999).withBody(FAILURE)));
            RosterException e = assertUnreadable(() -> confluent.invite(InvitationRequest.of("ada@example.com")), "invite");
            assertThat(e.httpStatus()).hasValue(999);
        }

        @Test
        @DisplayName("a Content-Length that is not a number is an unknown outcome on invite, list, find and findByEmail")
        void contentLengthNotANumber() {
            WIRE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withHeader("Content-Length", "abc").withBody(Payloads.invitation())));
            assertUnreadable(() -> confluent.invite(InvitationRequest.of("ada@example.com")), "invite");
            assertUnreadable(() -> confluent.list(PageRequest.first(5)), "list");
            assertUnreadable(() -> confluent.find(Payloads.ID), "find");
            assertUnreadable(() -> confluent.findByEmail("ada@example.com"), "findByEmail");
        }
    }

    @Nested
    @DisplayName("every query value is percent-encoded on the wire")
    class Encoding {

        @Test
        @DisplayName("the page token and the email filter, '/' and '+' included")
        void tokenAndEmail() {
            WIRE.stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(okJson(Payloads.list(null))));
            confluent.list(PageRequest.after(10, "tok/a+b=c%2F?&#é"));
            confluent.findByEmail("ada+ops/x@example.com");
            assertThat(WIRE.getAllServeEvents()).extracting(e -> e.getRequest().getUrl()).contains(
                    COLLECTION + "?page_size=10&page_token=tok%2Fa%2Bb%3Dc%252F%3F%26%23%C3%A9",
                    COLLECTION + "?page_size=100&email=ada%2Bops%2Fx%40example.com");
        }
    }

    @Test
    @DisplayName("a host that does not resolve is named in words, with what to check")
    void unresolvedHost() {
        // .invalid is reserved (RFC 6761): resolvers answer at once that no such name exists; nothing is sent.
        InvitationProvider nowhere = new ConfluentProviderFactory().create(config("https://roster-test.invalid"));
        RosterException e = assertUnreadable(() -> nowhere.list(PageRequest.first(5)), "list");
        assertThat(e.getMessage()).contains("could not resolve roster-test.invalid", "DNS");
    }

    private static RosterException assertUnreadable(Runnable call, String operation) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as(operation + " must fail with ProviderUnavailableException (an unknown outcome)")
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(thrown.getMessage()).contains("Confluent");
        return (RosterException) thrown;
    }
}
