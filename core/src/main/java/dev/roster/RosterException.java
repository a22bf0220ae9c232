package dev.roster;

import java.util.Objects;
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

    private static final long serialVersionUID = 1L;

    private final transient ErrorDetails details;

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
     * @param details where it came from
     * @param cause the underlying failure, or null
     */
    public RosterException(String message, ErrorDetails details, Throwable cause) {
        super(withDetails(message, details), cause);
        this.details = Objects.requireNonNull(details, "details");
    }

    private static String withDetails(String message, ErrorDetails details) {
        String suffix = details == null ? "" : details.toString();
        return suffix.isEmpty() ? message : message + " " + suffix;
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
