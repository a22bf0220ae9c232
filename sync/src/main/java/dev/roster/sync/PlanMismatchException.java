package dev.roster.sync;

import dev.roster.InvalidRequestException;

/**
 * A saved plan that does not belong to the desired state or the connections it is applied with (it
 * was made for another file, another version of it, or other vendors), or that this version of
 * Roster cannot read. Nothing was applied: plan again.
 */
public class PlanMismatchException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal with its reason.
     *
     * @param message why the plan was refused and what to do
     */
    public PlanMismatchException(String message) {
        super(message);
    }
}
