package dev.roster.github;

import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.spi.InputRules;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Roster's cursor over GitHub's lists: which list (invitations: pending, then failed; or members),
 * which page, and the page size the page number counts in ({@code pending:2:30}, {@code members:3:100}). GitHub counts pages by {@code per_page},
 * so a cursor keeps the size it was made with. Opaque to callers; a cursor this adapter did not make
 * is refused before any request.
 *
 * @param list which of GitHub's lists
 * @param page the page, from 1
 * @param perPage the page size, 1 to 100
 */
record GitHubCursor(Lists list, int page, int perPage) {

    /** GitHub's two invitation lists, in the order Roster walks them, and its members list. */
    enum Lists { PENDING, FAILED, MEMBERS }

    private static final Pattern FORMAT = Pattern.compile("(pending|failed):([1-9][0-9]{0,8}):([1-9][0-9]?|100)");
    private static final Pattern MEMBERS_FORMAT = Pattern.compile("(members):([1-9][0-9]{0,8}):([1-9][0-9]?|100)");

    /** The first page of the pending list. */
    static GitHubCursor first(int perPage) {
        return new GitHubCursor(Lists.PENDING, 1, perPage);
    }

    /**
     * Reads a cursor this adapter made for the invitations.
     *
     * @throws InvalidRequestException naming the cursor, if it is not one
     */
    static GitHubCursor parse(String cursor) {
        return parse(cursor, FORMAT);
    }

    /**
     * Reads a cursor this adapter made for the members.
     *
     * @throws InvalidRequestException naming the cursor, if it is not one
     */
    static GitHubCursor parseMembers(String cursor) {
        return parse(cursor, MEMBERS_FORMAT);
    }

    private static GitHubCursor parse(String cursor, Pattern format) {
        Matcher m = format.matcher(cursor == null ? "" : cursor);
        if (!m.matches()) {
            throw new InvalidRequestException("Invalid page cursor " + InputRules.quote(cursor) + " for GitHub: pass the "
                    + "nextCursor of a previous page of this provider unchanged, or no cursor for the first page.",
                    ErrorDetails.of(GitHubProviderFactory.ID), null);
        }
        return new GitHubCursor(Lists.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    GitHubCursor atPage(int newPage) {
        return new GitHubCursor(list, newPage, perPage);
    }

    Optional<GitHubCursor> nextList() {
        return list == Lists.PENDING ? Optional.of(new GitHubCursor(Lists.FAILED, 1, perPage)) : Optional.empty();
    }

    @Override
    public String toString() {
        return list.name().toLowerCase(Locale.ROOT) + ":" + page + ":" + perPage;
    }
}
