package dev.roster.github;

import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.InvitationStatus;
import dev.roster.ProjectGrant;
import dev.roster.ProviderUnavailableException;
import dev.roster.provider.support.Rfc3339;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns GitHub's invitation JSON into Roster's model, reading it strictly against GitHub's
 * description and keeping everything GitHub said.
 *
 * <p><b>Strict.</b> An invitation needs its {@code id}, {@code role} and {@code created_at} (an
 * ISO 8601 time); a list is a JSON array of invitations; a {@code Link} header, when there is one,
 * is a list of {@code <url>; rel="..."} entries whose {@code rel="next"}, if any, names a later page.
 * Anything else is an answer Roster cannot trust: a {@link ProviderUnavailableException}, an unknown
 * outcome that core retries and, after an invite or revoke, looks up.
 *
 * <p><b>A different lifecycle, mapped honestly.</b> Pending invitations are {@code PENDING}, with an
 * expiry 7 days after their creation (GitHub's documented validity). A failed invitation whose
 * {@code failed_reason} says it expired is {@code EXPIRED}; another failure is {@code UNKNOWN}.
 * Either way {@code failed_reason} and {@code failed_at} are kept in the attributes, as are
 * {@code team_count}, {@code login} and {@code invitation_source}. Accepted invitations leave
 * GitHub's lists, so Roster never reports one (the capabilities say so): no status is invented.
 * Invitations GitHub sent to a login rather than an email ({@code email} null) are not Roster's:
 * it keys people by email, so lists leave them out.
 */
final class GitHubMapping {

    /** How long GitHub keeps an invitation open. */
    static final Duration VALIDITY = Duration.ofDays(7);

    static final String FAILED_REASON = "failed_reason";
    static final String FAILED_AT = "failed_at";
    static final String TEAM_COUNT = "team_count";
    static final String LOGIN = "login";
    static final String SOURCE = "invitation_source";

    private static final Pattern LINK = Pattern.compile("\\s*<([^>]*)>\\s*((?:;\\s*[^;,]*)*)\\s*");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

    private GitHubMapping() {}

    /**
     * One listed invitation, or empty for one sent to a login rather than an email.
     *
     * @param json the item
     * @param list which list it came from
     */
    static Optional<Invitation> listed(GitHubJson.Invitation json, GitHubCursor.Lists list) {
        GitHubJson.Invitation read = require(json, "a list of invitations", "an invitation (it sent null)");
        if (read.email() == null || read.email().isBlank()) {
            require(read.id(), "an invitation", "an id");
            return Optional.empty();
        }
        return Optional.of(invitation(read, list, List.of()));
    }

    /**
     * The invitation a create answered with. It names how many teams the invitation joins, not
     * which; when that number is the number asked for, GitHub took the teams asked for.
     */
    static Invitation created(GitHubJson.Invitation json, List<ProjectGrant> requested) {
        GitHubJson.Invitation read = require(json, "a new invitation", "a body");
        requireText(read.email(), "a new invitation", "an email");
        boolean teamsTaken = read.teamCount() != null && read.teamCount() == requested.size();
        return invitation(read, GitHubCursor.Lists.PENDING, teamsTaken ? requested : List.of());
    }

    private static Invitation invitation(GitHubJson.Invitation read, GitHubCursor.Lists list, List<ProjectGrant> projects) {
        long id = require(read.id(), "an invitation", "an id");
        Instant created = time(requireText(read.createdAt(), "an invitation", "a created_at"), "created_at");
        Invitation.Builder builder = Invitation.builder()
                .id(Long.toString(id))
                .email(read.email())
                .role(requireText(read.role(), "an invitation", "a role"))
                .createdAt(created)
                .projects(projects)
                .provider(GitHubProviderFactory.ID);
        if (list == GitHubCursor.Lists.PENDING) {
            builder.status(InvitationStatus.PENDING).expiresAt(created.plus(VALIDITY));
        } else {
            boolean expired = read.failedReason() != null && read.failedReason().toLowerCase(Locale.ROOT).contains("expired");
            builder.status(expired ? InvitationStatus.EXPIRED : InvitationStatus.UNKNOWN);
            if (expired) {
                optionalTime(read.failedAt()).ifPresent(builder::expiresAt);
            }
        }
        text(read.failedReason()).ifPresent(value -> builder.attribute(FAILED_REASON, value));
        text(read.failedAt()).ifPresent(value -> builder.attribute(FAILED_AT, value));
        text(read.login()).ifPresent(value -> builder.attribute(LOGIN, value));
        text(read.invitationSource()).ifPresent(value -> builder.attribute(SOURCE, value));
        if (read.teamCount() != null) {
            builder.attribute(TEAM_COUNT, Integer.toString(read.teamCount()));
        }
        return builder.build();
    }

    /**
     * The page {@code rel="next"} of a {@code Link} header points at, if it has one.
     *
     * @param link the header, or null when GitHub sent none (a single page)
     * @param current the page just read, which the next must follow
     * @throws ProviderUnavailableException if the header is not a list of links, or its next page is
     *     missing, not a number or not after the current one
     */
    static OptionalInt nextPage(String link, int current) {
        if (link == null || link.isBlank()) {
            return OptionalInt.empty();
        }
        Integer next = null;
        for (String entry : link.split(",(?=\\s*<)")) {
            Matcher m = LINK.matcher(entry);
            if (!m.matches()) {
                throw unreadable("a Link header that is not a list of <url>; rel=\"...\" entries");
            }
            Matcher rel = REL.matcher(m.group(2));
            boolean isNext = false;
            while (rel.find()) {
                for (String name : rel.group(1).strip().split("\\s+")) {
                    isNext |= name.equalsIgnoreCase("next");
                }
            }
            if (isNext) {
                if (next != null) {
                    throw unreadable("a Link header with two rel=\"next\" links");
                }
                next = pageOf(m.group(1));
            }
        }
        if (next == null) {
            return OptionalInt.empty();
        }
        if (next <= current) {
            throw unreadable("a Link header whose next page (" + next + ") does not follow page " + current);
        }
        return OptionalInt.of(next);
    }

    private static int pageOf(String url) {
        String query;
        try {
            query = new URI(url).getRawQuery();
        } catch (URISyntaxException e) {
            throw unreadable("a Link header whose next link is not a URL");
        }
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("page=") && pair.substring(5).matches("[1-9][0-9]{0,8}")) {
                    return Integer.parseInt(pair.substring(5));
                }
            }
        }
        throw unreadable("a Link header whose next link names no page number");
    }

    private static Instant time(String value, String field) {
        try {
            return Rfc3339.parse(value);
        } catch (DateTimeParseException e) {
            throw unreadable("an invitation whose " + field + " is not an ISO 8601 time");
        }
    }

    private static Optional<Instant> optionalTime(String value) {
        try {
            return text(value).map(Rfc3339::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty(); // kept as text in the attributes
        }
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String requireText(String value, String in, String what) {
        return require(value == null || value.isBlank() ? null : value, in, what);
    }

    /** The one place an answer is found unreadable: a value the description requires is missing or null. */
    static <T> T require(T value, String in, String what) {
        if (value == null) {
            throw unreadable(in + " without " + what + ", which its API description requires");
        }
        return value;
    }

    static ProviderUnavailableException unreadable(String what) {
        return new ProviderUnavailableException("GitHub answered with " + what + ", so Roster cannot trust the answer "
                + "(an empty, truncated or foreign body, or an error sent as a success). This is a fault on GitHub's side "
                + "or in a proxy between; try again later (core does, after checking whether an invite or revoke took "
                + "effect).", ErrorDetails.of(GitHubProviderFactory.ID), null);
    }
}
