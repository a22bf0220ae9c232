package dev.roster.spi;

import dev.roster.AuthenticationException;
import dev.roster.ConflictException;
import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.NotFoundException;
import dev.roster.PermissionDeniedException;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderUnavailableException;
import dev.roster.QuotaExceededException;
import dev.roster.RateLimitedException;
import dev.roster.RosterException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Maps an HTTP failure onto the {@link RosterException} hierarchy the same way for every adapter,
 * so an adapter's error decoder only has to read its vendor's body format.
 */
public final class HttpFailures {

    private static final int SNIPPET_LENGTH = 200;

    private static final String NOT_FOLLOWED = "Roster follows no redirect, so that credentials never travel to another "
            + "host: set the base URI to the API endpoint itself (check for a typo, http instead of https, or a proxy "
            + "that redirects).";

    private HttpFailures() {}

    /**
     * The exception for an HTTP error status: a 3xx redirect a configuration error (Roster follows
     * no redirect; see {@link #redirected}), 400 and 422 invalid request, 401 authentication, 402
     * quota, 403 permission, 404 not found, 409 conflict (reason {@link ConflictException.Reason#OTHER};
     * adapters that can tell the reason construct the conflict themselves), 429 rate limited, any other
     * 4xx the root {@link RosterException} (a refusal: the vendor did not act). Everything else (5xx,
     * and statuses HTTP defines for no error, such as 1xx or 999) is
     * {@link ProviderUnavailableException}: the vendor may have acted, so the outcome is unknown, and
     * core looks it up and retries.
     *
     * @param status the HTTP status
     * @param message what the vendor said, already made safe to show (no credentials)
     * @param details the provider, status, vendor code and request id
     * @param retryAfter the wait the vendor asked for, if any
     * @return the exception to throw
     */
    public static RosterException forStatus(int status, String message, ErrorDetails details, Optional<Duration> retryAfter) {
        AdapterArguments.required(details, "details", "HttpFailures.forStatus");
        AdapterArguments.required(retryAfter, "retryAfter", "HttpFailures.forStatus");
        ErrorDetails withStatus = details.withHttpStatus(status);
        if (status >= 300 && status <= 399) {
            return new ProviderConfigurationException(message + " " + NOT_FOLLOWED, withStatus, null);
        }
        switch (status) {
            case 400:
            case 422:
                return new InvalidRequestException(message, withStatus, null);
            case 401:
                return new AuthenticationException(message + " Check the credentials: the vendor did not accept them.", withStatus, null);
            case 402:
                return new QuotaExceededException(message, withStatus, null);
            case 403:
                return new PermissionDeniedException(message + " The credentials may not manage invitations.", withStatus, null);
            case 404:
                return new NotFoundException(message, withStatus, null);
            case 409:
                return new ConflictException(ConflictException.Reason.OTHER, message, withStatus, null);
            case 429:
                return new RateLimitedException(message + retryAfter.map(d -> " Retry after " + d.toMillis() + " ms.").orElse(""),
                        retryAfter, withStatus, null);
            default:
                if (status >= 400 && status <= 499) {
                    // A refusal: the vendor did not act, and the same request would be refused again.
                    return new RosterException(message, withStatus, null);
                }
                // 5xx, and any status HTTP does not define for an error (1xx, 2xx, beyond 599): the vendor may
                // have acted, so the outcome is unknown; core looks it up and retries.
                return new ProviderUnavailableException(message + (status >= 500 && status <= 599
                        ? " The vendor failed on its side; try again later."
                        : " HTTP " + status + " is not an answer Roster knows, so whether the vendor acted is unknown; "
                                + "try again later (core does, after checking whether an invite or revoke took effect)."),
                        retryAfter, withStatus, null);
        }
    }

    /**
     * The exception for a 404 whose body is not in the vendor's own error format: a
     * {@link ProviderUnavailableException}, an unknown outcome, never a {@link NotFoundException}. A vendor
     * says "no such invitation" in its error format; a 404 in another (an HTML page, an empty body) may
     * come from a proxy, a gateway or a wrong base URI instead, and says nothing about the invitation.
     * Read as "not found", it would make {@code find} answer empty and {@code revoke} false for an
     * invitation that may well stand. Core retries it, and reports it if it persists.
     *
     * @param message what came back, already made safe to show (no credentials)
     * @param details the provider, status, vendor code and request id
     * @return the exception to throw
     */
    public static ProviderUnavailableException notFoundElsewhere(String message, ErrorDetails details) {
        AdapterArguments.required(message, "message", "HttpFailures.notFoundElsewhere");
        AdapterArguments.required(details, "details", "HttpFailures.notFoundElsewhere");
        return new ProviderUnavailableException(message + " A 404 that is not in the vendor's error format may come from a "
                + "proxy, a gateway or a wrong base URI rather than from the vendor, so it does not show that anything is "
                + "gone: check the base URI and any proxy in between.", Optional.empty(), details.withHttpStatus(404), null);
    }

    /**
     * If an I/O failure is a host name that could not be resolved, says so in words: the HTTP client
     * reports it only as a {@code ConnectException} caused by an
     * {@link java.nio.channels.UnresolvedAddressException} (or an {@link java.net.UnknownHostException}),
     * without naming the host.
     *
     * @param failure what the HTTP client threw, searched with its causes
     * @param target the URI the request was for, whose host is named
     * @return such as "could not resolve api.openai.com, the host of the base URI https://api.openai.com/v1:
     *     check the host name for a typo, and this machine's DNS, network and proxy settings"; empty
     *     if the failure is not a name that did not resolve
     */
    public static Optional<String> unresolvedHost(Throwable failure, URI target) {
        AdapterArguments.required(failure, "failure", "HttpFailures.unresolvedHost");
        AdapterArguments.required(target, "target", "HttpFailures.unresolvedHost");
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof java.nio.channels.UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
                String host = target.getHost() == null ? "the vendor's host" : target.getHost();
                return Optional.of("could not resolve " + host + ", the host of the base URI " + target + ": check the host "
                        + "name for a typo, and this machine's DNS, network and proxy settings");
            }
        }
        return Optional.empty();
    }

    /**
     * The exception for a redirect (HTTP 3xx). Adapters' HTTP clients follow no redirect, because a
     * redirect could carry the credentials to another host, and a 3xx from an API endpoint means the
     * base URI is not the endpoint itself (a typo, {@code http} where the vendor wants {@code https},
     * or a proxy or login page in between): a {@link ProviderConfigurationException}, not retried,
     * naming where the redirect pointed (scheme, host, port and path only: user info, query and
     * fragment are left out, as they may hold tokens).
     *
     * @param status the HTTP status, 300 to 399
     * @param location the {@code Location} header, if any
     * @param vendorName the vendor's name for the message, such as {@code "OpenAI"}
     * @param details the provider, request id and so on
     * @return the exception to throw
     */
    public static ProviderConfigurationException redirected(int status, Optional<String> location, String vendorName,
            ErrorDetails details) {
        AdapterArguments.required(location, "location", "HttpFailures.redirected");
        AdapterArguments.required(vendorName, "vendorName", "HttpFailures.redirected");
        AdapterArguments.required(details, "details", "HttpFailures.redirected");
        String target = location.map(HttpFailures::safeLocation).map(where -> " to " + where).orElse(" without a Location");
        return new ProviderConfigurationException(vendorName + " answered HTTP " + status + ", a redirect" + target + ". "
                + NOT_FOLLOWED, details.withHttpStatus(status), null);
    }

    /** A redirect target for a message: scheme, host, port and path, quoted; never user info, query or fragment. */
    private static String safeLocation(String location) {
        try {
            URI uri = new URI(location.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme() + "://";
            String host = uri.getHost() == null ? "" : uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return InputRules.quote(scheme + host + path);
        } catch (URISyntaxException unreadable) {
            return "an unreadable location";
        }
    }

    /**
     * Reads a {@code Retry-After} header: delay-seconds or an HTTP-date.
     *
     * @param value the header's value, or null
     * @param clock the clock an HTTP-date is measured against
     * @return the wait (never negative), or empty if absent or unreadable
     */
    public static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        AdapterArguments.required(clock, "clock", "HttpFailures.parseRetryAfter");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /**
     * Reads a header holding a wait in milliseconds, such as OpenAI's {@code retry-after-ms}.
     *
     * @param value the header's value, or null
     * @return the wait, or empty if absent or unreadable
     */
    public static Optional<Duration> parseMillis(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            double millis = Double.parseDouble(value.strip());
            return millis < 0 || Double.isNaN(millis) || Double.isInfinite(millis)
                    ? Optional.empty() : Optional.of(Duration.ofNanos((long) (millis * 1_000_000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The start of a response body for an error message, for bodies that are not the vendor's
     * error format: at most 200 characters, control characters replaced.
     *
     * @param body the body, or null
     * @return the snippet, or {@code "(empty body)"}
     */
    public static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String cut = body.length() > SNIPPET_LENGTH ? body.substring(0, SNIPPET_LENGTH) + "…" : body;
        return cut.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
