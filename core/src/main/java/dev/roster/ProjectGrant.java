package dev.roster;

import dev.roster.spi.InputRules;

/**
 * Membership of a vendor sub-scope (an OpenAI project, for example) granted with an invitation,
 * effective once the person accepts it.
 *
 * @param projectId the vendor's id of the project, checked by {@link InputRules#projectId(String)}
 * @param role the role in that project, one of the provider's
 *     {@link Capabilities#projectRoles() project roles}
 */
public record ProjectGrant(String projectId, String role) {

    /**
     * Checks both parts.
     *
     * @param projectId the vendor's id of the project, checked by {@link InputRules#projectId(String)}
     * @param role the role in that project, one of the provider's {@link Capabilities#projectRoles() project roles}
     * @throws InvalidRequestException if the project id is not one {@link InputRules#projectId(String)} accepts, or the role is null or blank
     */
    public ProjectGrant {
        InputRules.projectId(projectId);
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
