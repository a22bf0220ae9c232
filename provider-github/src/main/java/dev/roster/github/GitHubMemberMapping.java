package dev.roster.github;

import dev.roster.Member;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns GitHub's {@code simple-user} and {@code org-membership} JSON into Roster's {@link Member},
 * as strictly as {@link GitHubMapping} reads invitations.
 *
 * <p><b>Strict.</b> A listed user needs its {@code login}, {@code id}, {@code type} and
 * {@code site_admin}; a membership its {@code state} and {@code role} ({@code active} or
 * {@code pending}: another state is unreadable rather than guessed at), and, when it is active, its
 * {@code user}. Anything missing is an answer Roster cannot trust: a
 * {@link dev.roster.ProviderUnavailableException}.
 *
 * <p><b>What GitHub tells.</b> The member id is the login. GitHub does not reveal members' addresses,
 * so {@link Member#email()} is always empty; a public profile address that GitHub may put in
 * {@code email} is what the user chose to show, not the address they were invited by, and is kept as
 * the attribute {@value #PUBLIC_EMAIL} only. No join time is told. A {@code type} of {@code Bot} is a
 * service account. {@code id}, {@code node_id}, {@code type}, {@code site_admin}, {@code html_url} and
 * {@code name} (and a membership's {@code direct_membership}) are kept as attributes. The role is the
 * membership's ({@code admin}, {@code member}, {@code billing_manager}), so only a look-up by login
 * has one: the members list names none.
 */
final class GitHubMemberMapping {

    static final String ID = "id";
    static final String NODE_ID = "node_id";
    static final String TYPE = "type";
    static final String SITE_ADMIN = "site_admin";
    static final String HTML_URL = "html_url";
    static final String NAME = "name";
    static final String PUBLIC_EMAIL = "public_email";
    static final String DIRECT = "direct_membership";

    /** GitHub's {@code type} for an app's bot account. */
    static final String BOT = "Bot";

    private GitHubMemberMapping() {}

    /** A listed member, without a role (the list names none). */
    static Member listed(GitHubJson.User json) {
        return builder(GitHubMapping.require(json, "a list of members", "a user (it sent null)")).build();
    }

    /**
     * A membership: the member when it is active, empty while it is pending (an invitation, not yet
     * a member).
     */
    static Optional<Member> membership(GitHubJson.Membership json) {
        GitHubJson.Membership read = GitHubMapping.require(json, "a membership", "a body");
        String state = text(read.state(), "a membership", "a state");
        String role = text(read.role(), "a membership", "a role");
        switch (state.toLowerCase(Locale.ROOT)) {
            case "pending":
                return Optional.empty();
            case "active":
                break;
            default:
                throw GitHubMapping.unreadable("a membership in the state '" + state + "', which its API description "
                        + "does not know (active or pending), so Roster cannot tell whether the user is a member");
        }
        Member.Builder builder = builder(GitHubMapping.require(read.user(), "an active membership", "a user")).role(role);
        if (read.directMembership() != null) {
            builder.attribute(DIRECT, read.directMembership().toString());
        }
        return Optional.of(builder.build());
    }

    private static Member.Builder builder(GitHubJson.User user) {
        String type = text(user.type(), "a user", "a type");
        boolean siteAdmin = GitHubMapping.require(user.siteAdmin(), "a user", "a site_admin");
        return Member.builder()
                .id(text(user.login(), "a user", "a login"))
                .provider(GitHubProviderFactory.ID)
                .serviceAccount(BOT.equalsIgnoreCase(type))
                .attribute(ID, Long.toString(GitHubMapping.require(user.id(), "a user", "an id")))
                .attribute(NODE_ID, user.nodeId())
                .attribute(TYPE, type)
                .attribute(SITE_ADMIN, Boolean.toString(siteAdmin))
                .attribute(HTML_URL, user.htmlUrl())
                .attribute(NAME, user.name())
                .attribute(PUBLIC_EMAIL, user.email());
    }

    private static String text(String value, String in, String what) {
        return GitHubMapping.require(value == null || value.isBlank() ? null : value, in, what);
    }
}
