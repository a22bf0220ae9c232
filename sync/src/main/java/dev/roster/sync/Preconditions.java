package dev.roster.sync;

import java.util.Optional;

/**
 * Whether a step of a saved plan still applies: the vendor must show for the person exactly the
 * invitation the plan saw (same id, status, role and projects), or still none; for a
 * {@link Action#REMOVE_MEMBER remove-member} step, the member the plan saw (same id) must still be there.
 */
final class Preconditions {

    private Preconditions() {}

    /**
     * Why the step is stale.
     *
     * @param change the step
     * @param now the invitation the vendor shows for the person now, if any
     * @param member the member the vendor shows for the address now, if any (read only for member removals)
     * @return empty if the step still applies; otherwise what changed, for people to read
     */
    static Optional<String> staleness(PlanStep change, Optional<SeenInvitation> now, Optional<SeenMember> member) {
        if (change.action() == Action.REMOVE_MEMBER) {
            Optional<SeenMember> then = change.member();
            boolean still = then.isPresent() && member.isPresent() && member.get().id().equals(then.get().id());
            return still ? Optional.empty() : Optional.of("the vendor now shows " + describeMember(member)
                    + " where the plan saw " + describeMember(then) + "; not removed blindly: plan again");
        }
        Optional<SeenInvitation> then = change.seen();
        boolean unchanged = then.isEmpty() ? now.isEmpty() : now.isPresent() && now.get().sameAs(then.get());
        if (unchanged) {
            return Optional.empty();
        }
        return Optional.of("the vendor now shows " + describe(now) + " where the plan saw " + describe(then)
                + "; not applied blindly: plan again");
    }

    private static String describe(Optional<SeenInvitation> invitation) {
        return invitation.map(i -> "invitation " + i.id() + " (" + i.status().name().toLowerCase(java.util.Locale.ROOT)
                + i.role().map(r -> ", role " + r).orElse("") + ")").orElse("no invitation");
    }

    private static String describeMember(Optional<SeenMember> member) {
        return member.map(m -> "member " + m.id()).orElse("no member");
    }
}
