package dev.roster;

/**
 * Membership of a vendor sub-scope (an OpenAI project, for example) granted with an invitation,
 * effective once the person accepts it.
 *
 * @param projectId the vendor's id of the project
 * @param role the role in that project, one of the provider's
 *     {@link Capabilities#projectRoles() project roles}
 */
public record ProjectGrant(String projectId, String role) {

    // Compact constructor: Checks that both parts are present. throws InvalidRequestException if either part is null or blank
    public ProjectGrant {
        if (projectId == null || projectId.isBlank()) {
            throw new InvalidRequestException("A project grant needs a project id; got " + quote(projectId) + ".");
        }
        if (role == null || role.isBlank()) {
            throw new InvalidRequestException(
                    "The grant for project '" + projectId + "' needs a role (for OpenAI: member or owner).");
        }
    }

    private static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
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
