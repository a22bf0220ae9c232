package dev.roster.benchmarks;

import java.util.Locale;

/**
 * A token bucket on the monotonic clock: {@code ratePerSecond} tokens a second, at most {@code burst}
 * saved up. A request that finds no token is refused and told how long until the next one. Each
 * verdict also says what OpenAI's {@code x-ratelimit-*-requests} headers would: the bucket's size, the
 * tokens left, and the time until it is full again; whether the server sends them is the limiter's
 * {@link #sendsHeaders()}.
 */
final class RateLimiter {

    /**
     * What the limiter said about one request.
     *
     * @param waitNanos 0 when granted, else the nanoseconds until a token is available
     * @param limit the bucket's size
     * @param remaining the tokens left after this request
     * @param resetNanos the nanoseconds until the bucket is full again
     */
    record Verdict(long waitNanos, long limit, long remaining, long resetNanos) {}

    private final long nanosPerToken;
    private final int burst;
    private final long capacityNanos;
    private final boolean sendsHeaders;
    /** The instant (System.nanoTime) at which the bucket is empty again; tokens = (now - emptyAt) / nanosPerToken. */
    private long emptyAt;

    private RateLimiter(long nanosPerToken, int burst, boolean sendsHeaders) {
        this.nanosPerToken = nanosPerToken;
        this.burst = burst;
        this.capacityNanos = nanosPerToken * burst;
        this.sendsHeaders = sendsHeaders;
        this.emptyAt = System.nanoTime() - capacityNanos;
    }

    /**
     * The limiter a tenant name asks for: {@code none}, {@code bursty} (200/s, burst 200) or
     * {@code strict} (200/s, no burst: one request every 5 ms), each answering with OpenAI's rate-limit
     * headers, or {@code burstybare} / {@code strictbare}, the same without them (only 429 with its
     * waits); {@code shut} lets one request through and then one an hour, for tests that need a
     * refusal whatever the machine's speed.
     */
    static RateLimiter named(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "none":
                return null;
            case "bursty":
                return new RateLimiter(5_000_000L, 200, true);
            case "burstybare":
                return new RateLimiter(5_000_000L, 200, false);
            case "strict":
                return new RateLimiter(5_000_000L, 1, true);
            case "strictbare":
                return new RateLimiter(5_000_000L, 1, false);
            case "shut":
                return new RateLimiter(3_600_000_000_000L, 1, false);
            default:
                throw new IllegalArgumentException("unknown limiter " + name
                        + ": none, bursty, burstybare, strict, strictbare or shut");
        }
    }

    /** Whether answers carry OpenAI's {@code x-ratelimit-*-requests} headers. */
    boolean sendsHeaders() {
        return sendsHeaders;
    }

    /** Takes a token if there is one, and says where the bucket stands. */
    synchronized Verdict tryAcquire() {
        long now = System.nanoTime();
        if (now - emptyAt > capacityNanos) {
            emptyAt = now - capacityNanos;
        }
        long next = emptyAt + nanosPerToken;
        long wait = 0;
        if (next <= now) {
            emptyAt = next;
        } else {
            wait = next - now;
        }
        long saved = now - emptyAt;
        return new Verdict(wait, burst, saved / nanosPerToken, capacityNanos - saved);
    }

    /**
     * A duration as OpenAI writes {@code x-ratelimit-reset-requests}, Go's style: {@code 20ms} below a
     * second (rounded up), {@code 1.5s} or {@code 6m0s} above.
     */
    static String goDuration(long nanos) {
        if (nanos < 1_000_000_000L) {
            return ((nanos + 999_999L) / 1_000_000L) + "ms";
        }
        long millis = (nanos + 999_999L) / 1_000_000L;
        long minutes = millis / 60_000;
        String seconds = String.format(Locale.ROOT, "%.3f", (millis % 60_000) / 1000.0).replaceAll("\\.?0+$", "");
        return (minutes > 0 ? minutes + "m" : "") + seconds + "s";
    }
}
