package dev.roster.testkit.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * The user JSON {@link GitHubSimulator} answers with, as GitHub's description requires it: a
 * {@code simple-user} (an invitation's inviter, a listed member) and an {@code org-membership}.
 * Members' addresses are never shown: {@code email} is left out, as GitHub leaves it for members who
 * keep theirs private.
 */
final class GitHubUserJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GitHubUserJson() {}

    /** A {@code simple-user} with every field GitHub's description requires. */
    static ObjectNode simpleUser(URI root, long id, String login, String type) {
        String user = root + "/users/" + login;
        return JSON.createObjectNode()
                .put("login", login)
                .put("id", id)
                .put("node_id", "U_simulated" + id)
                .put("avatar_url", root + "/avatars/" + login + ".png")
                .put("gravatar_id", "")
                .put("url", user)
                .put("html_url", root + "/" + login)
                .put("followers_url", user + "/followers")
                .put("following_url", user + "/following{/other_user}")
                .put("gists_url", user + "/gists{/gist_id}")
                .put("starred_url", user + "/starred{/owner}{/repo}")
                .put("subscriptions_url", user + "/subscriptions")
                .put("organizations_url", user + "/orgs")
                .put("repos_url", user + "/repos")
                .put("events_url", user + "/events{/privacy}")
                .put("received_events_url", user + "/received_events")
                .put("type", type)
                .put("site_admin", false);
    }

    /**
     * An {@code org-membership}: {@code active} for a member, {@code pending} for an invitee.
     *
     * @param user the member's or invitee's {@code simple-user}
     */
    static ObjectNode membership(URI root, String org, String login, String state, String role, ObjectNode user) {
        ObjectNode json = JSON.createObjectNode()
                .put("url", root + "/orgs/" + org + "/memberships/" + login)
                .put("state", state)
                .put("role", role)
                .put("organization_url", root + "/orgs/" + org)
                .put("direct_membership", true);
        json.putObject("organization")
                .put("login", org)
                .put("id", 1)
                .put("node_id", "O_simulated1")
                .put("url", root + "/orgs/" + org)
                .put("repos_url", root + "/orgs/" + org + "/repos")
                .put("events_url", root + "/orgs/" + org + "/events")
                .put("hooks_url", root + "/orgs/" + org + "/hooks")
                .put("issues_url", root + "/orgs/" + org + "/issues")
                .put("members_url", root + "/orgs/" + org + "/members{/member}")
                .put("public_members_url", root + "/orgs/" + org + "/public_members{/member}")
                .put("avatar_url", root + "/avatars/" + org + ".png")
                .putNull("description");
        json.set("user", user);
        return json;
    }
}
