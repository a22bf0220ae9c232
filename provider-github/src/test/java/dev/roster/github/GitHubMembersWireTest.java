package dev.roster.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.Member;
import dev.roster.Offboarding;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.PermissionDeniedException;
import dev.roster.RetryPolicy;
import dev.roster.UnsupportedCapabilityException;
import dev.roster.testkit.simulator.GitHubSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("GitHub's members on the wire: the members list by Link pages, memberships read and removed, against the "
        + "spec-checked simulator")
class GitHubMembersWireTest {

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
    @DisplayName("lists members by login with GitHub's headers, following the Link header page by page, without "
            + "addresses or roles")
    void pages() {
        github.join("ada@example.com");
        github.join("grace.hopper@example.com");
        github.join("linus@example.com");

        List<String> cursors = new ArrayList<>();
        List<Member> seen = new ArrayList<>();
        Page<Member> page = provider.members().list(PageRequest.first(3));
        while (true) {
            seen.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            cursors.add(page.nextCursor().get());
            page = provider.members().list(PageRequest.after(3, page.nextCursor().get()));
        }
        assertThat(cursors).containsExactly("members:2:3");
        assertThat(seen).extracting(Member::id).containsExactly("roster-owner", "ada", "grace-hopper", "linus");
        assertThat(seen).allSatisfy(m -> {
            assertThat(m.email()).isEmpty();
            assertThat(m.role()).isEmpty();
            assertThat(m.serviceAccount()).isFalse();
            assertThat(m.provider()).isEqualTo("github");
            assertThat(m.attributes()).containsKeys("id", "node_id", "type", "site_admin", "html_url");
        });
        List<LoggedRequest> lists = requests("GET");
        assertThat(lists).extracting(LoggedRequest::getUrl).containsExactly(
                "/orgs/" + github.org() + "/members?per_page=3&page=1", "/orgs/" + github.org() + "/members?per_page=3&page=2");
        assertThat(lists).allSatisfy(r -> {
            assertThat(r.getHeader("Accept")).isEqualTo("application/vnd.github+json");
            assertThat(r.getHeader("X-GitHub-Api-Version")).isEqualTo(GitHubProviderFactory.API_VERSION);
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + GitHubSimulator.DEFAULT_TOKEN);
        });
        assertThat(provider.members().stream().map(Member::id)).hasSize(4);
        assertThatThrownBy(() -> provider.members().list(PageRequest.after(3, "pending:2:3")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("GitHub");
    }

    @Test
    @DisplayName("finds a member by login through the membership, with its role and GitHub's fields kept")
    void find() {
        String login = github.join("Ada.Lovelace@example.com");
        assertThat(login).isEqualTo("ada-lovelace");

        Member ada = provider.members().find("ada-lovelace").orElseThrow();
        assertThat(ada.id()).isEqualTo("ada-lovelace");
        assertThat(ada.role()).contains("member");
        assertThat(ada.email()).isEmpty();
        assertThat(ada.joinedAt()).isEmpty();
        assertThat(ada.attributes()).containsEntry("type", "User").containsEntry("site_admin", "false")
                .containsEntry("direct_membership", "true").containsKeys("id", "html_url");
        assertThat(only("GET").getUrl()).isEqualTo("/orgs/" + github.org() + "/memberships/ada-lovelace");
        assertThat(provider.members().find("roster-owner").flatMap(Member::role)).contains("admin");
    }

    @Test
    @DisplayName("takes a pending membership for an invitation, not a member: find empty, remove false without a delete")
    void pendingIsNoMember() {
        Invitation invited = provider.invite(InvitationRequest.of("hedy@example.com"));

        assertThat(provider.members().find("hedy")).isEmpty();
        assertThat(provider.members().remove("hedy")).isFalse();
        assertThat(requests("DELETE")).isEmpty();
        assertThat(provider.find(invited.id()).map(Invitation::isPending)).contains(true);

        github.accept(invited.id());
        assertThat(github.memberId("hedy@example.com")).contains("hedy");
        assertThat(provider.members().find("hedy").flatMap(Member::role)).contains("member");
    }

    @Test
    @DisplayName("removes a member with one DELETE of its membership; a login GitHub answers 404 is an empty find and a "
            + "false remove")
    void remove() {
        github.join("grace@example.com");

        assertThat(provider.members().remove("grace")).isTrue();
        LoggedRequest delete = only("DELETE");
        assertThat(delete.getUrl()).isEqualTo("/orgs/" + github.org() + "/memberships/grace");
        assertThat(delete.getHeader("Authorization")).isEqualTo("Bearer " + GitHubSimulator.DEFAULT_TOKEN);
        assertThat(provider.members().find("grace")).isEmpty();
        assertThat(provider.members().remove("grace")).isFalse();
        assertThat(provider.members().remove("nobody-here")).isFalse();
        assertThat(provider.members().find("nobody-here")).isEmpty();
        assertThat(requests("DELETE")).hasSize(1);
    }

    @Test
    @DisplayName("reports a bot account (type Bot) as a service account, listed and found")
    void bots() {
        github.addBot("deploy-bot");

        assertThat(provider.members().stream().filter(Member::serviceAccount).map(Member::id).collect(Collectors.toList()))
                .containsExactly("deploy-bot");
        assertThat(provider.members().find("deploy-bot").map(Member::serviceAccount)).contains(true);
        assertThat(provider.members().find("roster-owner").map(Member::serviceAccount)).contains(false);
    }

    @Test
    @DisplayName("maps GitHub's 403 for removing the last owner to PermissionDeniedException saying so")
    void lastOwner() {
        assertThatThrownBy(() -> provider.members().remove("roster-owner"))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("last owner").hasMessageContaining("manage members").hasMessageNotContaining("..")
                .satisfies(e -> assertThat(((PermissionDeniedException) e).requestId()).isPresent());
        assertThat(provider.members().find("roster-owner")).isPresent();
    }

    @Test
    @DisplayName("refuses a look-up by email before any request, and offboard revokes by email but leaves the membership "
            + "NOT_CHECKED, saying how to remove it by login")
    void noAddresses() {
        assertThatThrownBy(() -> provider.members().findByEmail("ada@example.com"))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("does not reveal");
        assertThat(github.requestsReceived()).isZero();

        github.join("ada@example.com");
        Invitation again = provider.invite(InvitationRequest.of("ada.l@example.com"));
        Offboarding done = provider.offboard("ada.l@example.com");
        assertThat(done.revokedInvitations()).extracting(Invitation::id).containsExactly(again.id());
        assertThat(done.membership()).isEqualTo(Offboarding.Membership.NOT_CHECKED);
        assertThat(done.note()).hasValueSatisfying(note -> assertThat(note).contains("GitHub does not reveal")
                .contains("members().remove(id)"));
        assertThat(provider.members().find("ada")).isPresent();
    }

    private static List<LoggedRequest> requests(String method) {
        List<LoggedRequest> found = github.server().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals(method)).collect(Collectors.toList());
        java.util.Collections.reverse(found); // the journal lists the newest first
        return found;
    }

    private static LoggedRequest only(String method) {
        List<LoggedRequest> found = requests(method);
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
