package dev.roster.testkit.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A simulator's rate limiter, on the monotonic clock: a sliding one-second window ({@link #window},
 * what {@link VendorSimulator#rateLimit(int)} has always been), or a strict token bucket with no
 * burst ({@link #strict}: one request every {@code 1 / perSecond}, the harshest limiter a vendor
 * may run). Each verdict also says where the client stands, for the vendor's rate-limit headers.
 * Thread-safe.
 */
final class SimulatedRateLimit {

    /**
     * What the limiter said about one request.
     *
     * @param refusedFor empty when the request may pass, else how long until one would
     * @param limit the requests the limit allows in its period (the window's size, or the bucket's: 1)
     * @param remaining what is left after this request
     * @param resetIn how long until the limit is back to its initial state
     */
    record Verdict(Optional<Duration> refusedFor, long limit, long remaining, Duration resetIn) {}

    private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

    private final int perSecond;
    private final boolean strict;
    private final Deque<Long> recent = new ArrayDeque<>();
    /** Strict: the instant the next request may pass. */
    private long nextFree;

    private SimulatedRateLimit(int perSecond, boolean strict) {
        this.perSecond = perSecond;
        this.strict = strict;
        this.nextFree = System.nanoTime();
    }

    static SimulatedRateLimit window(int perSecond) {
        return new SimulatedRateLimit(perSecond, false);
    }

    static SimulatedRateLimit strict(int perSecond) {
        return new SimulatedRateLimit(perSecond, true);
    }

    synchronized Verdict admit() {
        long now = System.nanoTime();
        if (strict) {
            long spacing = WINDOW_NANOS / perSecond;
            if (now - nextFree < 0) {
                Duration wait = Duration.ofNanos(nextFree - now);
                return new Verdict(Optional.of(wait), 1, 0, wait);
            }
            nextFree = now + spacing;
            return new Verdict(Optional.empty(), 1, 0, Duration.ofNanos(spacing));
        }
        while (!recent.isEmpty() && now - recent.peekFirst() >= WINDOW_NANOS) {
            recent.removeFirst();
        }
        if (recent.size() < perSecond) {
            recent.addLast(now);
            // The window is back to its initial state once the newest request in it has left.
            return new Verdict(Optional.empty(), perSecond, perSecond - recent.size(), Duration.ofNanos(WINDOW_NANOS));
        }
        Duration wait = Duration.ofNanos(WINDOW_NANOS - (now - recent.peekFirst()));
        return new Verdict(Optional.of(wait), perSecond, 0, Duration.ofNanos(WINDOW_NANOS - (now - recent.peekLast())));
    }
}
