package dev.roster;

/**
 * Where an invitation is in its life, in terms every vendor can be mapped onto.
 *
 * <p>Vendors add states over time (Confluent declares its enums extensible): adapters map a value
 * they do not know to {@link #UNKNOWN} and keep the raw value in {@link Invitation#attributes()},
 * never failing on it.
 */
public enum InvitationStatus {
    /** Sent (or staged) and waiting for the person to accept it. */
    PENDING,
    /** The person accepted it and is now a member of the organisation. */
    ACCEPTED,
    /** It was not accepted in time. */
    EXPIRED,
    /** An administrator withdrew it before it was accepted. */
    REVOKED,
    /** The vendor reported a state Roster does not know; see the invitation's attributes. */
    UNKNOWN
}
