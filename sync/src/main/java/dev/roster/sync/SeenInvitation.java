package dev.roster.sync;

import dev.roster.Invitation;
import dev.roster.InvitationStatus;
import dev.roster.ProjectGrant;
import java.util.List;
import java.util.Optional;

/**
 * The invitation a plan saw for a person at a connection, as much of it as the plan's decision
 * rests on. Applying a saved plan checks that the vendor still shows exactly this (or still nothing),
 * and skips the step as stale otherwise.
 *
 * @param id the vendor's id for it
 * @param status its status
 * @param role its role, where the vendor has roles
 * @param projects its project grants
 */
public record SeenInvitation(String id, InvitationStatus status, Optional<String> role, List<ProjectGrant> projects) {

    /**
     * Checks that nothing is null and copies the projects.
     *
     * @param id the vendor's id for it
     * @param status its status
     * @param role its role, where the vendor has roles
     * @param projects its project grants
     * @throws dev.roster.InvalidRequestException if a component is null
     */
    public SeenInvitation {
        Checks.required(id, "SeenInvitation.id");
        Checks.required(status, "SeenInvitation.status");
        Checks.required(role, "SeenInvitation.role");
        projects = Checks.list(projects, "SeenInvitation.projects");
    }

    /**
     * What a plan keeps of an invitation.
     *
     * @param invitation the invitation a provider returned
     * @return its id, status, role and projects
     */
    public static SeenInvitation of(Invitation invitation) {
        return new SeenInvitation(invitation.id(), invitation.status(), invitation.role(), invitation.projects());
    }

    /** Whether this is the same invitation in the same state, project order aside. */
    boolean sameAs(SeenInvitation other) {
        return id.equals(other.id) && status == other.status && role.equals(other.role)
                && java.util.Set.copyOf(projects).equals(java.util.Set.copyOf(other.projects));
    }
}
