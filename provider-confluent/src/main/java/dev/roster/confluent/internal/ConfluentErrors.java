package dev.roster.confluent.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.ConflictException;
import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.QuotaExceededException;
import dev.roster.RosterException;
import dev.roster.confluent.ConfluentCloud;
import dev.roster.provider.support.ErrorResponses;
import dev.roster.spi.HttpFailures;
import dev.roster.spi.InputRules;
import dev.roster.spi.Redactor;
import feign.Request;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Confluent's error responses ({@code {"errors":[{id,status,code,title,detail,source}]}})
 * into {@link RosterException}s: the status decides the type through {@link HttpFailures}, the
 * body refines it (quota codes, the kinds of conflict, an accepted invitation that cannot be
 * deleted), and every exception carries the {@code X-Request-Id} and Confluent's own words.
 * Nothing of the request's headers is ever quoted. A redirect (3xx) is a
 * {@code ProviderConfigurationException}: the client follows none, so the credentials never reach
 * another host.
 */
final class ConfluentErrors implements ErrorDecoder {

    private static final Pattern ALREADY_MEMBER = Pattern.compile(
            "already (exists|a member|a user) in (the|this|your) organi[sz]ation|already a member|user already exists");
    private static final Pattern ALREADY_INVITED = Pattern.compile(
            "already (been )?invited|invitation .*already (exists|pending|sent)|pending invitation|already has an? (pending |open )?invitation");
    private static final Pattern ACCEPTED = Pattern.compile("accepted");
    private static final Pattern QUOTA = Pattern.compile("quota");
    private static final Pattern INVITATION_PATH = Pattern.compile(".*/iam/v2/invitations/([^/]+)");

    private final ObjectMapper json;
    private final Clock clock;
    private final Redactor redactor;

    /**
     * A decoder.
     *
     * @param json reads Confluent's error bodies
     * @param clock for {@code Retry-After} dates
     * @param redactor removes the credentials from everything Confluent (or a proxy) sends back:
     *     bodies and headers are redacted before anything is read from them
     */
    ConfluentErrors(ObjectMapper json, Clock clock, Redactor redactor) {
        this.json = json;
        this.clock = clock;
        this.redactor = redactor;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        String body = ErrorResponses.body(response, redactor);
        Optional<Wire.Error> error = firstError(body);
        String requestId = header(response, "X-Request-Id").orElseGet(() -> error.map(Wire.Error::id).orElse(null));
        ErrorDetails details = ErrorDetails.of(ConfluentCloud.ID)
                .withVendorCode(error.map(Wire.Error::code).orElse(null))
                .withRequestId(requestId)
                .withHttpStatus(status);
        String said = error.map(ConfluentErrors::describe)
                .orElseGet(() -> "a body that is not Confluent's error format: " + HttpFailures.snippet(body));
        String message = "Confluent Cloud answered HTTP " + status + " to " + ErrorResponses.describe(response.request()) + ": " + said;
        String searchable = error.map(e -> String.join(" ", nonNull(e.code()), nonNull(e.title()), nonNull(e.detail())))
                .orElse(body).toLowerCase(Locale.ROOT);

        if (status >= 300 && status <= 399) {
            // The HTTP client follows no redirect: the Basic credentials must never travel to another host.
            return HttpFailures.redirected(status, header(response, "Location"), ConfluentCloud.DISPLAY_NAME, details);
        }
        if (status == 404 && error.isEmpty()) {
            return HttpFailures.notFoundElsewhere(message, details);
        }
        if (isDelete(response.request()) && (status == 400 || status == 409 || status == 422)
                && ACCEPTED.matcher(searchable).find()) {
            return new ConflictException(ConflictException.Reason.ACCEPTED_CANNOT_BE_REVOKED, message
                    + " The invitation was already accepted, so it cannot be revoked: remove the user from the "
                    + "organization instead (Cloud Console: Accounts & access, or DELETE /iam/v2/users/{user.id}).",
                    details, null);
        }
        if (status == 409) {
            return conflict(searchable, message, details, conflictingInvitation(response));
        }
        if (status == 402 || (status >= 400 && status < 500 && status != 429 && QUOTA.matcher(searchable).find())) {
            return new QuotaExceededException(message + " The organization has reached a Confluent Cloud quota "
                    + "(such as invitations_per_org or users per organization): remove unused invitations or users, "
                    + "or ask Confluent to raise the quota.", details, null);
        }
        Optional<Duration> retryAfter = Optional.empty();
        String hint = "";
        switch (status) {
            case 401:
                hint = " Use a Cloud API key (not a cluster or Schema Registry key) as CONFLUENT_CLOUD_API_KEY and its "
                        + "secret as CONFLUENT_CLOUD_API_SECRET.";
                break;
            case 403:
                hint = " Invitations need a Cloud API key owned by a user or service account with the "
                        + "OrganizationAdmin role.";
                break;
            case 429:
                retryAfter = HttpFailures.parseRetryAfter(header(response, "Retry-After").orElse(null), clock)
                        .or(() -> HttpFailures.parseRetryAfter(header(response, "X-RateLimit-Reset").orElse(null), clock));
                break;
            case 503:
                // Core waits this out before retrying, as it does a 429's.
                retryAfter = HttpFailures.parseRetryAfter(header(response, "Retry-After").orElse(null), clock);
                break;
            default:
                break;
        }
        return HttpFailures.forStatus(status, message + hint, details, retryAfter);
    }

    /**
     * The invitation a 409 to a create names in its {@code Location}, which the spec declares on that
     * answer as the "Resource URI of conflicting resource". Confluent's docs do not say what it holds
     * for an address that already has a pending invitation; the simulator sends that invitation's
     * URI. Read strictly: only an absolute URI whose path ends in {@code /iam/v2/invitations/{id}},
     * with an id fit for a request path, counts; anything else (another resource, such as the user
     * of an existing member, or a malformed value) names nothing, and core scans by email instead.
     */
    private Optional<String> conflictingInvitation(Response response) {
        Request request = response.request();
        if (request == null || request.httpMethod() != Request.HttpMethod.POST) {
            return Optional.empty();
        }
        return header(response, "Location").flatMap(ConfluentErrors::invitationIdIn);
    }

    static Optional<String> invitationIdIn(String location) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
        String path = uri.getRawPath();
        if (!uri.isAbsolute() || path == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        Matcher invitation = INVITATION_PATH.matcher(path);
        if (!invitation.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InputRules.invitationId(invitation.group(1)));
        } catch (InvalidRequestException unfit) {
            return Optional.empty();
        }
    }

    private static ConflictException conflict(String searchable, String message, ErrorDetails details, Optional<String> named) {
        if (ALREADY_MEMBER.matcher(searchable).find()) {
            return new ConflictException(ConflictException.Reason.ALREADY_MEMBER, message
                    + " The person is already a user in this Confluent Cloud organization, so there is nobody to invite; "
                    + "give them access with role bindings.", details, null);
        }
        if (ALREADY_INVITED.matcher(searchable).find()) {
            return new ConflictException(ConflictException.Reason.ALREADY_INVITED, message
                    + " The address already has a pending invitation; look it up with findByEmail.", details, null,
                    named.orElse(null));
        }
        return new ConflictException(ConflictException.Reason.OTHER, message, details, null, named.orElse(null));
    }

    private Optional<Wire.Error> firstError(String body) {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try {
            Wire.Failure failure = json.readValue(body, Wire.Failure.class);
            return failure == null || failure.errors() == null ? Optional.empty()
                    : failure.errors().stream().filter(e -> e != null).findFirst();
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** Confluent's title and detail, made safe for a message: short, no control characters. */
    private static String describe(Wire.Error error) {
        String title = nonNull(error.title()).strip();
        String detail = nonNull(error.detail()).strip();
        String text;
        if (title.isEmpty() && detail.isEmpty()) {
            text = "(no detail given)";
        } else if (title.isEmpty() || detail.isEmpty() || detail.equalsIgnoreCase(title)) {
            text = title.isEmpty() ? detail : title;
        } else {
            text = title + ": " + detail;
        }
        String code = error.code() == null || error.code().isBlank() ? "" : " [" + error.code().strip() + "]";
        String source = "";
        if (error.source() != null && error.source().parameter() != null) {
            source = " (query parameter " + error.source().parameter() + ")";
        } else if (error.source() != null && error.source().pointer() != null) {
            source = " (at " + error.source().pointer() + ")";
        }
        String snippet = HttpFailures.snippet(text + code + source);
        return snippet.endsWith(".") ? snippet : snippet + ".";
    }

    private static boolean isDelete(Request request) {
        return request != null && request.httpMethod() == Request.HttpMethod.DELETE;
    }

    private Optional<String> header(Response response, String name) {
        return ErrorResponses.header(response, name, redactor);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
