package dev.roster;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is known about where a {@link RosterException} came from: the provider, the HTTP status,
 * the vendor's own error code and the vendor's request id (quote it when asking the vendor for
 * support). It never holds a credential.
 *
 * @param providerId the id of the provider that failed, such as {@code "openai"}
 * @param httpStatus the HTTP status the vendor answered with
 * @param vendorCode the vendor's machine-readable error code
 * @param requestId the vendor's id for the failed request
 */
public record ErrorDetails(
        Optional<String> providerId, OptionalInt httpStatus, Optional<String> vendorCode, Optional<String> requestId) {

    private static final ErrorDetails NONE =
            new ErrorDetails(Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());

    /**
     * Takes a null component as empty, so that reporting a failure never fails itself.
     *
     * @param providerId the id of the provider that failed, such as {@code "openai"}
     * @param httpStatus the HTTP status the vendor answered with
     * @param vendorCode the vendor's machine-readable error code
     * @param requestId the vendor's id for the failed request
     */
    public ErrorDetails {
        providerId = providerId == null ? Optional.empty() : providerId;
        httpStatus = httpStatus == null ? OptionalInt.empty() : httpStatus;
        vendorCode = vendorCode == null ? Optional.empty() : vendorCode;
        requestId = requestId == null ? Optional.empty() : requestId;
    }

    /**
     * Details that say nothing, for failures found before any provider was involved.
     *
     * @return empty details
     */
    public static ErrorDetails none() {
        return NONE;
    }

    /**
     * Details naming only the provider.
     *
     * @param providerId the provider's id
     * @return details naming the provider
     */
    public static ErrorDetails of(String providerId) {
        return NONE.withProviderId(providerId);
    }

    /**
     * A copy naming the provider.
     *
     * @param id the provider's id, or null for none
     * @return a copy with the provider id
     */
    public ErrorDetails withProviderId(String id) {
        return new ErrorDetails(Optional.ofNullable(id), httpStatus, vendorCode, requestId);
    }

    /**
     * A copy with the HTTP status.
     *
     * @param status the HTTP status
     * @return a copy with the status
     */
    public ErrorDetails withHttpStatus(int status) {
        return new ErrorDetails(providerId, OptionalInt.of(status), vendorCode, requestId);
    }

    /**
     * A copy with the vendor's error code.
     *
     * @param code the vendor's code, or null for none
     * @return a copy with the code
     */
    public ErrorDetails withVendorCode(String code) {
        return new ErrorDetails(providerId, httpStatus, Optional.ofNullable(code), requestId);
    }

    /**
     * A copy with the vendor's request id.
     *
     * @param id the request id, or null for none
     * @return a copy with the request id
     */
    public ErrorDetails withRequestId(String id) {
        return new ErrorDetails(providerId, httpStatus, vendorCode, Optional.ofNullable(id));
    }

    /** Renders the known parts as {@code [provider=openai, status=409, code=..., requestId=...]}, or "" if none. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        providerId.ifPresent(v -> append(out, "provider", v));
        httpStatus.ifPresent(v -> append(out, "status", Integer.toString(v)));
        vendorCode.ifPresent(v -> append(out, "code", v));
        requestId.ifPresent(v -> append(out, "requestId", v));
        return out.length() == 0 ? "" : "[" + out + "]";
    }

    private static void append(StringBuilder out, String key, String value) {
        if (out.length() > 0) {
            out.append(", ");
        }
        out.append(key).append('=').append(value);
    }
}
