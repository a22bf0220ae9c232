package dev.roster.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.AuthenticationException;
import dev.roster.ConflictException;
import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.PermissionDeniedException;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.QuotaExceededException;
import dev.roster.RateLimitedException;
import dev.roster.RosterException;
import dev.roster.provider.support.ErrorResponses;
import dev.roster.spi.HttpFailures;
import dev.roster.spi.Redactor;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * GitHub's error table: what an answer other than the documented success means, as a
 * {@link RosterException} carrying GitHub's {@code x-github-request-id}, its message and, for a
 * {@code validation-error}, the field and code.
 *
 * <table>
 *   <caption>GitHub's answers and what they become</caption>
 *   <tr><th>GitHub</th><th>Roster</th></tr>
 *   <tr><td>403 or 429 with {@code x-ratelimit-remaining: 0} (primary rate limit)</td>
 *       <td>{@link RateLimitedException}, waiting {@code retry-after} if given, else until {@code x-ratelimit-reset}
 *       (epoch seconds) by the injected clock</td></tr>
 *   <tr><td>403 or 429 with {@code retry-after}, or saying "secondary rate limit" (secondary limits)</td>
 *       <td>{@link RateLimitedException}, waiting {@code retry-after}, else the minute GitHub asks for</td></tr>
 *   <tr><td>422 "Over invitation rate limit"</td><td>{@link QuotaExceededException} naming the 50/500 per 24 hours quota</td></tr>
 *   <tr><td>422 "already a part of this organization"</td><td>{@link ConflictException} {@code ALREADY_MEMBER}</td></tr>
 *   <tr><td>422 saying already invited or pending</td><td>{@link ConflictException} {@code ALREADY_INVITED}</td></tr>
 *   <tr><td>other 422 ({@code validation-error})</td><td>{@link InvalidRequestException} naming each field and code</td></tr>
 *   <tr><td>401</td><td>{@link AuthenticationException} naming {@value ProviderConfig#GITHUB_TOKEN}</td></tr>
 *   <tr><td>other 403</td><td>{@link PermissionDeniedException}: the token's scope or the user's role (for a
 *       membership removal, also GitHub's refusal to remove the last owner)</td></tr>
 *   <tr><td>404 to a list or a create</td><td>{@link ProviderConfigurationException}: the organization is not there
 *       for this token</td></tr>
 *   <tr><td>404 to a cancellation, a membership look-up or removal</td><td>{@link dev.roster.NotFoundException}, which
 *       the adapter answers as empty or false</td></tr>
 *   <tr><td>3xx</td><td>{@link ProviderConfigurationException}: no redirect is followed</td></tr>
 *   <tr><td>anything else</td><td>{@link HttpFailures#forStatus} (5xx and unknown statuses: an unknown outcome)</td></tr>
 * </table>
 */
final class GitHubErrors implements ErrorDecoder {

    /** What GitHub asks a client to wait after a secondary rate limit that names no time. */
    static final Duration SECONDARY_LIMIT_WAIT = Duration.ofMinutes(1);

    /** Which call failed. */
    enum Operation {
        LIST("a list of invitations", false), CREATE("an invitation request", false),
        CANCEL("an invitation cancellation", false), MEMBERS("a list of members", true),
        MEMBERSHIP("a membership look-up", true), REMOVE_MEMBERSHIP("a membership removal", true);

        final String description;
        /** Whether it is about members, whose 403 and 404 read differently. */
        final boolean members;

        Operation(String description, boolean members) {
            this.description = description;
            this.members = members;
        }

        /** Whether a 404 means the user has no membership rather than an organization this token cannot see. */
        boolean notFoundIsAnAnswer() {
            return this == CANCEL || this == MEMBERSHIP || this == REMOVE_MEMBERSHIP;
        }
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final String org;
    private final Redactor redactor;

    GitHubErrors(ObjectMapper json, Clock clock, String org, Redactor redactor) {
        this.json = json;
        this.clock = clock;
        this.org = org;
        this.redactor = redactor;
    }

    /** Feign's error decoding for the calls it decodes itself (create, cancel, a membership's read and removal): body and headers redacted first. */
    @Override
    public Exception decode(String methodKey, Response response) {
        String key = methodKey == null ? "" : methodKey;
        Operation operation = key.contains("#cancel(") ? Operation.CANCEL
                : key.contains("#create(") ? Operation.CREATE
                : key.contains("#membership(") ? Operation.MEMBERSHIP
                : key.contains("#removeMembership(") ? Operation.REMOVE_MEMBERSHIP : Operation.LIST;
        return decode(operation, response);
    }

    /** The exception for a raw answer that is not a success, its body and headers redacted first. */
    RosterException decode(Operation operation, Response response) {
        return decode(operation, response.status(), name -> ErrorResponses.header(response, name, redactor),
                ErrorResponses.body(response, redactor));
    }

    /**
     * The exception for an answer that is not the operation's success.
     *
     * @param operation which call
     * @param status the HTTP status
     * @param header looks a response header up by name, case-insensitively (values already redacted)
     * @param body the response body, already redacted
     * @return the exception to throw
     */
    RosterException decode(Operation operation, int status, Function<String, Optional<String>> header, String body) {
        Optional<GitHubJson.Error> error = parse(body);
        String message = error.map(GitHubJson.Error::message).filter(m -> !m.isBlank()).orElse(null);
        List<GitHubJson.ErrorItem> items = error.map(GitHubJson.Error::errors).orElse(List.of()).stream()
                .filter(java.util.Objects::nonNull).toList();
        ErrorDetails details = ErrorDetails.of(GitHubProviderFactory.ID).withHttpStatus(status)
                .withVendorCode(items.stream().map(GitHubJson.ErrorItem::code).filter(c -> c != null && !c.isBlank())
                        .findFirst().orElse(null))
                .withRequestId(header.apply("x-github-request-id").orElse(null));
        String said = "GitHub answered HTTP " + status + " to " + operation.description
                + (message != null ? ": " + sentence(message + describe(items)) : " with a body that is not its JSON error format: "
                        + HttpFailures.snippet(body) + ".");

        if (status >= 300 && status <= 399) {
            return HttpFailures.redirected(status, header.apply("Location"), "GitHub", details);
        }
        if (status == 404 && message == null) {
            return HttpFailures.notFoundElsewhere(said, details);
        }
        if (status == 403 || status == 429) {
            Optional<RateLimitedException> limited = rateLimited(said, message, header, details);
            if (limited.isPresent()) {
                return limited.get();
            }
        }
        if (status == 422 && operation == Operation.CREATE) {
            String evidence = (message + " " + items.stream().map(i -> i.message() + " " + i.code()).toList())
                    .toLowerCase(Locale.ROOT);
            if (evidence.contains("over invitation rate limit")) {
                return new QuotaExceededException("GitHub's invitation quota for " + org + " is used up: an organization may "
                        + "send 50 invitations per 24 hours (500 once it is older than a month or on a paid plan). Invite the "
                        + "rest after the 24 hours, or ask GitHub Support to raise the quota. " + said, details, null);
            }
            if (evidence.contains("already a part of this organization") || evidence.contains("already a member")) {
                return new ConflictException(ConflictException.Reason.ALREADY_MEMBER, "The person is already a member of "
                        + "the GitHub organization " + org + ", so there is nobody to invite. " + said, details, null);
            }
            if (evidence.contains("already invited") || evidence.contains("already been invited")
                    || evidence.contains("pending invitation")) {
                return new ConflictException(ConflictException.Reason.ALREADY_INVITED, "The email already has a pending "
                        + "invitation to " + org + ". " + said, details, null);
            }
        }
        if (status == 401) {
            return new AuthenticationException(said + " Check " + ProviderConfig.GITHUB_TOKEN + ": GitHub did not accept the "
                    + "token (expired, revoked or mistyped).", details, null);
        }
        if (status == 403) {
            return new PermissionDeniedException(said + " The token may not manage " + (operation.members ? "members" : "invitations")
                    + " of " + org + ": it needs the admin:org scope (classic token) or the organization's Members permission "
                    + "set to write (fine-grained token), and its user must be an owner of the organization"
                    + (operation == Operation.REMOVE_MEMBERSHIP ? " (GitHub also refuses to remove the organization's last "
                            + "owner: make another member an owner first)" : "") + ".", details, null);
        }
        if (status == 404 && !operation.notFoundIsAnAnswer()) {
            return new ProviderConfigurationException(said + " GitHub shows no organization " + org + " to this token: check "
                    + ProviderConfig.GITHUB_ORG + " (or the property " + GitHubProviderFactory.ORG_PROPERTY + ") and that "
                    + "the token belongs to one of its owners.", details, null);
        }
        return HttpFailures.forStatus(status, said, details, retryAfter(header));
    }

    /** GitHub's rate limits on a 403 or 429; empty when the answer is a plain refusal. */
    private Optional<RateLimitedException> rateLimited(String said, String message, Function<String, Optional<String>> header,
            ErrorDetails details) {
        Optional<Duration> retryAfter = retryAfter(header);
        boolean exhausted = header.apply("x-ratelimit-remaining").map(String::strip).filter("0"::equals).isPresent();
        if (exhausted) {
            Optional<Duration> wait = retryAfter.isPresent() ? retryAfter : untilReset(header.apply("x-ratelimit-reset"));
            return Optional.of(new RateLimitedException("GitHub's rate limit for this token is used up" + waitText(wait)
                    + ". " + said, wait, details, null));
        }
        boolean secondary = message != null && message.toLowerCase(Locale.ROOT).contains("secondary rate limit");
        if (retryAfter.isPresent() || secondary) {
            Optional<Duration> wait = retryAfter.isPresent() ? retryAfter : Optional.of(SECONDARY_LIMIT_WAIT);
            return Optional.of(new RateLimitedException("GitHub's secondary rate limit: too many requests, or too many "
                    + "invitations, in a short time" + waitText(wait) + ". " + said, wait, details, null));
        }
        return Optional.empty();
    }

    /** The wait until {@code x-ratelimit-reset}, epoch seconds, by this adapter's clock; never negative. */
    private Optional<Duration> untilReset(Optional<String> reset) {
        try {
            return reset.map(String::strip).map(Long::parseLong).map(Instant::ofEpochSecond)
                    .map(at -> Duration.between(clock.instant(), at))
                    .map(wait -> wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException | java.time.DateTimeException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<Duration> retryAfter(Function<String, Optional<String>> header) {
        return HttpFailures.parseRetryAfter(header.apply("retry-after").orElse(null), clock);
    }

    private static String waitText(Optional<Duration> wait) {
        return wait.map(d -> "; it asks to wait " + d.toMillis() + " ms").orElse("");
    }

    /** Each validation error as " (field email: invalid)", so the message names what was wrong; empty without any. */
    private static String describe(List<GitHubJson.ErrorItem> items) {
        List<String> parts = new ArrayList<>();
        for (GitHubJson.ErrorItem item : items) {
            StringBuilder part = new StringBuilder();
            if (item.field() != null) {
                part.append("field ").append(item.field());
            }
            if (item.code() != null) {
                part.append(part.length() == 0 ? "" : ": ").append(item.code());
            }
            if (item.message() != null) {
                part.append(part.length() == 0 ? "" : ", ").append(item.message());
            }
            if (part.length() > 0) {
                parts.add(part.toString());
            }
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    /** The text ended with a full stop, unless GitHub's own message already ends a sentence. */
    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
    }

    private Optional<GitHubJson.Error> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(body, GitHubJson.Error.class));
        } catch (IOException | RuntimeException notGitHubJson) {
            return Optional.empty();
        }
    }
}
