package dev.roster.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * How one step of a plan ended: a line of the outcome table, and of the journal. It holds no
 * credential: messages come from Roster's exceptions, which never carry one.
 *
 * @param time when the step ended
 * @param connection the connection's name
 * @param email the person's address
 * @param action what the step was to do
 * @param outcome how it ended
 * @param invitationId the invitation it created or revoked (for a replace: the new one), if any
 * @param requestId the vendor's id of the request that failed, to quote to its support, if it gave one
 * @param message why it was skipped or failed, or what else to know
 */
public record StepResult(Instant time, String connection, String email, Action action, Outcome outcome,
                         Optional<String> invitationId, Optional<String> requestId, Optional<String> message) {

    /**
     * Checks that nothing is null.
     *
     * @param time when the step ended
     * @param connection the connection's name
     * @param email the person's address
     * @param action what the step was to do
     * @param outcome how it ended
     * @param invitationId the invitation it created or revoked, if any
     * @param requestId the vendor's id of the request that failed, if it gave one
     * @param message why it was skipped or failed, or what else to know
     * @throws dev.roster.InvalidRequestException if a component is null
     */
    public StepResult {
        Checks.required(time, "StepResult.time");
        Checks.required(connection, "StepResult.connection");
        Checks.required(email, "StepResult.email");
        Checks.required(action, "StepResult.action");
        Checks.required(outcome, "StepResult.outcome");
        Checks.required(invitationId, "StepResult.invitationId");
        Checks.required(requestId, "StepResult.requestId");
        Checks.required(message, "StepResult.message");
    }
}
