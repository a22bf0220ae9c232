package dev.roster.confluent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Confluent's invitations map onto Roster's without loss, as Confluent really sends them")
class ConfluentMappingTest {

    private static final String COLLECTION = "/iam/v2/invitations";
    private static final String ITEM = COLLECTION + "/" + Payloads.ID;

    @RegisterExtension
    static final ConfluentStub stub = new ConfluentStub();

    private InvitationProvider confluent;

    @BeforeEach
    void open() {
        confluent = stub.adapter();
    }

    @AfterEach
    void close() {
        confluent.close();
    }

    @Nested
    @DisplayName("an invitation")
    class OneInvitation {

        @Test
        @DisplayName("keeps every field: times to the microsecond, ids, auth type, CRN and raw status")
        void complete() {
            Invitation invitation = found(Payloads.invitation());

            assertThat(invitation.id()).isEqualTo(Payloads.ID);
            assertThat(invitation.email()).isEqualTo("ada@example.com");
            assertThat(invitation.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(invitation.provider()).isEqualTo("confluent");
            assertThat(invitation.role()).isEmpty();
            assertThat(invitation.projects()).isEmpty();
            assertThat(invitation.createdAt()).contains(Instant.parse("2024-05-06T07:08:09.123456Z"));
            assertThat(invitation.expiresAt()).contains(Instant.parse("2024-06-05T07:08:09.654321Z"));
            assertThat(invitation.acceptedAt()).isEmpty();
            assertThat(invitation.attributes())
                    .containsEntry(ConfluentCloud.AUTH_TYPE, "AUTH_TYPE_SSO")
                    .containsEntry(ConfluentCloud.USER_ID, "u-j93dy8")
                    .containsEntry(ConfluentCloud.CREATOR_ID, "u-m2r9o7")
                    .containsEntry(ConfluentCloud.RESOURCE_NAME, "crn://confluent.cloud/organization=9bb441c4/invitation=i-gxxn1")
                    .containsEntry(ConfluentCloud.VENDOR_STATUS, "INVITE_STATUS_SENT");
        }

        @Test
        @DisplayName("with metadata null has no creation time, and no crash")
        void metadataNull() {
            // Confluent's examples send this; the spec allows it too (ObjectMeta declares no type).
            Invitation invitation = found(Payloads.invitation().replaceFirst("\"metadata\":\\{[^}]*\\}", "\"metadata\":null"));

            assertThat(invitation.createdAt()).isEmpty();
            assertThat(invitation.attributes()).doesNotContainKey(ConfluentCloud.RESOURCE_NAME);
            assertThat(invitation.expiresAt()).isPresent();
        }

        @Test
        @DisplayName("without metadata has no creation time")
        void metadataAbsent() {
            Invitation invitation = found(Payloads.invitation().replaceFirst("\"metadata\":\\{[^}]*\\},", ""));

            assertThat(invitation.createdAt()).isEmpty();
        }

        @Test
        @DisplayName("accepted, with accepted_at and no fractional seconds")
        void accepted() {
            Invitation invitation = found(Payloads.invitation(Payloads.ID, "ada@example.com", "INVITE_STATUS_ACCEPTED")
                    .replace("\"expires_at\"", "\"accepted_at\":\"2024-05-07T10:00:00Z\",\"expires_at\""));

            assertThat(invitation.status()).isEqualTo(InvitationStatus.ACCEPTED);
            assertThat(invitation.acceptedAt()).contains(Instant.parse("2024-05-07T10:00:00Z"));
        }

        @Test
        @DisplayName("with accepted_at null, or Go's zero time, has no acceptance time")
        void acceptedAtNullOrZero() {
            assertThat(found(Payloads.invitation().replace("\"expires_at\"", "\"accepted_at\":null,\"expires_at\""))
                    .acceptedAt()).isEmpty();
            assertThat(found(Payloads.invitation().replace("\"expires_at\"", "\"accepted_at\":\"0001-01-01T00:00:00Z\",\"expires_at\""))
                    .acceptedAt()).isEmpty();
        }

        @Test
        @DisplayName("reads timestamps with offsets, milliseconds and nanoseconds")
        void timestampForms() {
            Invitation invitation = found(Payloads.invitation()
                    .replace("2024-05-06T07:08:09.123456Z", "2024-05-06T09:08:09.5+02:00")
                    .replace("2024-06-05T07:08:09.654321Z", "2024-06-05T07:08:09.123456789Z"));

            assertThat(invitation.createdAt()).contains(Instant.parse("2024-05-06T07:08:09.500Z"));
            assertThat(invitation.expiresAt()).contains(Instant.parse("2024-06-05T07:08:09.123456789Z"));
        }

        @Test
        @DisplayName("keeps a timestamp it cannot read as an attribute instead of failing")
        void unreadableTimestamp() {
            stub.deliberately("expires_at|date-time", "a timestamp that is not RFC 3339");
            Invitation invitation = found(Payloads.invitation().replace("2024-06-05T07:08:09.654321Z", "next Tuesday"));

            assertThat(invitation.expiresAt()).isEmpty();
            assertThat(invitation.attributes()).containsEntry("expires_at", "next Tuesday");
        }

        @Test
        @DisplayName("ignores extra fields nested in user and creator, and unknown top-level fields")
        void extraNestedFields() {
            stub.deliberately("additionalProperties|not allowed", "Confluent nests extra fields in user and creator");
            Invitation invitation = found(Payloads.invitation()
                    .replace("\"id\":\"u-j93dy8\",", "\"id\":\"u-j93dy8\",\"kind\":\"User\",\"profile\":{\"name\":\"Ada\",\"tags\":[1,2]},")
                    .replace("\"id\":\"u-m2r9o7\",", "\"id\":\"u-m2r9o7\",\"api_version\":\"iam/v2\",\"details\":{\"x\":null},")
                    .replace("\"status\":", "\"invited_by_sso\":true,\"status\":"));

            assertThat(invitation.attributes()).containsEntry(ConfluentCloud.USER_ID, "u-j93dy8")
                    .containsEntry(ConfluentCloud.CREATOR_ID, "u-m2r9o7");
        }

        private Invitation found(String json) {
            stub.server().stubFor(get(urlPathEqualTo(ITEM)).willReturn(ok(json)));
            return confluent.find(Payloads.ID).orElseThrow();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "INVITE_STATUS_SENT, PENDING",
        "INVITE_STATUS_STAGED, PENDING",
        "INVITE_STATUS_ACCEPTED, ACCEPTED",
        "INVITE_STATUS_EXPIRED, EXPIRED",
        "INVITE_STATUS_DEACTIVATED, REVOKED",
        "INVITE_STATUS_SOMETHING_NEW, UNKNOWN",
    })
    @DisplayName("maps each status, keeping the raw value")
    void statuses(String raw, InvitationStatus expected) {
        stub.server().stubFor(get(urlPathEqualTo(ITEM)).willReturn(ok(Payloads.invitation(Payloads.ID, "a@example.com", raw))));

        Invitation invitation = confluent.find(Payloads.ID).orElseThrow();

        assertThat(invitation.status()).isEqualTo(expected);
        assertThat(invitation.attributes()).containsEntry(ConfluentCloud.VENDOR_STATUS, raw);
    }

    @Nested
    @DisplayName("a page")
    class Pages {

        @Test
        @DisplayName("takes the next cursor from metadata.next, decoded, and sends it back encoded")
        void tokenNeedsDecoding() {
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(
                    "\"https://api.confluent.cloud/iam/v2/invitations?page_size=2&page_token=ab%2Bc%2Fd%3D%3D%C3%A9\"",
                    Payloads.invitation()))));

            Page<Invitation> first = confluent.list(PageRequest.first(2));
            assertThat(first.items()).hasSize(1);
            assertThat(first.nextCursor()).contains("ab+c/d==é");

            confluent.list(PageRequest.after(2, first.nextCursor().get()));
            assertThat(stub.requests()).last().satisfies(r -> assertThat(r.getUrl())
                    .isEqualTo(COLLECTION + "?page_size=2&page_token=ab%2Bc%2Fd%3D%3D%C3%A9"));
        }

        @Test
        @DisplayName("keeps a raw '+' in a token as a plus, and ignores the link's host")
        void rawPlus() {
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(
                    "\"https://elsewhere.example/iam/v2/invitations?page_token=UvmD+WOB1&page_size=1\"", Payloads.invitation()))));

            Page<Invitation> page = confluent.list(PageRequest.first(1));
            confluent.list(PageRequest.after(1, page.nextCursor().orElseThrow()));

            assertThat(page.nextCursor()).contains("UvmD+WOB1");
            assertThat(stub.requests()).allSatisfy(r -> assertThat(r.getHeader("Host")).startsWith("127.0.0.1"));
        }

        @Test
        @DisplayName("has no next cursor when next is null, absent or empty")
        void lastPage() {
            for (String next : new String[] {"null", null, "\"\""}) {
                stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(next, Payloads.invitation()))));
                assertThat(confluent.list(PageRequest.first(5)).nextCursor()).as("next = %s", next).isEmpty();
            }
        }

        @Test
        @DisplayName("refuses a cursor longer than the 255 characters of Confluent's page_token before any request")
        void cursorTooLong() {
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(null))));
            String longest = "\ud83d\ude00".repeat(ConfluentCloud.MAX_PAGE_TOKEN_LENGTH); // 255 characters, 510 chars of Java

            confluent.list(PageRequest.after(5, longest));
            assertThat(stub.requests()).as("255 characters are sent").hasSize(1);

            assertThatThrownBy(() -> confluent.list(PageRequest.after(5, "a".repeat(ConfluentCloud.MAX_PAGE_TOKEN_LENGTH + 1))))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("256 characters").hasMessageContaining("at most 255")
                    .hasMessageContaining("Pass the nextCursor of a previous Confluent Cloud page unchanged");
            assertThat(stub.requests()).as("nothing more was sent").hasSize(1);
        }

        @Test
        @DisplayName("blames Confluent, not the caller, for a page_token in its answer over its own 255-character limit")
        void vendorTokenTooLong() {
            String longest = "\ud83d\ude00".repeat(ConfluentCloud.MAX_PAGE_TOKEN_LENGTH);
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(
                    "\"https://api.confluent.cloud/iam/v2/invitations?page_token=" + longest + "\"", Payloads.invitation()))));
            assertThat(confluent.list(PageRequest.first(5)).nextCursor()).as("255 characters are Confluent's").contains(longest);

            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(
                    "\"https://api.confluent.cloud/iam/v2/invitations?page_token=" + "a".repeat(256) + "\"",
                    Payloads.invitation()))));
            assertThatThrownBy(() -> confluent.list(PageRequest.first(5)))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("Confluent Cloud returned a page_token of 256 characters, over its own 255")
                    .hasMessageNotContaining("Pass the nextCursor");
            assertThatThrownBy(() -> confluent.stream().count())
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("page_token of 256 characters");
        }

        @Test
        @DisplayName("asks for at most 100 items, Confluent's maximum")
        void pageSizeBounded() {
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(null))));

            assertThat(confluent.list(PageRequest.first(250)).items()).isEmpty();

            stub.server().verify(getRequestedFor(urlPathEqualTo(COLLECTION)).withQueryParam("page_size", equalTo("100")));
        }
    }

    @Nested
    @DisplayName("findByEmail")
    class FindByEmail {

        @Test
        @DisplayName("filters on Confluent's side, encoding a '+' in the address")
        void serverSideFilter() {
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(null,
                    Payloads.invitation("i-1", "ada+ops@example.com", "INVITE_STATUS_SENT")))));

            assertThat(confluent.findByEmail("ada+ops@example.com")).map(Invitation::id).contains("i-1");

            assertThat(stub.requests()).singleElement().satisfies(r -> assertThat(r.getUrl())
                    .isEqualTo(COLLECTION + "?page_size=100&email=ada%2Bops%40example.com"));
        }

        @Test
        @DisplayName("prefers the pending invitation, else the newest")
        void bestMatch() {
            String older = Payloads.invitation("i-old", "ada@example.com", "INVITE_STATUS_EXPIRED");
            String newer = Payloads.invitation("i-new", "ada@example.com", "INVITE_STATUS_DEACTIVATED")
                    .replace("2024-05-06T07:08:09.123456Z", "2024-07-01T00:00:00.000001Z");
            String staged = Payloads.invitation("i-staged", "ada@example.com", "INVITE_STATUS_STAGED");
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(null, older, staged, newer))));
            assertThat(confluent.findByEmail("ada@example.com")).map(Invitation::id).contains("i-staged");

            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(null, older, newer))));
            assertThat(confluent.findByEmail("ada@example.com")).map(Invitation::id).contains("i-new");
        }

        @Test
        @DisplayName("reads every page for the address: a pending invitation on a later page wins over an expired one")
        void laterPages() {
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(
                    "\"https://api.confluent.cloud/iam/v2/invitations?email=ada%40example.com&page_token=p2\"",
                    Payloads.invitation("i-old", "ada@example.com", "INVITE_STATUS_EXPIRED")))));
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).withQueryParam("page_token", equalTo("p2"))
                    .willReturn(ok(Payloads.list(null, Payloads.invitation("i-new", "ada@example.com", "INVITE_STATUS_SENT")))));

            assertThat(confluent.findByEmail("ada@example.com")).map(Invitation::id).contains("i-new");
        }

        @Test
        @DisplayName("a page_token Confluent repeats makes the lookup fail, never a partial answer")
        void repeatedToken() {
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(
                    "\"https://api.confluent.cloud/iam/v2/invitations?page_token=again\"",
                    Payloads.invitation("i-old", "ada@example.com", "INVITE_STATUS_EXPIRED")))));

            assertThatThrownBy(() -> confluent.findByEmail("ada@example.com"))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("returned the page_token 'again' twice")
                    .hasMessageContaining("stopped rather than answer from some of them");
            assertThat(stub.requests()).hasSize(2);
        }

        @Test
        @DisplayName("a lookup that runs past 20 pages for one address fails, never a partial answer")
        void tooManyPages() {
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(
                    "\"https://api.confluent.cloud/iam/v2/invitations?page_token=t1\"",
                    Payloads.invitation("i-old", "ada@example.com", "INVITE_STATUS_EXPIRED")))));
            for (int page = 1; page <= 20; page++) {
                stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).withQueryParam("page_token", equalTo("t" + page))
                        .willReturn(ok(Payloads.list("\"https://api.confluent.cloud/iam/v2/invitations?page_token=t"
                                + (page + 1) + "\""))));
            }

            assertThatThrownBy(() -> confluent.findByEmail("ada@example.com"))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("still had more after 20 pages");
            assertThat(stub.requests()).hasSize(20);
        }

        @Test
        @DisplayName("tries the lower-case address when Confluent finds nothing for the capitals")
        void lowerCaseFallback() {
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(null))));
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).withQueryParam("email", equalTo("ada@example.com"))
                    .willReturn(ok(Payloads.list(null, Payloads.invitation()))));

            assertThat(confluent.findByEmail("Ada@Example.com")).map(Invitation::id).contains(Payloads.ID);
        }

        @Test
        @DisplayName("scans every invitation when the exact-match filter finds neither spelling, comparing case-insensitively")
        void scanFallback() {
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).willReturn(ok(Payloads.list(null,
                    Payloads.invitation("i-other", "bob@example.com", "INVITE_STATUS_SENT"),
                    Payloads.invitation("i-mixed", "Ada@Example.com", "INVITE_STATUS_SENT")))));
            stub.server().stubFor(get(urlPathEqualTo(COLLECTION)).withQueryParam("email", matching(".*"))
                    .willReturn(ok(Payloads.list(null))));

            assertThat(confluent.findByEmail("ada@example.com")).map(Invitation::id).contains("i-mixed");
            assertThat(confluent.findByEmail("ADA@EXAMPLE.COM")).map(Invitation::id).contains("i-mixed");
            assertThat(confluent.findByEmail("nobody@example.com")).isEmpty();

            assertThat(stub.requests()).extracting(r -> r.getUrl()).containsExactly(
                    COLLECTION + "?page_size=100&email=ada%40example.com",
                    COLLECTION + "?page_size=100",
                    COLLECTION + "?page_size=100&email=ADA%40EXAMPLE.COM",
                    COLLECTION + "?page_size=100&email=ada%40example.com",
                    COLLECTION + "?page_size=100",
                    COLLECTION + "?page_size=100&email=nobody%40example.com",
                    COLLECTION + "?page_size=100");
        }
    }

    @Nested
    @DisplayName("the request")
    class Requests {

        @Test
        @DisplayName("sends Basic credentials, Roster's User-Agent and JSON")
        void headers() {
            stub.server().stubFor(post(urlPathEqualTo(COLLECTION)).willReturn(created(Payloads.invitation())));

            confluent.invite(InvitationRequest.of("ada@example.com"));

            String basic = Base64.getEncoder().encodeToString((ConfluentStub.KEY + ":" + ConfluentStub.SECRET)
                    .getBytes(StandardCharsets.UTF_8));
            stub.server().verify(postRequestedFor(urlPathEqualTo(COLLECTION))
                    .withHeader("Authorization", equalTo("Basic " + basic))
                    .withHeader("User-Agent", matching("roster/[0-9][^ ]* \\(provider-confluent\\)"))
                    .withHeader("Accept", equalTo("application/json"))
                    .withHeader("Content-Type", matching("application/json.*"))
                    .withRequestBody(equalToJson("{\"email\":\"ada@example.com\"}")));
        }

        @Test
        @DisplayName("sends auth_type when the request sets it")
        void authType() {
            stub.server().stubFor(post(urlPathEqualTo(COLLECTION)).willReturn(created(Payloads.invitation())));

            Invitation invitation = confluent.invite(InvitationRequest.builder("ada@example.com")
                    .attribute(ConfluentCloud.AUTH_TYPE, ConfluentCloud.AUTH_TYPE_SSO).build());

            stub.server().verify(postRequestedFor(urlPathEqualTo(COLLECTION))
                    .withRequestBody(equalToJson("{\"email\":\"ada@example.com\",\"auth_type\":\"AUTH_TYPE_SSO\"}")));
            assertThat(invitation.attributes()).containsEntry(ConfluentCloud.AUTH_TYPE, "AUTH_TYPE_SSO");
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "r-1")
                .withBody(json);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String json) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withHeader("Location", "https://api.confluent.cloud/iam/v2/invitations/" + Payloads.ID).withBody(json);
    }
}
