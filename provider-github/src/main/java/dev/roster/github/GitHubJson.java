package dev.roster.github;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * GitHub's wire format for organization invitations and memberships, as its REST API description names the fields.
 * Every field may be absent (Jackson leaves it null) and unknown fields are ignored;
 * {@link GitHubMapping} decides what absence means.
 */
final class GitHubJson {

    private GitHubJson() {}

    /** An {@code organization-invitation}; ids are numbers, times ISO 8601 text. */
    record Invitation(
            Long id,
            String login,
            String email,
            String role,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("failed_at") String failedAt,
            @JsonProperty("failed_reason") String failedReason,
            @JsonProperty("team_count") Integer teamCount,
            @JsonProperty("invitation_source") String invitationSource,
            @JsonProperty("node_id") String nodeId) {}

    /** The create request: by email, with a role and the teams to join (left out when none). */
    record CreateRequest(
            String email,
            String role,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("team_ids") List<Long> teamIds) {}

    /** GitHub's error bodies: {@code basic-error} and {@code validation-error} in one shape. */
    record Error(String message, @JsonProperty("documentation_url") String documentationUrl, List<ErrorItem> errors) {}

    /** One item of a {@code validation-error}. */
    record ErrorItem(String resource, String field, String code, String message) {}

    /** A {@code simple-user}: a member as the members list names it. */
    record User(
            String login,
            Long id,
            @JsonProperty("node_id") String nodeId,
            String type,
            @JsonProperty("site_admin") Boolean siteAdmin,
            @JsonProperty("html_url") String htmlUrl,
            String name,
            String email) {}

    /** An {@code org-membership}: a user's state and role in the organization. */
    record Membership(
            String state,
            String role,
            @JsonProperty("direct_membership") Boolean directMembership,
            User user) {}
}
