package dev.roster.sync;

import java.util.Optional;

/**
 * One step of a {@link Plan}: what to do for one person at one connection, and why.
 *
 * @param connection the connection's name
 * @param email the person's address (as the state gives it; for a revoke or a member removal, as the
 *     vendor has it)
 * @param action what to do
 * @param seen the invitation the plan saw for the person there, if any: the step's precondition
 * @param member the member the plan saw for the address there, if the connection's members were read
 *     and one has it: the precondition of a {@link Action#REMOVE_MEMBER remove-member} step
 * @param wanted what the invitation should carry (the connection's defaults with the person's
 *     overrides), for people in the state; empty for a revoke or a member removal
 * @param note why nothing is done, or what else to know, for people to read
 */
public record PlanStep(String connection, String email, Action action, Optional<SeenInvitation> seen,
                       Optional<SeenMember> member, Optional<Access> wanted, Optional<String> note) {

    /**
     * Checks that nothing is null.
     *
     * @param connection the connection's name
     * @param email the person's address
     * @param action what to do
     * @param seen the invitation the plan saw, if any
     * @param member the member the plan saw, if any
     * @param wanted what the invitation should carry, for people in the state
     * @param note why nothing is done, or what else to know
     * @throws dev.roster.InvalidRequestException if a component is null
     */
    public PlanStep {
        Checks.required(connection, "PlanStep.connection");
        Checks.required(email, "PlanStep.email");
        Checks.required(action, "PlanStep.action");
        Checks.required(seen, "PlanStep.seen");
        Checks.required(member, "PlanStep.member");
        Checks.required(wanted, "PlanStep.wanted");
        Checks.required(note, "PlanStep.note");
    }
}
