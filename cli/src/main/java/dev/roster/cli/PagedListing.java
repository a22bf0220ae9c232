package dev.roster.cli;

import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderUnavailableException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code roster list} and {@code roster members} share: every chosen vendor's records, fetched page
 * by page and printed as each page arrives. Every vendor's first page comes first, so that a table's
 * columns fit them all; then each vendor in turn. A vendor that fails is reported and the others are
 * still printed.
 */
final class PagedListing {

    /**
     * One page as fetched, and the records of it worth printing.
     *
     * @param fetched how many items the vendor returned (for the progress line)
     * @param records the records kept, in the output's columns
     * @param nextCursor the cursor to the next page, if any
     */
    record Fetched(int fetched, List<Map<String, Object>> records, Optional<String> nextCursor) {
        static <T> Fetched of(Page<T> page, java.util.function.Predicate<T> keep, Function<T, Map<String, Object>> record) {
            return new Fetched(page.items().size(), page.items().stream().filter(keep).map(record).toList(), page.nextCursor());
        }
    }

    /** Fetches one page of one vendor's records. */
    @FunctionalInterface
    interface Source {
        Fetched fetch(PageRequest request);
    }

    private PagedListing() {}

    /**
     * Prints every vendor's records.
     *
     * @param sources each vendor's source, with the page size to ask for, in the order to print them
     * @param pageSizes each vendor's page size
     * @param output where the records go
     * @param progress the progress line
     * @param limit at most this many records in all, or null
     * @param reporter where failures are reported
     * @param what what is being listed, for error lines, such as {@code "list"}
     * @return the exit code: 0, or the worst of the failures
     */
    static int print(Map<String, Source> sources, Map<String, Integer> pageSizes, Output output, Progress progress,
                     Integer limit, Reporter reporter, String what) {
        int code = ExitCodes.OK;
        int shown = 0;
        Map<String, Listing> listings = new LinkedHashMap<>();
        for (Map.Entry<String, Source> source : sources.entrySet()) {
            Listing listing = new Listing(source.getKey(), source.getValue(), pageSizes.get(source.getKey()), progress);
            try {
                listing.next();
                listing.page.forEach(output::measure);
                listings.put(source.getKey(), listing);
            } catch (RuntimeException e) {
                reporter.failure(source.getKey(), what, e);
                code = ExitCodes.worst(code, ExitCodes.of(e));
            }
        }
        for (Listing listing : listings.values()) {
            try {
                while (true) {
                    for (Map<String, Object> record : listing.page) {
                        if (limit != null && shown >= limit) {
                            break;
                        }
                        output.add(record);
                        shown++;
                    }
                    progress.clear();
                    output.flush();
                    if (listing.done() || (limit != null && shown >= limit)) {
                        break;
                    }
                    listing.next();
                }
            } catch (RuntimeException e) {
                output.flush();
                reporter.failure(listing.vendor, what, e);
                code = ExitCodes.worst(code, ExitCodes.of(e));
            }
        }
        return code;
    }

    /** One vendor's records, page by page. */
    private static final class Listing {
        final String vendor;
        final Source source;
        final int pageSize;
        final Progress progress;
        final Set<String> seen = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        boolean started;
        List<Map<String, Object>> page = List.of();

        Listing(String vendor, Source source, int pageSize, Progress progress) {
            this.vendor = vendor;
            this.source = source;
            this.pageSize = pageSize;
            this.progress = progress;
        }

        boolean done() {
            return started && cursor.isEmpty();
        }

        void next() {
            Fetched fetched = source.fetch(cursor.isEmpty() ? PageRequest.first(pageSize) : PageRequest.after(pageSize, cursor.get()));
            started = true;
            progress.done(vendor, fetched.fetched());
            page = fetched.records();
            cursor = fetched.nextCursor();
            if (cursor.isPresent() && !seen.add(cursor.get())) {
                throw new ProviderUnavailableException("The vendor returned the same page cursor twice; stopped listing "
                        + "to avoid a loop.");
            }
        }
    }
}
