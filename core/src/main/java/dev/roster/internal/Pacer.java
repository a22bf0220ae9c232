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
 *   <li><b>The vendor's rate-limit headers</b> ({@link #observe(RateLimitStatus)}): what is left
 *       beyond half the limit may go at once, but one call each (threads that read the same answer
 *       share it, so a bucket of one lets one call through, not all of them); the rest of the
 *       {@code remaining} requests allowed before {@code resetIn} has passed are spread evenly over it,
 *       one every {@code resetIn / (remaining + 1)}. A fixed window is then used in full without a
 *       refusal, and a token bucket settles about half full, sending at its refill rate. With none
 *       remaining, nothing goes before {@code resetIn} (less the fastest round trip, as below), and
 *       calls stay at least that far apart (the spacing of a bucket with no burst, whose
 *       {@code resetIn} is the time to its next token). The
 *       spacing is stretched by a margin learned from the jitter of the calls' arrival: it grows with
 *       every 429 among calls the headers pace and shrinks with every call accepted, settling where
 *       about {@value #TARGET_REFUSED} of them are refused. The headers are forgotten once their last
 *       reset (and at least a second) has passed without news.</li>
 *   <li><b>The spacing of 429s</b> where there are no headers ({@link #refused(Duration, boolean)}): a first
 *       429 asking to wait less than a second, {@code w}, sets the pace to one call per {@code w} (a
 *       limiter that makes a client wait {@code w} frees a request every {@code w}); a later one,
 *       once enough has been seen since the pace was set (200 ms or 20 accepted calls), judges the
 *       pace by the share of calls refused since: over a quarter, and the pace drops to what the
 *       vendor accepted (counted by {@link #accepted()}), or to one call per the longest sub-second wait
 *       named since, whichever is faster (a busy client may not have sent fast enough to show the
 *       vendor's rate; a token bucket never asks to wait longer than its refill interval), with a margin,
 *       and no faster than 5% below the pace that was over the limit;
 *       over {@value #AT_LIMIT_SHARE}, it eases off by 5%; fewer, it stands. Without refusals the pace
 *       rises by a tenth of itself every second, but no higher than one call per the longest sub-second
 *       wait any 429 named (a token bucket frees no more; a window's longer waits leave the learned pace
 *       where it is), and is forgotten after {@value #FORGET_AFTER_SECONDS} s without a 429.</li>
 *   <li><b>Every 429's wait</b>: nothing is sent through this pacer until it is over; a call whose
 *       slot the wait covers takes a new one behind every slot given, so that the calls it held do not
 *       all go at once when it ends. A 429 to the latest paced call sent leaves its slot unspent (the
 *       vendor did not count the call): the next call to ask for a turn takes it, at the end of the
 *       wait, instead of one behind every slot given.</li>
 * </ul>
 *
 * <p>Each paced call reserves a slot one interval after the last one given, and when its slot has
 * come also keeps the interval from the instant the latest paced call actually went (a thread that
 * woke late must not send right before one that woke on time); and waits for the answers: after one
 * that said nothing is left, for the wait it named, and after any answer while the pace is learned from
 * 429s whose waits name a refill interval, for that interval; each counted from the answer's arrival,
 * less the fastest round trip seen (see {@link #answered(long)}). Slots are given ahead of time, so a
 * call that goes at its slot arrives before the vendor's next request whenever the call before it was
 * delayed on its way, and a limiter with no burst counts from that late arrival; a call that waits for
 * the answer to the one before cannot, and the fastest round trip taken off is the part of every round
 * trip that need not be waited for. Sleeps end late by the scheduler's delay; the pacer measures that
 * lateness and wakes that much early.
 *
 * <p>With nothing known, {@link #await} is one volatile read and never waits. Thread-safe: what is
 * known is an immutable {@link Pace} swapped atomically; slots, sends, the margin and the lateness are
 * atomics.
 */
final class Pacer {

    /**
     * Header spacings are stretched by a margin, so that the jitter of the calls' arrival at the vendor
     * does not bring two closer than its limiter takes. It is learned, because that jitter is the
     * machine's and the network's, not the vendor's: it starts here, grows by {@link #MARGIN_UP} with
     * every 429 among header-paced calls and shrinks a little with every call accepted, so that it settles
     * where about {@link #TARGET_REFUSED} of the calls are refused (a limiter with no burst refuses any
     * call that arrives early, however slightly).
     */
    private static final double FIRST_MARGIN = 1.05;
    private static final double MIN_MARGIN = 1.0;
    private static final double MAX_MARGIN = 4.0;
    private static final double MARGIN_UP = 1.03;
    private static final double TARGET_REFUSED = 0.025;
    /** Chosen so that one 429 in every 1 / {@link #TARGET_REFUSED} calls leaves the margin where it is. */
    private static final double MARGIN_DOWN = Math.pow(MARGIN_UP, -TARGET_REFUSED / (1 - TARGET_REFUSED));
    /** After a 429: the share of the vendor's measured acceptance rate to send at. */
    static final double MARGIN = 0.92;
    /** Without refusals, the learned rate grows by this share of itself per second. */
    static final double PROBE_PER_SECOND = 0.10;
    static final long FORGET_AFTER_SECONDS = 30;
    /** The pace is changed again by a 429 only after this long, or this many accepted calls, since it was last set. */
    private static final long MEASURE_NANOS = 200_000_000L;
    private static final long MEASURE_ACCEPTED = 20;
    /** More calls refused than this share since the pace was set: it was over the limit. */
    private static final double OVER_LIMIT_SHARE = 0.25;
    /** More refused than this share, but not over the limit: at it, so the pace eases off by {@link #EASE}. */
    private static final double AT_LIMIT_SHARE = 0.025;
    private static final double EASE = 0.95;
    /** An accepted rate below this share of the eased pace is far below it: the pace drops to it at once. */
    private static final double FAR_BELOW = 0.75;
    static final long SECOND = 1_000_000_000L;
    /** The most one sleep's lateness counts for in the slack: a millisecond. */
    static final long MAX_LATENESS_NANOS = 1_000_000L;
    /** A refused call whose sending came this soon after the latest paced call went was that call (its step and its send are one instant apart). */
    private static final long SAME_SEND_NANOS = 1_000_000L;
    /** The slowest learned pace: one call every two seconds. */
    private static final double MIN_RATE = 0.5;

    private final RetryingAttempts.Ticker ticker;
    private final RetryingAttempts.Sleeper sleeper;
    /** Null when nothing is known: the fast path. */
    private final AtomicReference<Pace> pace = new AtomicReference<>();
    /** The latest slot handed out (or a later answer's arrival): the next goes one interval after it. */
    private final AtomicLong lastSlot;
    /** The instant the latest paced call actually went: a call that finds it closer than an interval waits the rest. */
    private final AtomicLong lastSent;
    /**
     * No call before this instant: the latest answer that said nothing is left, plus the wait it named. A
     * call that waits for the answer before it goes cannot arrive before the vendor's next request, however
     * the calls' arrivals jitter, where slots spaced ahead of time can (a limiter with no burst refuses a
     * call that arrives early by any amount).
     */
    private final AtomicLong notBefore;
    /** When the headers' word last became known after it was not: refusals of calls sent before say nothing of the margin. */
    private volatile long headersSince;
    /** Calls that may still go without a slot on the headers' word that plenty is left (beyond half the limit). */
    private final AtomicLong free = new AtomicLong();
    /** The factor header spacings are stretched by; {@link Double#doubleToLongBits} of it. */
    private final AtomicLong margin = new AtomicLong(Double.doubleToLongBits(FIRST_MARGIN));
    /** The slack: a moving average of how much later than asked this pacer's sleeps ended. */
    private final AtomicLong lateness = new AtomicLong();
    /** Calls the vendor accepted since the learned rate was last set (counted only while something is known). */
    private final AtomicLong acceptedSince = new AtomicLong();
    /** 429s since the learned rate was last set (not counting the one that set it). */
    private final AtomicLong refusedSince = new AtomicLong();
    /**
     * The learned rate rises no higher than this (calls per second): one call per the longest sub-second
     * wait any 429 named (a token bucket never asks to wait longer than its refill interval, so it frees no
     * more than that), or the learned rate itself where that is higher (a window's waits are longer, and
     * say less). Without it the pace rises by {@value #PROBE_PER_SECOND} of itself a second into the limit,
     * and each rise costs refusals. {@link Double#MAX_VALUE} until a 429 names such a wait.
     */
    private volatile double probeCeiling = Double.MAX_VALUE;
    /**
     * The longest sub-second wait any 429 named, in nanoseconds (0 when none): the refill interval a token
     * bucket showed. Written under this pacer's lock, read without it.
     */
    private volatile long longestWaitEver;
    /**
     * A slot nobody has taken yet, {@link #NONE} when there is none: the end of the wait a 429 named for
     * the latest paced call sent. The vendor did not count that call, so its slot is not spent: the first
     * call to ask for a turn takes it, instead of one behind every slot given (which would leave the
     * vendor's next request unused for an interval).
     */
    private final AtomicLong reclaimable = new AtomicLong(NONE);
    private static final long NONE = Long.MIN_VALUE;
    /**
     * The fastest round trip seen, from a call's sending to its answer, in nanoseconds: no call can be
     * counted by the vendor later than its answer's arrival less what is left of the fastest round trip's
     * way back, nor travel there faster. {@link Long#MAX_VALUE} until an answer is seen.
     */
    private final AtomicLong fastestRoundTrip = new AtomicLong(Long.MAX_VALUE);
    /** The longest sub-second wait a 429 named since the learned rate was last set; guarded by this. */
    private long longestWait;

    Pacer(RetryingAttempts.Ticker ticker, RetryingAttempts.Sleeper sleeper) {
        this.ticker = ticker;
        this.sleeper = sleeper;
        long longAgo = ticker.nanoTime() - (1L << 62); // the first slot is never held back by it
        this.lastSlot = new AtomicLong(longAgo);
        this.lastSent = new AtomicLong(longAgo);
        this.notBefore = new AtomicLong(longAgo);
        this.headersSince = longAgo;
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
        if (pace.get() == null) {
            return;
        }
        Turn turn = new Turn(maxWait.toNanos());
        long now = ticker.nanoTime();
        long slack = slack();
        for (long until = step(turn, now, slack); until != now; until = step(turn, now, slack)) {
            long asked = until - now - slack;
            sleeper.sleep(Duration.ofNanos(asked));
            long woke = ticker.nanoTime();
            overslept(woke - now - asked);
            now = woke;
        }
    }

    /** Where one call stands in its wait for a turn; {@link #step} moves it on. Confined to the calling thread. */
    static final class Turn {
        private final long maxWait;
        private boolean reserved;
        private boolean unpaced;
        private boolean reclaiming;

        Turn(long maxWaitNanos) {
            this.maxWait = maxWaitNanos;
        }
    }

    /**
     * One step of a call's wait, at {@code now}: {@code now} itself when the call may go (it then counts
     * as sent), else the instant to wait until before the next step, more than {@code slack} away (a wait
     * shorter than the slack is not waited: the sleep would overshoot it anyway). {@link #await} sleeps
     * between steps; a test drives the steps on simulated time. In order: a first step reserves the call's
     * slot (none while the headers' free calls last); a call whose slot fell within a 429's hold that
     * came after it took it reserves a new one, behind every slot already given (so those held do not all
     * go at once when the hold ends); and a call whose slot has come waits until the {@link Pace#floor}
     * has passed since the latest paced call actually went (so that a thread that woke late and one that
     * woke on time do not send two calls closer than the vendor takes).
     */
    long step(Turn turn, long now, long slack) {
        Pace known = pace.get();
        if (known == null) {
            return now;
        }
        if (!turn.reserved) {
            if (known.spent(now)) {
                pace.compareAndSet(known, null);
                return now;
            }
            turn.reserved = true;
            long front = reclaimable.get();
            // A refused call's slot, which the vendor did not count; void once a paced call has gone since its wait
            // ended (that call took it), and never before a hold.
            if (front != NONE && reclaimable.compareAndSet(front, NONE) && lastSent.get() - front < 0) {
                turn.reclaiming = true;
                long at = later(front, known.holdUntil());
                if (at - now > slack) {
                    return at;
                }
            } else if (known.headerLive(now) && free.get() > 0 && free.getAndDecrement() > 0) {
                turn.unpaced = true; // one of the calls the headers said could go at once
                return known.holdUntil() - now > slack ? known.holdUntil() : now;
            } else {
                long slot = reserve(known, now, turn.maxWait);
                if (slot - now > slack) {
                    return slot;
                }
            }
        } else if (known.holdUntil() - now > slack) {
            turn.reclaiming = false;
            return reserve(known, now, turn.maxWait);
        }
        long answered = notBefore.get();
        if (answered - now > slack && answered - now <= turn.maxWait) {
            return answered;
        }
        if (turn.reclaiming) {
            // The floor counts from the refused call's own sending, which the vendor did not count; the next slot
            // given is at least an interval after this one.
            lastSent.accumulateAndGet(now, Pacer::later);
            lastSlot.accumulateAndGet(now, Pacer::later);
            return now;
        }
        long floor = turn.unpaced ? 0 : known.floor(now, margin(), probeCeiling);
        while (floor > 0) {
            long last = lastSent.get();
            long go = last + floor;
            if (go - now > slack && go - now <= turn.maxWait) {
                return go;
            }
            if (lastSent.compareAndSet(last, later(last, now))) {
                break;
            }
        }
        return now;
    }

    /**
     * How much sooner than a slot a waiting call asks to wake: the lateness measured on this pacer's
     * sleeps so far, so that calls go at their slots on average instead of a scheduler's delay after them.
     */
    long slack() {
        return lateness.get();
    }

    /**
     * A sleep that ended {@code nanos} later than asked (a thread's wake-up is never exact). The slack is
     * a moving average of these, each counted up to {@value #MAX_LATENESS_NANOS} ns (a stall of the
     * whole machine is not the sleeps' lateness).
     */
    void overslept(long nanos) {
        long sample = Math.max(0, Math.min(nanos, MAX_LATENESS_NANOS));
        lateness.updateAndGet(average -> average + (sample - average) / 8);
    }

    /** Takes the next slot at the known pace, no sooner than any hold; not one further away than {@code maxWait}. */
    private long reserve(Pace known, long now, long maxWait) {
        long earliest = later(now, known.holdUntil());
        long interval = known.interval(now, margin(), probeCeiling);
        if (interval == 0) {
            return earliest;
        }
        while (true) {
            long last = lastSlot.get();
            long slot = later(earliest, last + interval);
            if (slot - earliest > maxWait) {
                return earliest;
            }
            if (lastSlot.compareAndSet(last, slot)) {
                return slot;
            }
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
        long left = status.remaining();
        Pace known = current(now);
        long previous = known.headerLive(now) ? known.headerInterval() : 0;
        long interval;
        if (left == 0) {
            // Nothing left: nothing goes before the reset (the next slot is at least that far, and as any slot,
            // not waited for beyond the cap). That reset is the time to the next request, not the spacing between
            // requests (a refusal's is a fraction of it): the spacing learned so far stands.
            interval = Math.max(previous, reset);
        } else {
            // Spread what is left until the reset. A reset of zero (a full bucket) says nothing of the spacing: the
            // one known stands, for when the calls that may go at once are gone.
            interval = reset / (left + 1);
            interval = interval == 0 ? previous : interval;
        }
        // Beyond half the limit, calls go at once, but one each: threads that read the same answer share what it
        // said is left instead of each spending all of it (with a bucket of one, one of them goes, not all).
        free.set(Math.max(0, left - status.limit() / 2));
        if (!known.headerLive(now)) {
            headersSince = now;
        }
        long gate = now + reset - fastestRoundTrip();
        if (left == 0) {
            notBefore.accumulateAndGet(gate, Pacer::later);
        }
        long expires = later(known.headerLive(now) ? known.headerExpires() : now, now + Math.max(reset, SECOND));
        pace.set(new Pace(known.holdUntil(), interval, expires, known.learnedRate(), known.learnedAt()));
        // The next call waits its share of the window counted from this answer; with none left, the reset (less the
        // fastest round trip, as the gate) and the margin.
        lastSlot.accumulateAndGet(left == 0 ? gate - interval : now, Pacer::later);
    }

    /**
     * A call sent at {@code sentAt} that the vendor answered, not with a 429. Its round trip may be the
     * fastest yet; and while the pace is learned from 429s that named a refill interval (and no headers
     * speak), no call goes before that interval has passed since this answer, less the fastest round
     * trip: the vendor counted this call no later than that, so the next one cannot arrive before the
     * vendor's next free request, however late this one was on its way there.
     *
     * @param sentAt the ticker's instant when the call went
     */
    void answered(long sentAt) {
        long now = ticker.nanoTime();
        long roundTrip = now - sentAt;
        if (roundTrip > 0) {
            fastestRoundTrip.accumulateAndGet(roundTrip, Math::min);
        }
        Pace known = pace.get();
        long interval = longestWaitEver;
        if (known != null && interval > 0 && !known.headerLive(now) && known.learnedLive(now)) {
            notBefore.accumulateAndGet(now + interval - fastestRoundTrip(), Pacer::later);
        }
        accepted();
    }

    /** The fastest round trip seen so far, or 0 before any. */
    private long fastestRoundTrip() {
        long fastest = fastestRoundTrip.get();
        return fastest == Long.MAX_VALUE ? 0 : fastest;
    }

    /** A call the vendor did not refuse for its rate (any answer but a 429, or no answer at all). */
    void accepted() {
        Pace known = pace.get();
        if (known != null) {
            acceptedSince.incrementAndGet();
            if (known.headerInterval() > 0 && known.headerLive(ticker.nanoTime())) {
                scaleMargin(MARGIN_DOWN);
            }
        }
    }

    /**
     * A 429: every call waits {@code wait}, and the pace is lowered to what the vendor accepts.
     *
     * @param wait the vendor's wait, or the backoff when it named none
     * @param named whether the vendor named the wait (only a vendor's wait says something about its pace)
     */
    void refused(Duration wait, boolean named) {
        refused(wait, named, ticker.nanoTime());
    }

    /**
     * As {@link #refused(Duration, boolean)}, for a call sent at {@code sentAt}: a refusal of a call sent
     * before the headers' word was known (the first calls, sent blind) does not grow the margin.
     *
     * @param wait the vendor's wait, or the backoff when it named none
     * @param named whether the vendor named the wait
     * @param sentAt the ticker's instant when the refused call went
     */
    synchronized void refused(Duration wait, boolean named, long sentAt) {
        long now = ticker.nanoTime();
        long waitNanos = wait.toNanos();
        Pace known = current(now);
        double rate = known.learnedRate();
        long since = known.learnedAt();
        if (named && waitNanos > 0 && waitNanos < SECOND) {
            longestWait = Math.max(longestWait, waitNanos);
            longestWaitEver = Math.max(longestWaitEver, waitNanos);
            probeCeiling = SECOND / (double) longestWaitEver;
        }
        if (known.headerLive(now)) {
            // The vendor's headers set the pace: a 429 among them says the calls arrived closer than they were sent
            // (or another client shares the limit), so the margin grows; the pace learned from 429s is not touched.
            if (known.headerInterval() > 0 && sentAt - headersSince >= 0) {
                scaleMargin(MARGIN_UP);
            }
        } else if (rate == 0 && since == now) {
            // Nothing learned yet: a limiter that asks for a wait of w, finer than the whole seconds a bare
            // Retry-After rounds to, frees a request every w. A wait of seconds says no rate: measure it.
            rate = named && waitNanos > 0 && waitNanos < SECOND ? SECOND * MARGIN / waitNanos : 0;
            acceptedSince.set(0);
            refusedSince.set(0);
            longestWait = 0;
        } else if (now - since >= MEASURE_NANOS || acceptedSince.get() >= MEASURE_ACCEPTED) {
            // Enough seen since the pace was last set to judge it by the share of calls refused: many, and the
            // pace was over the vendor's limit, so send at what it accepted; a few, and it is about at the
            // limit (or the limiter jitters), so ease off a little; hardly any, and the pace holds.
            long accepted = acceptedSince.getAndSet(0);
            long refusals = refusedSince.getAndSet(0) + 1;
            double refusedShare = refusals / (double) (accepted + refusals);
            double sending = rate * (1 + PROBE_PER_SECOND * (now - since) / (double) SECOND);
            if (accepted > 0 && (rate == 0 || refusedShare > OVER_LIMIT_SHARE)) {
                // What the vendor accepted is a floor on its rate only if this client could send faster: on a busy
                // machine it may not have. A token bucket's 429 asks to wait for the next token, never longer than
                // the time it takes to refill one: the longest such wait seen is a refill interval the vendor
                // allows (a window's waits are longer, and say less). Still over the limit at that pace, the
                // calls arrive more jittered than it leaves room for: each such judgement eases it off.
                double fromWaits = longestWait > 0 ? Math.min(sending * EASE, SECOND * MARGIN / longestWait) : 0;
                rate = Math.max(Math.max(accepted * (double) SECOND / (now - since) * MARGIN, fromWaits), MIN_RATE);
            } else if (rate > 0) {
                // At the limit: ease off; and where the vendor accepted far less than this pace sends (the holds of
                // its 429s kept the calls near its rate, so that is what it lets through), drop to what it accepted
                // instead of easing off 5% at a time through a refusal each.
                double acceptedRate = accepted * (double) SECOND / (now - since);
                double eased = sending * EASE;
                rate = Math.max(refusedShare <= AT_LIMIT_SHARE ? sending
                        : accepted > 0 && acceptedRate < eased * FAR_BELOW ? acceptedRate : eased, MIN_RATE);
            }
            since = now;
            longestWait = 0;
        } else {
            refusedSince.incrementAndGet();
        }
        // Otherwise a 429 of the same burst as the last change: it only holds.
        long sinceSent = sentAt - lastSent.get();
        if (named && waitNanos > 0 && waitNanos < SECOND && sinceSent >= 0 && sinceSent <= SAME_SEND_NANOS) {
            reclaimable.set(now + waitNanos); // nothing paced went after the refused call: its slot is the next
        }
        pace.set(new Pace(later(known.holdUntil(), now + waitNanos), known.headerInterval(), known.headerExpires(), rate, since));
    }

    /** What is known now, for tests. */
    Pace pace() {
        return pace.get();
    }

    /** The factor header spacings are stretched by now. */
    double margin() {
        return Double.longBitsToDouble(margin.get());
    }

    private void scaleMargin(double factor) {
        margin.updateAndGet(bits -> Double.doubleToLongBits(
                Math.min(MAX_MARGIN, Math.max(MIN_MARGIN, Double.longBitsToDouble(bits) * factor))));
    }

    /** What is known at {@code now}, with what has expired dropped; a fresh pace (learning from {@code now}) when nothing is. */
    private Pace current(long now) {
        Pace known = pace.get();
        if (known == null || known.spent(now)) {
            return new Pace(now, 0, now, 0, now);
        }
        if (known.learnedRate() > 0 && !known.learnedLive(now)) {
            return new Pace(known.holdUntil(), known.headerInterval(), known.headerExpires(), 0, now);
        }
        return known;
    }

    /** The later of two ticker instants (which may wrap). */
    private static long later(long a, long b) {
        return b - a > 0 ? b : a;
    }
}
