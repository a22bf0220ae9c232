package dev.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.spi.RateLimitStatus;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's bulk job on simulated time: 1,000 calls from 8 callers through one pacer against a
 * vendor allowing 200 requests a second, with the jitter of a real machine (threads that wake late,
 * requests that take more or less long to arrive) drawn from a fixed seed, on a quiet machine and on
 * a busier one. The callers are events on
 * one thread, driving {@link Pacer#step} as {@link Pacer#await} would between sleeps, and retrying a
 * 429 as {@link RetryingAttempts} does; nothing sleeps, nothing depends on the machine's speed.
 */
@DisplayName("Pacer: 8 callers against a simulated limiter, on simulated time")
class PacerSimulationTest {

    private static final int CALLS = 1000;
    private static final int CALLERS = 8;
    private static final long MS = 1_000_000L;
    /** 1,000 calls at 200 a second. */
    private static final long BOUND = CALLS * 5 * MS;

    /** A quiet machine: threads wake 40-160 µs late, a request or an answer takes 100-300 µs on its way. */
    private static final Jitter QUIET = new Jitter(40, 160, 100, 300, 0);
    /**
     * The quiet machine with one request or answer in 50 held up 1-3 ms more on its way (a virtual machine's
     * scheduler: the benchmark's server saw such delays). A strict limiter counts from a late arrival, so the
     * call after it, sent at its slot, would arrive early.
     */
    private static final Jitter HELD_UP = new Jitter(40, 160, 100, 300, 0.02);
    /**
     * The machine of the documented benchmark run: threads wake 0.1-1 ms late, 0.2-1.2 ms each way. On it the
     * pacer before this test drew 23.5% 429s from the strict limiter in 1.40x the bound (the benchmark measured
     * 25.9% and 1.46x). Arrivals that jitter by about half a millisecond each cannot be packed much closer than
     * 5 ms plus twice that without refusals, so the bound here is 1.3x.
     */
    private static final Jitter BUSY = new Jitter(100, 1000, 200, 1200, 0);

    @Test
    @DisplayName("a strict limiter (no burst) with OpenAI's headers: within 1.1x the bound, at most 5% refused")
    void strictWithHeaders() {
        assertWithin(new Simulation(TokenBucket.strict(), true, QUIET).run(), 0.05, 1.1);
    }

    @Test
    @DisplayName("a strict limiter without headers, paced by its 429s alone: within 1.1x the bound, at most 5% refused")
    void strictFromRefusals() {
        assertWithin(new Simulation(TokenBucket.strict(), false, QUIET).run(), 0.05, 1.1);
    }

    @Test
    @DisplayName("a strict limiter, with and without headers, when some requests are held up on their way: within 1.1x the bound, at most 5% refused")
    void strictHeldUp() {
        assertWithin(new Simulation(TokenBucket.strict(), true, HELD_UP).run(), 0.05, 1.1);
        assertWithin(new Simulation(TokenBucket.strict(), false, HELD_UP).run(), 0.05, 1.1);
    }

    @Test
    @DisplayName("a bursty limiter (burst 200) with OpenAI's headers: within the bound, none refused")
    void burstyWithHeaders() {
        assertWithin(new Simulation(TokenBucket.bursty(), true, QUIET).run(), 0, 1.0);
    }

    @Test
    @DisplayName("a bursty limiter without headers: within 1.1x the bound, at most 5% refused")
    void burstyFromRefusals() {
        assertWithin(new Simulation(TokenBucket.bursty(), false, QUIET).run(), 0.05, 1.1);
    }

    @Test
    @DisplayName("on a busier machine, a strict limiter with headers: the margin grows with the jitter, so at most 5% are refused")
    void strictWithHeadersBusy() {
        assertWithin(new Simulation(TokenBucket.strict(), true, BUSY).run(), 0.05, 1.3);
    }

    @Test
    @DisplayName("on a busier machine, a strict limiter without headers: at most 5% refused, within 1.3x the bound")
    void strictFromRefusalsBusy() {
        assertWithin(new Simulation(TokenBucket.strict(), false, BUSY).run(), 0.05, 1.3);
    }

    @Test
    @DisplayName("on a busier machine, a bursty limiter with and without headers: as on a quiet one")
    void burstyBusy() {
        assertWithin(new Simulation(TokenBucket.bursty(), true, BUSY).run(), 0, 1.0);
        assertWithin(new Simulation(TokenBucket.bursty(), false, BUSY).run(), 0.05, 1.1);
    }

    private static void assertWithin(Outcome outcome, double refused, double ofBound) {
        assertThat(outcome.done).as("calls done (%s)", outcome).isEqualTo(CALLS);
        assertThat(outcome.refusedShare()).as("429s / requests (%s)", outcome).isLessThanOrEqualTo(refused);
        assertThat(outcome.elapsed).as("elapsed (%s)", outcome).isLessThanOrEqualTo((long) (BOUND * ofBound));
    }

    /**
     * How late a sleeping thread wakes, and how long a request or an answer takes on its way, each
     * drawn uniformly between the bounds, in microseconds; and the share of ways held up 1-3 ms more.
     */
    record Jitter(int wakeFrom, int wakeTo, int wayFrom, int wayTo, double heldUp) {}

    /** What the vendor saw and how long the job took, in simulated nanoseconds. */
    record Outcome(int done, int requests, int refused, long elapsed) {
        double refusedShare() {
            return refused / (double) requests;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d done, %d requests, %d refused (%.1f%%), %.2f s = %.2fx the bound",
                    done, requests, refused, 100.0 * refused / requests, elapsed / 1e9, elapsed / (double) BOUND);
        }
    }

    /**
     * The benchmark's limiter: a token bucket of {@code burst} tokens refilled one every 5 ms; a request
     * that finds none is refused and told the wait for the next. Its headers are OpenAI's: the bucket's
     * size, the tokens left, and the time until it is full, in whole milliseconds rounded up.
     */
    static final class TokenBucket {
        private final long perToken = 5 * MS;
        private final int burst;
        private long emptyAt;

        private TokenBucket(int burst) {
            this.burst = burst;
            this.emptyAt = -perToken * burst;
        }

        static TokenBucket strict() {
            return new TokenBucket(1);
        }

        static TokenBucket bursty() {
            return new TokenBucket(200);
        }

        /** 0 when granted, else the wait for a token; the status as the headers say it. */
        long admit(long now, RateLimitStatus[] status) {
            long capacity = perToken * burst;
            if (now - emptyAt > capacity) {
                emptyAt = now - capacity;
            }
            long next = emptyAt + perToken;
            long wait = 0;
            if (next <= now) {
                emptyAt = next;
            } else {
                wait = next - now;
            }
            long saved = now - emptyAt;
            status[0] = new RateLimitStatus(burst, saved / perToken, Duration.ofMillis(ceilMillis(capacity - saved)));
            return wait;
        }
    }

    private static long ceilMillis(long nanos) {
        return (nanos + MS - 1) / MS;
    }

    /** One run: events in time order (ties in the order scheduled), so the same seed gives the same run. */
    static final class Simulation {
        private record Event(long at, long seq, Runnable action) {}

        private final PriorityQueue<Event> events = new PriorityQueue<>(
                (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
        private final Random random = new Random(20261202L);
        private final TokenBucket limiter;
        private final boolean headers;
        private final Jitter machine;
        private long now;
        private long seq;
        private final Pacer pacer = new Pacer(() -> now, duration -> {
            throw new AssertionError("the simulation steps the pacer; it never sleeps");
        });
        private int started;
        private int done;
        private int requests;
        private int refused;
        private long finished;

        Simulation(TokenBucket limiter, boolean headers, Jitter machine) {
            this.limiter = limiter;
            this.headers = headers;
            this.machine = machine;
        }

        Outcome run() {
            for (int i = 0; i < CALLERS; i++) {
                nextCall();
            }
            while (!events.isEmpty()) {
                Event event = events.poll();
                now = event.at;
                event.action.run();
            }
            return new Outcome(done, requests, refused, finished);
        }

        private void at(long when, Runnable action) {
            events.add(new Event(when, seq++, action));
        }

        /** Microseconds, uniformly from {@code from} to {@code to}, as nanoseconds. */
        private long jitter(int fromMicros, int toMicros) {
            return (fromMicros + random.nextInt(toMicros - fromMicros + 1)) * 1000L;
        }

        /** How long a request or an answer takes on its way. */
        private long way() {
            long way = jitter(machine.wayFrom(), machine.wayTo());
            return random.nextDouble() < machine.heldUp() ? way + jitter(1000, 3000) : way;
        }

        private void nextCall() {
            if (started < CALLS) {
                started++;
                waitTurn(new Pacer.Turn(Duration.ofMinutes(1).toNanos()));
            }
        }

        /** As {@link Pacer#await}: a step, and a sleep to the instant it names, less the slack (a thread wakes a little late). */
        private void waitTurn(Pacer.Turn turn) {
            long slack = pacer.slack();
            long until = pacer.step(turn, now, slack);
            if (until != now) {
                long asked = until - now - slack;
                long late = jitter(machine.wakeFrom(), machine.wakeTo());
                at(now + asked + late, () -> {
                    pacer.overslept(late);
                    waitTurn(turn);
                });
            } else {
                send();
            }
        }

        /** The request's way through the client and to the vendor, and the answer's way back. */
        private void send() {
            requests++;
            long sentAt = now;
            at(now + way(), () -> {
                RateLimitStatus[] status = new RateLimitStatus[1];
                long wait = limiter.admit(now, status);
                at(now + way(), () -> answered(wait, status[0], sentAt));
            });
        }

        /** As the adapter and {@link RetryingAttempts} take an answer: headers first, then accepted or a 429 retried. */
        private void answered(long wait, RateLimitStatus status, long sentAt) {
            if (headers) {
                pacer.observe(status);
            }
            if (wait == 0) {
                pacer.answered(sentAt);
                done++;
                finished = now;
                nextCall();
            } else {
                refused++;
                pacer.refused(Duration.ofMillis(ceilMillis(wait)), true, sentAt); // OpenAI's retry-after-ms
                waitTurn(new Pacer.Turn(Duration.ofMinutes(1).toNanos()));
            }
        }
    }
}
