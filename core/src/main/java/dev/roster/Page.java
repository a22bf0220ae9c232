package dev.roster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of results. The vendor's pagination scheme stays hidden behind an opaque cursor.
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
     * @throws NullPointerException if a component is null
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /**
     * A page with a following page.
     *
     * @param <T> the item type
     * @param items the items
     * @param nextCursor the cursor for the next page, or null if this is the last page
     * @return the page
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
