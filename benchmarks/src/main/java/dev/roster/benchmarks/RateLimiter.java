package dev.roster.benchmarks;

import java.util.Locale;

/**
 * A token bucket on the monotonic clock: {@code ratePerSecond} tokens a second, at most {@code burst}
 * saved up. A request that finds no token is refused and told how long until the next one.
 */
final class RateLimiter {

    private final long nanosPerToken;
    private final long capacityNanos;
    /** The instant (System.nanoTime) at which the bucket is empty again; tokens = (now - emptyAt) / nanosPerToken. */
    private long emptyAt;

    private RateLimiter(long nanosPerToken, int burst) {
        this.nanosPerToken = nanosPerToken;
        this.capacityNanos = nanosPerToken * burst;
        this.emptyAt = System.nanoTime() - capacityNanos;
    }

    /**
     * The limiter a tenant name asks for: {@code none}, {@code bursty} (200/s, burst 200) or
     * {@code strict} (200/s, no burst: one request every 5 ms); {@code shut} lets one request through
     * and then one an hour, for tests that need a refusal whatever the machine's speed.
     */
    static RateLimiter named(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "none":
                return null;
            case "bursty":
                return new RateLimiter(5_000_000L, 200);
            case "strict":
                return new RateLimiter(5_000_000L, 1);
            case "shut":
                return new RateLimiter(3_600_000_000_000L, 1);
            default:
                throw new IllegalArgumentException("unknown limiter " + name + ": none, bursty, strict or shut");
        }
    }

    /** Takes a token: 0 when granted, else the nanoseconds until one is available. */
    synchronized long tryAcquire() {
        long now = System.nanoTime();
        if (now - emptyAt > capacityNanos) {
            emptyAt = now - capacityNanos;
        }
        long next = emptyAt + nanosPerToken;
        if (next <= now) {
            emptyAt = next;
            return 0;
        }
        return next - now;
    }
}
