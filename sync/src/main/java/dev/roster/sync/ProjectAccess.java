package dev.roster.sync;

import dev.roster.ProjectGrant;

/**
 * A project (vendor sub-scope) a person should be invited into, as the desired state says it.
 * Unlike {@link ProjectGrant}, it is not checked when built: {@link RosterSync#problems} reports
 * every bad value at once, with its path ({@code ...projects[0].id}, {@code ...projects[0].role}).
 *
 * @param id the vendor's project id, such as {@code proj_abc}; may be null or blank, which is
 *     reported as a problem
 * @param role the role in that project, one of the provider's project roles; may be null or blank,
 *     which is reported as a problem
 */
public record ProjectAccess(String id, String role) {

    /**
     * Shorthand for the constructor.
     *
     * @param id the vendor's project id
     * @param role the role in that project
     * @return the project access
     */
    public static ProjectAccess of(String id, String role) {
        return new ProjectAccess(id, role);
    }

    ProjectGrant toGrant() {
        return ProjectGrant.of(id, role);
    }
}
