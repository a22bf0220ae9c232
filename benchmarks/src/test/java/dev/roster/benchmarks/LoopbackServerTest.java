package dev.roster.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.models.admin.organization.invites.InviteListParams;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, fast: every client the benchmarks compare reads the loopback server's answers
 * (Roster reads vendor answers strictly, so a required field missing would fail here), a mutable
 * organisation refuses a second pending invitation as OpenAI does, and rate-limited answers carry both
 * wait headers. No timing is asserted: the benchmarks measure, this only checks what they measure.
 */
@DisplayName("The benchmarks' loopback server")
class LoopbackServerTest {

    private static LoopbackServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new LoopbackServer(2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String root(String tenant) {
        return server.root() + "/" + tenant;
    }

    @Test
    @DisplayName("answers Roster's OpenAI provider with invitations and pages it reads strictly")
    void rosterReadsOpenAiAnswers() {
        try (InvitationProvider roster = Clients.rosterOpenAi(root("s_none_250_roster"))) {
            Invitation found = roster.find(Tenant.openAiId(42)).orElseThrow();
            assertThat(found.email()).isEqualTo("person42@example.com");
            assertThat(found.status()).isEqualTo(InvitationStatus.PENDING);
            Page<Invitation> first = roster.list(PageRequest.first(100));
            assertThat(first.items()).hasSize(100);
            assertThat(first.nextCursor()).isPresent();
            assertThat(roster.stream().count()).isEqualTo(250);
            assertThat(roster.find("invite-none")).isEmpty();
        }
    }

    @Test
    @DisplayName("answers the raw client and the official SDK with the same invitations")
    void baselinesReadOpenAiAnswers() {
        String root = root("s_none_150_baselines");
        RawOpenAiClient raw = Clients.rawOpenAi(root);
        assertThat(raw.find(Tenant.openAiId(7)).orElseThrow().email()).isEqualTo("person7@example.com");
        RawOpenAiClient.InviteList page = raw.list(100, null);
        assertThat(page.data()).hasSize(100);
        assertThat(page.hasMore()).isTrue();
        assertThat(raw.list(100, page.lastId()).data()).hasSize(50);
        OpenAIClient sdk = Clients.sdk(root);
        try {
            assertThat(sdk.admin().organization().invites().retrieve(Tenant.openAiId(7)).email()).isEqualTo("person7@example.com");
            assertThat(sdk.admin().organization().invites().list(InviteListParams.builder().limit(100L).build()).data()).hasSize(100);
        } finally {
            sdk.close();
        }
    }

    @Test
    @DisplayName("answers Roster's Confluent provider and the raw Confluent client with iam/v2 invitations and pages")
    void confluentClientsReadAnswers() {
        String root = root("s_none_120_confluent");
        try (InvitationProvider roster = Clients.rosterConfluent(root)) {
            assertThat(roster.find(Tenant.confluentId(3)).orElseThrow().email()).isEqualTo("person3@example.com");
            assertThat(roster.list(PageRequest.first(100)).items()).hasSize(100);
            assertThat(roster.stream().count()).isEqualTo(120);
        }
        RawConfluentClient raw = Clients.rawConfluent(root);
        RawConfluentClient.InvitationList page = raw.list(100, null);
        assertThat(page.data()).hasSize(100);
        assertThat(raw.list(100, page.nextToken().orElseThrow()).data()).hasSize(20);
        assertThat(raw.find(Tenant.confluentId(3)).orElseThrow().email()).isEqualTo("person3@example.com");
    }

    @Test
    @DisplayName("creates invitations, refuses a second pending one for an address with 409, and counts both")
    void mutableOrganisationCountsDuplicates() {
        String tenant = "m_none_0_duplicates";
        try (InvitationProvider roster = Clients.rosterOpenAi(root(tenant))) {
            Invitation first = roster.invite(InvitationRequest.of("ada@example.com"));
            // Core answers the vendor's 409 with the pending invitation it finds: the same one.
            assertThat(roster.invite(InvitationRequest.of("ada@example.com")).id()).isEqualTo(first.id());
        }
        assertThat(stats(tenant)).contains("\"created\":1,").contains("\"duplicates\":1,");
    }

    @Test
    @DisplayName("refuses a request beyond its limit with 429, Retry-After in whole seconds and retry-after-ms")
    void rateLimitedAnswerCarriesBothWaits() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // The "shut" limiter lets one request through, then one an hour: the second is refused
        // however slow the machine is.
        HttpRequest request = HttpRequest.newBuilder(URI.create(root("s_shut_10_limit") + "/v1/organization/invites?limit=1"))
                .header("Authorization", "Bearer " + LoopbackServer.ADMIN_KEY).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(429);
        long millis = Long.parseLong(refused.headers().firstValue("retry-after-ms").orElseThrow());
        long seconds = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(millis).isPositive();
        assertThat(seconds).isEqualTo((millis + 999) / 1000);
        assertThat(refused.body()).contains("rate_limit_exceeded");
    }

    @Test
    @DisplayName("answers Roster's Confluent provider: a create, a 409 naming the pending one, the exact-match email filter")
    void rosterReadsConfluentCreatesAndConflicts() {
        try (InvitationProvider roster = Clients.rosterConfluent(root("m_none_120_confluent"))) {
            Invitation created = roster.invite(InvitationRequest.of("Ada@Example.com"));
            assertThat(created.id()).isEqualTo(Tenant.confluentId(120));
            assertThat(roster.invite(InvitationRequest.of("ada@example.com"))).isEqualTo(created);
            assertThat(roster.findByEmail("person7@example.com").map(Invitation::id)).contains(Tenant.confluentId(7));
            assertThat(roster.findByEmail("ADA@EXAMPLE.COM").map(Invitation::id)).contains(created.id());
            assertThat(stats("m_none_120_confluent")).contains("\"created\":1,", "\"duplicates\":1,");
        }
    }

    private static String stats(String tenant) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.root() + "/__stats/" + tenant)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
