package dev.roster.sync;

import java.util.List;

/**
 * How many steps of each kind a plan has.
 *
 * @param toInvite steps that invite
 * @param toReinvite steps that invite again after an expiry
 * @param toReplace steps that revoke a pending invitation and invite anew
 * @param toRevoke steps that revoke a pending invitation (pruning)
 * @param toRemove steps that remove a member (pruning members)
 * @param unchanged steps that do nothing
 */
public record PlanSummary(int toInvite, int toReinvite, int toReplace, int toRevoke, int toRemove, int unchanged) {

    /**
     * Counts the steps.
     *
     * @param steps the plan's steps
     * @return the counts
     */
    public static PlanSummary of(List<PlanStep> steps) {
        int[] counts = new int[Action.values().length];
        steps.forEach(step -> counts[step.action().ordinal()]++);
        return new PlanSummary(counts[Action.INVITE.ordinal()], counts[Action.REINVITE.ordinal()],
                counts[Action.REPLACE.ordinal()], counts[Action.REVOKE.ordinal()], counts[Action.REMOVE_MEMBER.ordinal()],
                counts[Action.UNCHANGED.ordinal()]);
    }

    /**
     * How many steps change something at a vendor.
     *
     * @return everything but the unchanged steps
     */
    public int changes() {
        return toInvite + toReinvite + toReplace + toRevoke + toRemove;
    }

    /**
     * The summary line: {@code Plan: 3 to invite, 1 to re-invite, 1 to replace, 2 to revoke, 40 unchanged.},
     * with {@code 1 member to remove} before the unchanged count when members are pruned, or
     * {@code No changes: 40 unchanged.} when there is nothing to do.
     *
     * @return the line
     */
    public String describe() {
        if (changes() == 0) {
            return "No changes: " + unchanged + " unchanged.";
        }
        return "Plan: " + toInvite + " to invite, " + toReinvite + " to re-invite, " + toReplace + " to replace, "
                + toRevoke + " to revoke, " + (toRemove == 0 ? "" : toRemove + (toRemove == 1 ? " member" : " members")
                + " to remove, ") + unchanged + " unchanged.";
    }
}
