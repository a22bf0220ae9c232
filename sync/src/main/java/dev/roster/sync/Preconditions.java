package dev.roster.sync;

import java.util.Optional;

/**
 * Whether a step of a saved plan still applies: the vendor must show for the person exactly the
 * invitation the plan saw (same id, status, role and projects), or still none.
 */
final class Preconditions {

    private Preconditions() {}

    /**
     * Why the step is stale.
     *
     * @param change the step
     * @param now the invitation the vendor shows for the person now, if any
     * @return empty if the step still applies; otherwise what changed, for people to read
     */
    static Optional<String> staleness(PlanStep change, Optional<SeenInvitation> now) {
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
}
