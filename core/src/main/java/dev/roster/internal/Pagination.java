package dev.roster.internal;

import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.RosterException;
import dev.roster.ErrorDetails;
import dev.roster.ProviderUnavailableException;
import dev.roster.spi.InputRules;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Turns page-by-page listing into a lazy stream. */
public final class Pagination {

    private Pagination() {}

    /**
     * A stream that requests a page only when the previous one is used up, and stops at the first
     * page without a cursor.
     *
     * @param <T> the item type
     * @param fetch fetches one page
     * @param pageSize the size of every page requested
     * @param providerId for error messages
     * @return the lazy stream
     */
    public static <T> Stream<T> stream(Function<PageRequest, Page<T>> fetch, int pageSize, String providerId) {
        Iterator<T> pages = new PageIterator<>(fetch, pageSize, providerId);
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static final class PageIterator<T> implements Iterator<T> {
        private final Function<PageRequest, Page<T>> fetch;
        private final int pageSize;
        private final String providerId;
        private final Set<String> seenCursors = new HashSet<>();
        private Iterator<T> current;
        private Optional<String> nextCursor = Optional.empty();
        private boolean started;

        PageIterator(Function<PageRequest, Page<T>> fetch, int pageSize, String providerId) {
            this.fetch = fetch;
            this.pageSize = pageSize;
            this.providerId = providerId;
        }

        @Override
        public boolean hasNext() {
            // A page may be empty yet have a cursor (some vendors do this), so keep going until
            // there are items or no cursor.
            while (current == null || !current.hasNext()) {
                if (started && nextCursor.isEmpty()) {
                    return false;
                }
                // The vendor's cursor goes back as given: the caller-input rules of PageRequest.after are not its judge.
                PageRequest request = started ? new PageRequest(pageSize, nextCursor) : PageRequest.first(pageSize);
                started = true;
                Page<T> page = fetch.apply(request);
                if (page == null) {
                    throw new ProviderUnavailableException("The " + providerId + " provider returned no page (null) from list; "
                            + "this is a bug in the adapter: report it with this message.", ErrorDetails.of(providerId), null);
                }
                nextCursor = page.nextCursor();
                if (nextCursor.isPresent()) {
                    requireUsable(nextCursor.get());
                }
                if (nextCursor.isPresent() && !seenCursors.add(nextCursor.get())) {
                    throw new RosterException("The " + providerId + " provider returned the page cursor "
                            + InputRules.quote(nextCursor.get()) + " twice, so listing would never end; stopped. This is a bug "
                            + "in the adapter (or the vendor): report it with this message.", ErrorDetails.of(providerId), null);
                }
                current = page.items().iterator();
            }
            return true;
        }

        /** A cursor that cannot even be sent back (blank, or longer than any vendor's) is the vendor's fault, not the caller's. */
        private void requireUsable(String cursor) {
            if (cursor.isBlank() || cursor.length() > InputRules.MAX_CURSOR_LENGTH) {
                throw new ProviderUnavailableException("The " + providerId + " provider (the vendor, or its adapter) returned "
                        + "an unusable page cursor " + InputRules.quote(cursor) + " (" + (cursor.isBlank() ? "blank"
                        : cursor.length() + " characters, more than " + InputRules.MAX_CURSOR_LENGTH) + "), so the next page "
                        + "cannot be asked for. Nothing is wrong with your request; try again later, and report it if it "
                        + "persists.", ErrorDetails.of(providerId), null);
            }
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
