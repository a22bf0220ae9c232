package dev.roster.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roster.ConflictException;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.QuotaExceededException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.Secret;
import dev.roster.testkit.simulator.GitHubSimulator;
import dev.roster.testkit.simulator.SimulatedFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("GitHub on the wire: requests, the lifecycle, pages and the error table, against the spec-checked simulator")
class GitHubWireTest {

    @RegisterExtension
    static final GitHubSimulator github = new GitHubSimulator().validatedAgainstSpec();

    private InvitationProvider provider;

    @BeforeEach
    void open() {
        provider = InvitationProviders.load("github", github.config().toBuilder().retryPolicy(RetryPolicy.none()).build());
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    @DisplayName("invites by email with the default role, GitHub's headers and the token as Bearer, leaving team_ids out")
    void inviteRequest() {
        Invitation sent = provider.invite(InvitationRequest.of("ada@example.com"));

        assertThat(sent.id()).matches("[1-9][0-9]*");
        assertThat(sent.role()).contains("direct_member");
        assertThat(sent.status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(sent.expiresAt()).isEqualTo(sent.createdAt().map(at -> at.plus(Duration.ofDays(7))));
        LoggedRequest post = only("POST");
        assertThat(post.getUrl()).isEqualTo("/orgs/" + github.org() + "/invitations");
        assertThat(post.getHeader("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(post.getHeader("X-GitHub-Api-Version")).isEqualTo(GitHubProviderFactory.API_VERSION);
        assertThat(post.getHeader("Authorization")).isEqualTo("Bearer " + GitHubSimulator.DEFAULT_TOKEN);
        assertThat(post.getBodyAsString()).isEqualTo("{\"email\":\"ada@example.com\",\"role\":\"direct_member\"}");
    }

    @Test
    @DisplayName("sends teams as team_ids and reports them as the project grants GitHub took")
    void teams() {
        Invitation sent = provider.invite(InvitationRequest.builder("grace@example.com").role("admin")
                .project("12", "member").project("26", "member").build());

        assertThat(only("POST").getBodyAsString()).contains("\"team_ids\":[12,26]").contains("\"role\":\"admin\"");
        assertThat(sent.projects()).extracting(p -> p.projectId()).containsExactlyInAnyOrder("12", "26");
        assertThat(sent.attributes()).containsEntry("team_count", "2");
    }

    @Test
    @DisplayName("refuses a team that is not a number before any request, and names an unknown team GitHub refuses")
    void teamIds() {
        assertThatThrownBy(() -> provider.invite(InvitationRequest.builder("x@example.com").project("platform", "member").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("numeric id").hasMessageContaining("platform");
        assertThat(github.requestsReceived()).isZero();

        assertThatThrownBy(() -> provider.invite(InvitationRequest.builder("x@example.com").project("99", "member").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("field team_ids");
    }

    @Test
    @DisplayName("maps an expired invitation to EXPIRED with GitHub's reason kept, and an accepted one to nothing at all")
    void lifecycle() {
        Invitation expiring = provider.invite(InvitationRequest.of("linus@example.com"));
        Invitation accepting = provider.invite(InvitationRequest.of("grace@example.com"));
        github.expire(expiring.id());
        github.accept(accepting.id());

        Invitation expired = provider.find(expiring.id()).orElseThrow();
        assertThat(expired.status()).isEqualTo(InvitationStatus.EXPIRED);
        assertThat(expired.attributes().get("failed_reason")).startsWith("Invitation expired");
        assertThat(expired.attributes()).containsKey("failed_at");
        assertThat(provider.find(accepting.id())).isEmpty();
        assertThat(provider.revoke(expiring.id())).isTrue();
        assertThat(provider.revoke(accepting.id())).isFalse();
        assertThat(provider.find(expiring.id()).map(Invitation::status)).contains(InvitationStatus.EXPIRED);
    }

    @Test
    @DisplayName("answers a second revoke false although GitHub answers 204 again, since the lists no longer hold it")
    void revokeTwice() {
        Invitation sent = provider.invite(InvitationRequest.of("twice@example.com"));
        assertThat(provider.revoke(sent.id())).isTrue();
        assertThat(provider.revoke(sent.id())).isFalse();
        assertThat(github.server().getAllServeEvents().stream().filter(e -> e.getRequest().getMethod().getName().equals("DELETE")))
                .hasSize(1);
    }

    @Test
    @DisplayName("answers ids GitHub could not have issued without a request: find empty, revoke false")
    void foreignIds() {
        assertThat(provider.find("invite-abc")).isEmpty();
        assertThat(provider.revoke("007")).isFalse();
        assertThat(github.requestsReceived()).isZero();
    }

    @Test
    @DisplayName("walks the pending pages, then the failed ones, by the Link header, each invitation once")
    void pages() {
        List<Invitation> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(provider.invite(InvitationRequest.of("page" + i + "@example.com")));
        }
        github.expire(sent.get(0).id());
        github.expire(sent.get(1).id());

        List<String> cursors = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Page<Invitation> page = provider.list(PageRequest.first(2));
        while (true) {
            page.items().forEach(i -> seen.add(i.id() + " " + i.status()));
            if (page.nextCursor().isEmpty()) {
                break;
            }
            cursors.add(page.nextCursor().get());
            page = provider.list(PageRequest.after(2, page.nextCursor().get()));
        }
        assertThat(cursors).containsExactly("pending:2:2", "failed:1:2");
        assertThat(seen).containsExactlyInAnyOrder(sent.get(0).id() + " EXPIRED", sent.get(1).id() + " EXPIRED",
                sent.get(2).id() + " PENDING", sent.get(3).id() + " PENDING", sent.get(4).id() + " PENDING");
        assertThatThrownBy(() -> provider.list(PageRequest.after(2, "page=2"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("GitHub");
    }

    @Test
    @DisplayName("maps a member's 422 to ALREADY_MEMBER and the invitation quota's to QuotaExceededException naming it")
    void conflictsAndQuota() {
        github.addMember("member@example.com");
        assertThatThrownBy(() -> provider.invite(InvitationRequest.of("member@example.com")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_MEMBER));

        github.invitationQuota(1);
        provider.invite(InvitationRequest.of("first@example.com"));
        assertThatThrownBy(() -> provider.invite(InvitationRequest.of("second@example.com")))
                .isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("50 invitations per 24 hours").hasMessageContaining(github.org())
                .satisfies(e -> assertThat(((QuotaExceededException) e).requestId()).isPresent());
    }

    @Test
    @DisplayName("takes GitHub's answer to a repeated invitation (the same pending one) as the invitation")
    void repeatedInvite() {
        Invitation first = provider.invite(InvitationRequest.of("again@example.com"));
        assertThat(provider.invite(InvitationRequest.of("Again@Example.com")).id()).isEqualTo(first.id());
        assertThat(github.invitationsCreatedByEmail()).containsEntry("again@example.com", 1);
    }

    @Test
    @DisplayName("reads a rate-limited answer's retry-after as the wait")
    void rateLimited() {
        github.retryAfter(Duration.ofSeconds(2)).failNext(1, SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER);
        assertThatThrownBy(() -> provider.list(PageRequest.first(5)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
    }

    @Test
    @DisplayName("refuses a wrong token with an authentication error naming GITHUB_TOKEN, never the token")
    void wrongToken() {
        ProviderConfig wrong = github.config().toBuilder().credential(ProviderConfig.GITHUB_TOKEN, Secret.of("ghp_wrongToken000"))
                .retryPolicy(RetryPolicy.none()).build();
        try (InvitationProvider other = InvitationProviders.load("github", wrong)) {
            assertThatThrownBy(() -> other.list(PageRequest.first(1)))
                    .isInstanceOf(dev.roster.AuthenticationException.class)
                    .hasMessageContaining("GITHUB_TOKEN").hasMessageNotContaining("ghp_wrongToken000");
        }
    }

    @Test
    @DisplayName("needs an organization, from GITHUB_ORG or github.org, before any request, and refuses one that is no login")
    void organization() {
        ProviderConfig noOrg = ProviderConfig.builder().baseUri(github.rootUri())
                .credential(ProviderConfig.GITHUB_TOKEN, Secret.of(GitHubSimulator.DEFAULT_TOKEN)).build();
        assertThatThrownBy(() -> InvitationProviders.load("github", noOrg))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("GITHUB_ORG")
                .hasMessageContaining("github.org");
        assertThatThrownBy(() -> InvitationProviders.load("github", noOrg.toBuilder().property("github.org", "../admin").build()))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("not an organization login");
        assertThatThrownBy(() -> InvitationProviders.load("github", ProviderConfig.builder().property("github.org", "acme").build()))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("GITHUB_TOKEN");
        try (InvitationProvider fromEnv = InvitationProviders.load("github", ProviderConfig.fromEnvironment(java.util.Map.of(
                ProviderConfig.GITHUB_TOKEN, GitHubSimulator.DEFAULT_TOKEN, ProviderConfig.GITHUB_ORG, github.org()))
                .toBuilder().baseUri(github.rootUri()).build())) {
            assertThat(fromEnv.list(PageRequest.first(1)).items()).isEmpty();
        }
        // Only the last load sent anything: the first page of each list, both empty.
        assertThat(github.requestsReceived()).isEqualTo(2);
    }

    @Test
    @DisplayName("answers another organization's 404 with a configuration error naming GITHUB_ORG")
    void unknownOrganization() {
        try (InvitationProvider other = InvitationProviders.load("github", github.config().toBuilder()
                .property("github.org", "someone-else").retryPolicy(RetryPolicy.none()).build())) {
            assertThatThrownBy(() -> other.list(PageRequest.first(1)))
                    .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("GITHUB_ORG")
                    .hasMessageContaining("someone-else");
        }
    }

    private static LoggedRequest only(String method) {
        List<LoggedRequest> found = github.server().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals(method)).collect(Collectors.toList());
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
