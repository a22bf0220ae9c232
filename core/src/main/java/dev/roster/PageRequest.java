package dev.roster;

import dev.roster.spi.InputRules;
import java.util.Optional;

/**
 * Which page to fetch: how many items at most, and the cursor of the previous page.
 *
 * <p>A size above the provider's {@link Capabilities#maxPageSize()} is lowered to it by core's
 * policy: the page then holds fewer items than asked and a cursor to the rest.
 *
 * <p>The constructor checks structure only (a size of at least 1, a cursor that is not blank), since
 * core also builds requests from the cursors vendors return, and passes those back as given. A
 * caller's cursor is checked by the caller-input rules of {@link InputRules#cursor(String)}: in
 * {@link #after(int, String)}, and by core's policy in {@link InvitationProvider#list}.
 *
 * @param size the most items the page may hold, at least 1
 * @param cursor the {@link Page#nextCursor()} of the previous page; empty for the first page
 */
public record PageRequest(int size, Optional<String> cursor) {

    /**
     * Checks the size and the cursor's structure.
     *
     * @param size the most items the page may hold, at least 1
     * @param cursor the {@link Page#nextCursor()} of the previous page; empty for the first page
     * @throws InvalidRequestException if the size is below 1, or the cursor is null or blank
     */
    public PageRequest {
        if (size < 1) {
            throw new InvalidRequestException("The page size must be at least 1; got " + size + ".");
        }
        if (cursor == null) {
            throw new InvalidRequestException("The page cursor is required; got null. Pass Optional.empty() for the first "
                    + "page, or use PageRequest.first(size) and PageRequest.after(size, page.nextCursor()).");
        }
        if (cursor.isPresent() && cursor.get().isBlank()) {
            throw new InvalidRequestException("Invalid page cursor " + InputRules.quote(cursor.get())
                    + ": pass the nextCursor of a previous page unchanged, or no cursor for the first page.");
        }
    }

    /**
     * The first page.
     *
     * @param size the most items the page may hold
     * @return the request
     */
    public static PageRequest first(int size) {
        return new PageRequest(size, Optional.empty());
    }

    /**
     * The page after the one that returned {@code cursor}.
     *
     * @param size the most items the page may hold
     * @param cursor the previous page's {@link Page#nextCursor()}
     * @return the request
     * @throws InvalidRequestException if the cursor is not one {@link InputRules#cursor(String)} accepts
     */
    public static PageRequest after(int size, String cursor) {
        return new PageRequest(size, Optional.of(InputRules.cursor(cursor)));
    }

    /**
     * The same request with another size, keeping the cursor.
     *
     * @param newSize the most items the page may hold
     * @return the request
     */
    public PageRequest withSize(int newSize) {
        return new PageRequest(newSize, cursor);
    }
}
