package dev.roster.testkit.openapi;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * Counts the exchanges that were not checked against a vendor's contract because no specs folder is
 * set ({@link VendorSpecs}), so that a test run can say once, at its end, how many went unchecked
 * ({@link SpecCheckSummary}). Each recorded request counts once, however often it is looked at
 * (a simulator's journal is read after each test, before each reset and when it stops). Thread-safe.
 */
final class UncheckedExchanges {

    /** The JVM's count, which the validations add to and {@link SpecCheckSummary} reports. */
    static final UncheckedExchanges JVM = new UncheckedExchanges();

    /** Requests counted, by identity of the journal entry; weak, so a discarded journal is forgotten. */
    private final Map<LoggedRequest, Boolean> seen = new WeakHashMap<>();
    private final Set<String> files = new TreeSet<>();
    private long count;

    /** What went unchecked since the last {@link #take()}. */
    record Summary(long exchanges, Set<String> specFiles) {}

    /**
     * Counts one exchange as unchecked, unless it was counted already.
     *
     * @param request the journal entry of the exchange
     * @param specFile the contract it would have been checked against
     */
    synchronized void record(LoggedRequest request, String specFile) {
        files.add(specFile);
        if (seen.put(request, Boolean.TRUE) == null) {
            count++;
        }
    }

    /**
     * What went unchecked since the last call, and starts counting again.
     *
     * @return the summary; empty if nothing went unchecked
     */
    synchronized Optional<Summary> take() {
        if (count == 0) {
            files.clear();
            return Optional.empty();
        }
        Summary summary = new Summary(count, Collections.unmodifiableSet(new TreeSet<>(files)));
        count = 0;
        files.clear();
        return Optional.of(summary);
    }
}
