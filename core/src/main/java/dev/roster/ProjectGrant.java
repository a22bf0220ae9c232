package dev.roster;

import dev.roster.spi.InputRules;

/**
 * Membership of a vendor sub-scope (an OpenAI project, for example) granted with an invitation,
 * effective once the person accepts it.
 *
 * <p>A grant checks only its structure: both parts present and not blank. The rules for what a
 * caller may send ({@link InputRules#projectId(String)}) are applied where callers send it, in
 * {@link InvitationRequest}; a grant an adapter reads from the vendor's answer keeps the vendor's
 * id as given.
 *
 * @param projectId the vendor's id of the project, not blank
 * @param role the role in that project, one of the provider's
 *     {@link Capabilities#projectRoles() project roles}
 */
public record ProjectGrant(String projectId, String role) {

    /**
     * Checks that both parts are there.
     *
     * @param projectId the vendor's id of the project, not blank
     * @param role the role in that project, one of the provider's {@link Capabilities#projectRoles() project roles}
     * @throws InvalidRequestException if the project id or the role is null or blank
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
