package dev.roster.internal;

import dev.roster.spi.RateLimitStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds calls back before they are sent, so that a provider's threads together stay within the
 * vendor's rate limit instead of finding it with 429s. One per policy-wrapped provider, shared by
 * every thread calling through it.
 *
 * <p>What it knows comes from three places, and the slowest pace wins:
 * <ul>
 *   <li><b>The vendor's rate-limit headers</b> ({@link #observe(RateLimitStatus)}): while half the
 *       limit or more remains, calls go freely (a small job never waits); below that, the
 *       {@code remaining} requests allowed before {@code resetIn} has passed are spread evenly over
 *       it, one every {@code resetIn / (remaining + 1)}. A fixed window is then used in full without
 *       a refusal, and a token bucket settles about half full, sending at its refill rate. With none
 *       remaining, nothing goes before {@code resetIn}, and calls stay at least that far apart (the
 *       spacing of a bucket with no burst). Header spacings get an 8% margin, for the jitter of the
 *       calls' arrival. It is forgotten once its last reset (and at least a second) has passed
 *       without news.</li>
 *   <li><b>The spacing of 429s</b> where there are no headers ({@link #refused(Duration, boolean)}): a first
 *       429 asking to wait less than a second, {@code w}, sets the pace to one call per {@code w} (a
 *       limiter that makes a client wait {@code w} frees a request every {@code w}); a later one,
 *       once enough has been seen since the pace was set (200 ms or 20 accepted calls), judges the
 *       pace by the share of calls refused since: over a quarter, and the pace drops to what the
 *       vendor accepted (counted by {@link #accepted()}), with a margin; over 5%, it eases off by 5%;
 *       fewer, it stands. A machine too slow to reach the vendor's limit is thus not mistaken for it. Without
 *       refusals the pace rises by a tenth of itself every second, and is forgotten after
 *       {@value #FORGET_AFTER_SECONDS} s without a 429.</li>
 *   <li><b>Every 429's wait</b>: nothing is sent through this pacer until it is over.</li>
 * </ul>
 *
 * <p>With nothing known, {@link #await} is one volatile read and never waits. Thread-safe: what is
 * known is an immutable {@link Pace} swapped atomically; the send slots are one atomic instant.
 */
final class Pacer {

    /**
     * Calls paced by the headers are this much further apart than the headers allow, so that the jitter of
     * their arrival at the vendor does not bring two closer than its limiter takes.
     */
    private static final double SPACING_MARGIN = 1.08;
    /** After a 429: the share of the vendor's measured acceptance rate to send at. */
    private static final double MARGIN = 0.92;
    /** Without refusals, the learned rate grows by this share of itself per second. */
    private static final double PROBE_PER_SECOND = 0.10;
    static final long FORGET_AFTER_SECONDS = 30;
    /** The pace is changed again by a 429 only after this long, or this many accepted calls, since it was last set. */
    private static final long MEASURE_NANOS = 200_000_000L;
    private static final long MEASURE_ACCEPTED = 20;
    /** More calls refused than this share since the pace was set: it was over the limit. */
    private static final double OVER_LIMIT_SHARE = 0.25;
    /** More refused than this share, but not over the limit: at it, so the pace eases off by {@link #EASE}. */
    private static final double AT_LIMIT_SHARE = 0.05;
    private static final double EASE = 0.95;
    private static final long SECOND = 1_000_000_000L;
    /** The slowest learned pace: one call every two seconds. */
    private static final double MIN_RATE = 0.5;

    /**
     * What is known, at an instant of the ticker: calls wait for {@code holdUntil}, and are spaced
     * by the larger of the header interval (until {@code headerExpires}) and the learned one.
     *
     * @param holdUntil no call before this instant (a 429's wait)
     * @param headerInterval nanoseconds between calls the headers allow; 0 when none
     * @param headerExpires when the header interval is forgotten
     * @param learnedRate calls per second learned from 429s; 0 when none
     * @param learnedAt when the learned rate was last set (it rises from there)
     */
    record Pace(long holdUntil, long headerInterval, long headerExpires, double learnedRate, long learnedAt) {

        long interval(long now) {
            long fromHeaders = now - headerExpires < 0 ? headerInterval : 0;
            long learned = 0;
            if (learnedRate > 0 && now - learnedAt < FORGET_AFTER_SECONDS * SECOND) {
                double rate = learnedRate * (1 + PROBE_PER_SECOND * (now - learnedAt) / (double) SECOND);
                learned = (long) (SECOND / rate);
            }
            return Math.max(fromHeaders, learned);
        }

        /** Whether nothing in it matters any more: the hold is over, the headers and the learned rate forgotten. */
        boolean spent(long now) {
            return now - holdUntil >= 0 && now - headerExpires >= 0
                    && (learnedRate == 0 || now - learnedAt >= FORGET_AFTER_SECONDS * SECOND);
        }
    }

    private final RetryingAttempts.Ticker ticker;
    private final RetryingAttempts.Sleeper sleeper;
    /** Null when nothing is known: the fast path. */
    private final AtomicReference<Pace> pace = new AtomicReference<>();
    /** The instant the last call was let go at (or a later answer's arrival): the next goes one interval after it. */
    private final AtomicLong lastSlot;
    /** Calls the vendor accepted since the learned rate was last set (counted only while something is known). */
    private final AtomicLong acceptedSince = new AtomicLong();
    /** 429s since the learned rate was last set (not counting the one that set it). */
    private final AtomicLong refusedSince = new AtomicLong();

    Pacer(RetryingAttempts.Ticker ticker, RetryingAttempts.Sleeper sleeper) {
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.lastSlot = new AtomicLong(ticker.nanoTime() - (1L << 62)); // long ago: the first slot is never held back by it
    }

    /**
     * Waits for this call's turn: the end of any 429's hold, and its slot at the known pace. A slot
     * further away than {@code maxWait} is not waited for (nor taken): the call goes at once, and the
     * vendor's answer decides.
     *
     * @param maxWait the longest wait for a slot (not for a hold, which the vendor asked for)
     * @throws InterruptedException if interrupted while waiting
     */
    void await(Duration maxWait) throws InterruptedException {
        Pace known = pace.get();
        if (known == null) {
            return;
        }
        long now = ticker.nanoTime();
        if (known.spent(now)) {
            pace.compareAndSet(known, null);
            return;
        }
        long earliest = later(now, known.holdUntil());
        long interval = known.interval(now);
        long slot = earliest;
        if (interval > 0) {
            long last;
            do {
                last = lastSlot.get();
                slot = later(earliest, last + interval);
                if (slot - earliest > maxWait.toNanos()) {
                    slot = earliest;
                    break;
                }
            } while (!lastSlot.compareAndSet(last, slot));
        }
        if (slot - now > 0) {
            sleeper.sleep(Duration.ofNanos(slot - now));
        }
        // The slot is this call's; a 429 that came meanwhile makes it wait out that hold too (not take a new slot).
        while (true) {
            Pace after = pace.get();
            long left = after == null ? 0 : after.holdUntil() - ticker.nanoTime();
            if (left <= 0) {
                return;
            }
            sleeper.sleep(Duration.ofNanos(left));
        }
    }

    /**
     * What an answer's headers said about the rate limit.
     *
     * @param status the vendor's reading
     */
    synchronized void observe(RateLimitStatus status) {
        long now = ticker.nanoTime();
        long reset = status.resetIn().toNanos();
        Pace known = current(now);
        boolean headersKnown = now - known.headerExpires() < 0;
        long interval;
        if (status.remaining() == 0) {
            // Nothing left: nothing goes before the reset (the next slot is at least that far, and as any slot,
            // not waited for beyond the cap). That reset is the time to the next request, not the spacing between
            // requests (a refusal's is a fraction of it): the spacing learned so far stands.
            interval = Math.max(headersKnown ? known.headerInterval() : 0, (long) (reset * SPACING_MARGIN));
        } else if (status.remaining() * 2 >= status.limit()) {
            interval = 0; // half the limit or more left: no need to pace yet, so a small job never waits
        } else {
            interval = (long) (reset * SPACING_MARGIN / (status.remaining() + 1)); // spread what is left until the reset
        }
        long expires = later(headersKnown ? known.headerExpires() : now, now + Math.max(reset, SECOND));
        pace.set(new Pace(known.holdUntil(), interval, expires, known.learnedRate(), known.learnedAt()));
        // The next call waits its share of the window counted from this answer; with none left, exactly the reset.
        lastSlot.accumulateAndGet(status.remaining() == 0 ? now + reset - interval : now, Pacer::later);
    }

    /** A call the vendor did not refuse for its rate (any answer but a 429, or no answer at all). */
    void accepted() {
        if (pace.get() != null) {
            acceptedSince.incrementAndGet();
        }
    }

    /**
     * A 429: every call waits {@code wait}, and the pace is lowered to what the vendor accepts.
     *
     * @param wait the vendor's wait, or the backoff when it named none
     * @param named whether the vendor named the wait (only a vendor's wait says something about its pace)
     */
    synchronized void refused(Duration wait, boolean named) {
        long now = ticker.nanoTime();
        long waitNanos = wait.toNanos();
        Pace known = current(now);
        double rate = known.learnedRate();
        long since = known.learnedAt();
        if (now - known.headerExpires() < 0) {
            // The vendor's headers set the pace: a 429 among them (another client, a clock's jitter) only holds.
            rate = known.learnedRate();
        } else if (rate == 0 && since == now) {
            // Nothing learned yet: a limiter that asks for a wait of w, finer than the whole seconds a bare
            // Retry-After rounds to, frees a request every w. A wait of seconds says no rate: measure it.
            rate = named && waitNanos > 0 && waitNanos < SECOND ? SECOND * MARGIN / waitNanos : 0;
            acceptedSince.set(0);
            refusedSince.set(0);
        } else if (now - since >= MEASURE_NANOS || acceptedSince.get() >= MEASURE_ACCEPTED) {
            // Enough seen since the pace was last set to judge it by the share of calls refused: many, and the
            // pace was over the vendor's limit, so send at what it accepted; a few, and it is about at the
            // limit (or the limiter jitters), so ease off a little; hardly any, and the pace holds.
            long accepted = acceptedSince.getAndSet(0);
            long refusals = refusedSince.getAndSet(0) + 1;
            double refusedShare = refusals / (double) (accepted + refusals);
            double sending = rate * (1 + PROBE_PER_SECOND * (now - since) / (double) SECOND);
            if (accepted > 0 && (rate == 0 || refusedShare > OVER_LIMIT_SHARE)) {
                rate = Math.max(accepted * (double) SECOND / (now - since) * MARGIN, MIN_RATE);
            } else if (rate > 0) {
                rate = Math.max(refusedShare > AT_LIMIT_SHARE ? sending * EASE : sending, MIN_RATE);
            }
            since = now;
        } else {
            refusedSince.incrementAndGet();
        }
        // Otherwise a 429 of the same burst as the last change: it only holds.
        pace.set(new Pace(later(known.holdUntil(), now + waitNanos), known.headerInterval(), known.headerExpires(), rate, since));
    }

    /** What is known now, for tests. */
    Pace pace() {
        return pace.get();
    }

    /** What is known at {@code now}, with what has expired dropped; a fresh pace (learning from {@code now}) when nothing is. */
    private Pace current(long now) {
        Pace known = pace.get();
        if (known == null || known.spent(now)) {
            return new Pace(now, 0, now, 0, now);
        }
        if (known.learnedRate() > 0 && now - known.learnedAt() >= FORGET_AFTER_SECONDS * SECOND) {
            return new Pace(known.holdUntil(), known.headerInterval(), known.headerExpires(), 0, now);
        }
        return known;
    }

    /** The later of two ticker instants (which may wrap). */
    private static long later(long a, long b) {
        return b - a > 0 ? b : a;
    }
}
