package dev.roster.sync;

import dev.roster.Member;
import java.util.Optional;

/**
 * The member a plan saw for a person at a connection, as much of it as the plan's decision rests on.
 * Applying a {@link Action#REMOVE_MEMBER remove-member} step checks that the vendor still shows this
 * member (same id) for the address, and skips the step as stale otherwise.
 *
 * @param id the vendor's user id (what {@code members().remove} takes)
 * @param role the organisation role, where the vendor has roles
 * @param serviceAccount whether the vendor says it is a service account (never pruned)
 */
public record SeenMember(String id, Optional<String> role, boolean serviceAccount) {

    /**
     * Checks that nothing is null.
     *
     * @param id the vendor's user id
     * @param role the organisation role, where the vendor has roles
     * @param serviceAccount whether the vendor says it is a service account
     * @throws dev.roster.InvalidRequestException if a component is null
     */
    public SeenMember {
        Checks.required(id, "SeenMember.id");
        Checks.required(role, "SeenMember.role");
    }

    /**
     * What a plan keeps of a member.
     *
     * @param member the member a provider returned
     * @return its id, role and whether it is a service account
     */
    public static SeenMember of(Member member) {
        return new SeenMember(member.id(), member.role(), member.serviceAccount());
    }
}
