package dev.roster;

import dev.roster.spi.InputRules;

/**
 * Membership of a vendor sub-scope (an OpenAI project, for example) granted with an invitation,
 * effective once the person accepts it.
 *
 * <p>Adapters build grants from what a vendor answered, so the constructor checks only structure
 * (both parts present and not blank) and keeps the vendor's id as given, spaces and all. The
 * caller-input rules of {@link InputRules#projectId(String)} apply where a caller's grants enter:
 * {@link InvitationRequest.Builder#project}, {@link InvitationRequest.Builder#projects} and the
 * {@link InvitationRequest} constructor.
 *
 * @param projectId the vendor's id of the project, not blank
 * @param role the role in that project, one of the provider's
 *     {@link Capabilities#projectRoles() project roles}
 */
public record ProjectGrant(String projectId, String role) {

    /**
     * Checks that both parts are present and not blank.
     *
     * @param projectId the vendor's id of the project, not blank
     * @param role the role in that project, one of the provider's {@link Capabilities#projectRoles() project roles}
     * @throws InvalidRequestException if the project id or the role is null or blank, naming which
     */
    public ProjectGrant {
        if (projectId == null || projectId.isBlank()) {
            throw new InvalidRequestException("A project grant needs a project id; got " + InputRules.quote(projectId) + ".");
        }
        if (role == null || role.isBlank()) {
            throw new InvalidRequestException("The grant for project " + InputRules.quote(projectId)
                    + " needs a role (for OpenAI: member or owner).");
        }
    }

    /**
     * Shorthand for the constructor.
     *
     * @param projectId the vendor's id of the project
     * @param role the role in that project
     * @return the grant
     */
    public static ProjectGrant of(String projectId, String role) {
        return new ProjectGrant(projectId, role);
    }
}
