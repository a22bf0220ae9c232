package dev.roster;

import java.util.List;
import java.util.Optional;

/**
 * One page of results. The vendor's pagination scheme stays hidden behind an opaque cursor.
 *
 * <p>A page is what an adapter read from a vendor's answer: one built without its items (or with a
 * null item, or a null cursor {@code Optional}) is refused with a {@link ProviderUnavailableException},
 * as an answer that cannot be read, never taken as an empty page.
 *
 * @param <T> the item type
 * @param items the items of this page, in the vendor's order
 * @param nextCursor the cursor for the next page; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    /**
     * Takes an immutable copy of the items.
     *
     * @param items the items of this page, in the vendor's order
     * @param nextCursor the cursor for the next page; empty on the last page
     * @throws ProviderUnavailableException if a component is null or an item is null, naming which
     */
    public Page {
        items = Checks.list(items, "A page's items", UNREADABLE, Checks.ANSWER);
        Checks.notNull(nextCursor, "A page's nextCursor", "Use Optional.empty() on the last page.", Checks.ANSWER);
    }

    private static final String UNREADABLE = "The adapter built a page from an answer it could not read.";

    /**
     * A page with a following page.
     *
     * @param <T> the item type
     * @param items the items
     * @param nextCursor the cursor for the next page, or null if this is the last page
     * @return the page
     * @throws ProviderUnavailableException if the items are null or hold null
     */
    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, Optional.ofNullable(nextCursor));
    }

    /**
     * The last page.
     *
     * @param <T> the item type
     * @param items the items
     * @return the page
     */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    /**
     * Whether another page follows.
     *
     * @return true if {@link #nextCursor()} is present
     */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
