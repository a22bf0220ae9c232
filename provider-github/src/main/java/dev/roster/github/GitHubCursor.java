package dev.roster.github;

import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.spi.InputRules;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Roster's cursor over GitHub's two lists: which list (pending, then failed), which page, and the
 * page size the page number counts in ({@code pending:2:30}). GitHub counts pages by {@code per_page},
 * so a cursor keeps the size it was made with. Opaque to callers; a cursor this adapter did not make
 * is refused before any request.
 *
 * @param list which of GitHub's lists
 * @param page the page, from 1
 * @param perPage the page size, 1 to 100
 */
record GitHubCursor(Lists list, int page, int perPage) {

    /** GitHub's two invitation lists, in the order Roster walks them. */
    enum Lists { PENDING, FAILED }

    private static final Pattern FORMAT = Pattern.compile("(pending|failed):([1-9][0-9]{0,8}):([1-9][0-9]?|100)");

    /** The first page of the pending list. */
    static GitHubCursor first(int perPage) {
        return new GitHubCursor(Lists.PENDING, 1, perPage);
    }

    /**
     * Reads a cursor this adapter made.
     *
     * @throws InvalidRequestException naming the cursor, if it is not one
     */
    static GitHubCursor parse(String cursor) {
        Matcher m = FORMAT.matcher(cursor == null ? "" : cursor);
        if (!m.matches()) {
            throw new InvalidRequestException("Invalid page cursor " + InputRules.quote(cursor) + " for GitHub: pass the "
                    + "nextCursor of a previous page of this provider unchanged, or no cursor for the first page.",
                    ErrorDetails.of(GitHubProviderFactory.ID), null);
        }
        return new GitHubCursor(m.group(1).equals("pending") ? Lists.PENDING : Lists.FAILED,
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
