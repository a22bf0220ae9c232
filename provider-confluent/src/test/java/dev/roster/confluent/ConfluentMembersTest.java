package dev.roster.confluent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.roster.InvitationProvider;
import dev.roster.Member;
import dev.roster.PageRequest;
import dev.roster.ProviderUnavailableException;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who is a Confluent member: users read from {@code /iam/v2/users}, membership from the invitations
 * naming them. The bare adapter over real HTTP to WireMock on 127.0.0.1, every exchange spec-checked.
 */
@DisplayName("The Confluent adapter counts as members the users who accepted")
class ConfluentMembersTest {

    @RegisterExtension
    static final ConfluentStub STUB = new ConfluentStub();

    private InvitationProvider confluent;

    @BeforeEach
    void open() {
        confluent = STUB.adapter();
    }

    @AfterEach
    void close() {
        confluent.close();
    }

    private static String user(String id, String email) {
        return "{\"api_version\":\"iam/v2\",\"kind\":\"User\",\"id\":\"" + id + "\",\"metadata\":{\"self\":"
                + "\"https://api.confluent.cloud/iam/v2/users/" + id + "\",\"created_at\":\"2024-05-06T07:08:09.123456Z\"},"
                + "\"email\":\"" + email + "\",\"full_name\":\"Someone\",\"auth_type\":\"AUTH_TYPE_LOCAL\"}";
    }

    /** An invitation of a user, with the given status (accepted ones carry accepted_at). */
    private static String invitationOf(String id, String userId, String email, String status) {
        String base = Payloads.invitation(id, email, status).replace("u-j93dy8", userId);
        return status.equals("INVITE_STATUS_ACCEPTED")
                ? base.replace("\"expires_at\"", "\"accepted_at\":\"2024-05-07T00:00:00.000001Z\",\"expires_at\"") : base;
    }

    private static String users(String... items) {
        return "{\"api_version\":\"iam/v2\",\"kind\":\"UserList\",\"metadata\":{\"first\":"
                + "\"https://api.confluent.cloud/iam/v2/users\"},\"data\":[" + String.join(",", items) + "]}";
    }

    @Test
    @DisplayName("lists the accepted and the uninvited users, not the pending or revoked ones; joinedAt is accepted_at")
    void list() {
        STUB.server().stubFor(get(urlPathEqualTo("/iam/v2/users")).willReturn(okJson(users(
                user("u-acc", "acc@example.com"), user("u-pen", "pen@example.com"), user("u-rev", "rev@example.com"),
                user("u-own", "owner@example.com")))));
        STUB.server().stubFor(get(urlPathEqualTo("/iam/v2/invitations")).willReturn(okJson(Payloads.list(null,
                invitationOf("i-1", "u-acc", "acc@example.com", "INVITE_STATUS_ACCEPTED"),
                invitationOf("i-2", "u-pen", "pen@example.com", "INVITE_STATUS_SENT"),
                invitationOf("i-3", "u-rev", "rev@example.com", "INVITE_STATUS_DEACTIVATED")))));

        var page = confluent.members().list(PageRequest.first(10));

        assertThat(page.items().stream().map(Member::id).collect(Collectors.toList())).containsExactly("u-acc", "u-own");
        assertThat(page.items().get(0).joinedAt()).contains(Instant.parse("2024-05-07T00:00:00.000001Z"));
        assertThat(page.items().get(1).joinedAt()).contains(Instant.parse("2024-05-06T07:08:09.123456Z"));
        assertThat(page.items().get(0).role()).isEmpty();
        assertThat(page.items().get(0).attributes()).containsEntry("auth_type", "AUTH_TYPE_LOCAL");
    }

    @Test
    @DisplayName("a user whose invitation is pending is no member: find is empty and remove deletes nothing")
    void pendingIsNoMember() {
        STUB.server().stubFor(get(urlPathEqualTo("/iam/v2/users/u-pen")).willReturn(okJson(user("u-pen", "pen@example.com"))));
        STUB.server().stubFor(get(urlPathEqualTo("/iam/v2/invitations")).withQueryParam("user", equalTo("u-pen"))
                .willReturn(okJson(Payloads.list(null, invitationOf("i-2", "u-pen", "pen@example.com", "INVITE_STATUS_SENT")))));

        assertThat(confluent.members().find("u-pen")).isEmpty();
        assertThat(confluent.members().remove("u-pen")).isFalse();
        STUB.server().verify(0, deleteRequestedFor(urlPathMatching("/iam/v2/users/.*")));
    }

    @Test
    @DisplayName("a user without an email, which the users contract requires, is an unreadable answer")
    void userWithoutEmail() {
        STUB.deliberately("email", "a user without the email the contract requires, to prove it is refused");
        STUB.server().stubFor(get(urlPathEqualTo("/iam/v2/users/u-1")).willReturn(okJson(
                "{\"api_version\":\"iam/v2\",\"kind\":\"User\",\"id\":\"u-1\"}")));

        assertThat(catchThrowable(() -> confluent.members().find("u-1"))).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("email");
    }

    @Test
    @DisplayName("an unknown user is an empty find")
    void unknown() {
        STUB.server().stubFor(get(urlPathEqualTo("/iam/v2/users/u-none")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Payloads.failure(404, null, "Not Found", null))));

        assertThat(confluent.members().find("u-none")).isEmpty();
    }
}
