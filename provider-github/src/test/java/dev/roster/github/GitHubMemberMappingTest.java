package dev.roster.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.Member;
import dev.roster.ProviderUnavailableException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GitHub's users and memberships are read strictly: what the description requires must be there")
class GitHubMemberMappingTest {

    private static GitHubJson.User user(String login, Long id, String type, Boolean siteAdmin) {
        return new GitHubJson.User(login, id, "U_1", type, siteAdmin, "https://github.com/" + login, null, null);
    }

    @Test
    @DisplayName("a listed user without login, id, type or site_admin is an unreadable answer, not a member")
    void requiredUserFields() {
        assertThatThrownBy(() -> GitHubMemberMapping.listed(user(null, 1L, "User", false)))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("login");
        assertThatThrownBy(() -> GitHubMemberMapping.listed(user("ada", null, "User", false)))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("an id");
        assertThatThrownBy(() -> GitHubMemberMapping.listed(user("ada", 1L, null, false)))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> GitHubMemberMapping.listed(user("ada", 1L, "User", null)))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("site_admin");
        assertThatThrownBy(() -> GitHubMemberMapping.listed(null))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    @DisplayName("a public profile address is kept as an attribute, never as the member's email")
    void publicEmail() {
        Member ada = GitHubMemberMapping.listed(new GitHubJson.User("ada", 7L, "U_7", "User", false, null, "Ada",
                "ada@public.example"));
        assertThat(ada.email()).isEmpty();
        assertThat(ada.attributes()).containsEntry("public_email", "ada@public.example").containsEntry("name", "Ada")
                .containsEntry("id", "7");
    }

    @Test
    @DisplayName("a membership needs a state and a role; active needs its user; pending is no member; another state is "
            + "unreadable rather than guessed")
    void memberships() {
        GitHubJson.User ada = user("ada", 1L, "User", false);
        assertThat(GitHubMemberMapping.membership(new GitHubJson.Membership("active", "billing_manager", null, ada))
                .flatMap(Member::role)).contains("billing_manager");
        assertThat(GitHubMemberMapping.membership(new GitHubJson.Membership("pending", "member", true, null))).isEmpty();
        assertThatThrownBy(() -> GitHubMemberMapping.membership(new GitHubJson.Membership("suspended", "member", true, ada)))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("suspended");
        assertThatThrownBy(() -> GitHubMemberMapping.membership(new GitHubJson.Membership("active", "member", true, null)))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("a user");
        assertThatThrownBy(() -> GitHubMemberMapping.membership(new GitHubJson.Membership(null, "member", true, ada)))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("state");
        assertThatThrownBy(() -> GitHubMemberMapping.membership(new GitHubJson.Membership("active", null, true, ada)))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("role");
        assertThat(GitHubMemberMapping.membership(new GitHubJson.Membership("active", "member", null,
                user("ci[bot]", 9L, "Bot", false))).map(Member::serviceAccount)).contains(true);
    }
}
