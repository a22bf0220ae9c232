package dev.roster;

import dev.roster.internal.RosterExceptionAccess;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every failure Roster reports. It is unchecked: catch the subclass whose situation
 * you can act on, and let the rest travel.
 *
 * <p>The message says what went wrong and what to do about it; {@link #details()} carries the
 * provider id, HTTP status, vendor error code and request id where they are known. Neither ever
 * contains a credential.
 */
public class RosterException extends RuntimeException {

    /** 2: the details travel as plain fields; version 1 lost them on the way. */
    private static final long serialVersionUID = 2L;

    /** Rebuilt from the plain fields below after deserialization: a record of Optionals is not serializable. */
    private transient ErrorDetails details;
    private final String providerId;
    private final Integer httpStatus;
    private final String vendorCode;
    private final String requestId;
    private volatile List<String> attempts = List.of();

    /**
     * A failure with a message and nothing else known.
     *
     * @param message what went wrong and what to do
     */
    public RosterException(String message) {
        this(message, ErrorDetails.none(), null);
    }

    /**
     * A failure with all that is known about it.
     *
     * @param message what went wrong and what to do
     * @param details where it came from; null is taken as {@link ErrorDetails#none()}, so that
     *     reporting a failure never fails itself
     * @param cause the underlying failure, or null
     */
    public RosterException(String message, ErrorDetails details, Throwable cause) {
        super(withDetails(message, details), cause);
        this.details = details == null ? ErrorDetails.none() : details;
        this.providerId = this.details.providerId().orElse(null);
        this.httpStatus = this.details.httpStatus().isPresent() ? this.details.httpStatus().getAsInt() : null;
        this.vendorCode = this.details.vendorCode().orElse(null);
        this.requestId = this.details.requestId().orElse(null);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        details = new ErrorDetails(Optional.ofNullable(providerId),
                httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus),
                Optional.ofNullable(vendorCode), Optional.ofNullable(requestId));
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    private static String withDetails(String message, ErrorDetails details) {
        String suffix = details == null ? "" : details.toString();
        return suffix.isEmpty() ? message : message + " " + suffix;
    }

    /**
     * The message, followed by what each attempt's failure was when core retried before giving up.
     */
    @Override
    public String getMessage() {
        List<String> tried = attempts;
        if (tried.size() < 2) {
            return super.getMessage();
        }
        StringBuilder out = new StringBuilder(super.getMessage()).append(" Gave up after ").append(tried.size())
                .append(" attempts:");
        // A run of identical failures (a long rate limit) is written once: "2-9) HTTP 429 (rate limited)".
        for (int first = 0; first < tried.size(); ) {
            int last = first;
            while (last + 1 < tried.size() && tried.get(last + 1).equals(tried.get(first))) {
                last++;
            }
            out.append(' ').append(first + 1).append(last > first ? "-" + (last + 1) : "").append(") ").append(tried.get(first))
                    .append(last + 1 < tried.size() ? ";" : ".");
            first = last + 1;
        }
        return out.toString();
    }

    /**
     * What each attempt's failure was, oldest first, when core's policy tried the call more than
     * once; empty when it was tried once.
     *
     * @return one short description per failed attempt, such as {@code "HTTP 503"} or
     *     {@code "I/O: connection reset"}
     */
    public List<String> attempts() {
        return attempts;
    }

    static {
        // Core's retry policy, in dev.roster.internal, records the attempts; nobody else can.
        RosterExceptionAccess.register(new AttemptsAccess());
    }

    /** Lets core's policy record the attempts without a public setter (see {@link RosterExceptionAccess}). */
    private static final class AttemptsAccess implements RosterExceptionAccess.Access {
        @Override
        public void recordAttempts(RosterException failure, List<String> history) {
            failure.attempts = List.copyOf(history);
        }
    }

    /**
     * Where the failure came from.
     *
     * @return the details, never null
     */
    public ErrorDetails details() {
        return details;
    }

    /**
     * The id of the provider that failed.
     *
     * @return the provider id, if known
     */
    public Optional<String> providerId() {
        return details.providerId();
    }

    /**
     * The HTTP status the vendor answered with.
     *
     * @return the status, if there was a response
     */
    public OptionalInt httpStatus() {
        return details.httpStatus();
    }

    /**
     * The vendor's machine-readable error code.
     *
     * @return the code, if the vendor gave one
     */
    public Optional<String> vendorCode() {
        return details.vendorCode();
    }

    /**
     * The vendor's id for the failed request; quote it to the vendor's support.
     *
     * @return the request id, if the vendor gave one
     */
    public Optional<String> requestId() {
        return details.requestId();
    }
}
