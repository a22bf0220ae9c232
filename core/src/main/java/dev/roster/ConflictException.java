package dev.roster;

import java.util.Optional;

/**
 * The request clashes with the vendor's current state (HTTP 409, or the vendor's equivalent).
 * {@link #reason()} says which clash it is, so a caller can act on it without parsing messages.
 */
public class ConflictException extends RosterException {

    private static final long serialVersionUID = 1L;

    /** The kinds of clash a vendor reports. */
    public enum Reason {
        /** The email already has a pending invitation. Core's policy answers this with that invitation. */
        ALREADY_INVITED,
        /** The person is already a member of the organisation: there is nobody to invite. */
        ALREADY_MEMBER,
        /** The invitation was accepted, so it cannot be revoked: remove the member from the organisation instead. */
        ACCEPTED_CANNOT_BE_REVOKED,
        /** A conflict the vendor did not explain further. */
        OTHER
    }

    private final Reason reason;
    private final String invitationId;

    /**
     * A conflict of the given kind.
     *
     * @param reason which clash it is; null is taken as {@link Reason#OTHER}, so that reporting a
     *     failure never fails itself
     * @param message what went wrong and what to do
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public ConflictException(Reason reason, String message, ErrorDetails details, Throwable cause) {
        this(reason, message, details, cause, null);
    }

    /**
     * A conflict of the given kind whose answer named the invitation in the way, as Confluent's 409
     * does in its {@code Location} header.
     *
     * @param reason which clash it is; null is taken as {@link Reason#OTHER}
     * @param message what went wrong and what to do
     * @param details where it came from
     * @param cause the underlying failure, or null
     * @param invitationId the id of the invitation the vendor named, already checked by the adapter
     *     to be an id it can look up; null if the answer named none
     */
    public ConflictException(Reason reason, String message, ErrorDetails details, Throwable cause, String invitationId) {
        super(message, details, cause);
        this.reason = reason == null ? Reason.OTHER : reason;
        this.invitationId = invitationId;
    }

    /**
     * A conflict of the given kind with a message only.
     *
     * @param reason which clash it is
     * @param message what went wrong and what to do
     */
    public ConflictException(Reason reason, String message) {
        this(reason, message, ErrorDetails.none(), null);
    }

    /**
     * Which clash this is.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The invitation the vendor named as the one in the way, when its answer named one. Core's
     * idempotent invite looks it up with {@code find} (one request) before scanning with
     * {@code findByEmail}, and uses it only if it is pending and for the address invited.
     *
     * @return the vendor's id for the conflicting invitation, or empty
     */
    public Optional<String> invitationId() {
        return Optional.ofNullable(invitationId);
    }
}
