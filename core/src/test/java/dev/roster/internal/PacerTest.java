package dev.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Capabilities;
import dev.roster.ErrorDetails;
import dev.roster.InvitationProvider;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.fixtures.RecordingProvider;
import dev.roster.spi.RateLimitReporting;
import dev.roster.spi.RateLimitStatus;
import dev.roster.spi.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The pacer on a fake clock that only its sleeper moves: every wait is exact, nothing sleeps. */
@DisplayName("Pacer: calls held back before the vendor has to refuse them")
class PacerTest {

    private static final Duration NO_CAP = Duration.ofMinutes(1);

    private final FakeTime time = new FakeTime();
    private final Pacer pacer = new Pacer(time, time);

    private void awaitTimes(int calls) throws InterruptedException {
        for (int i = 0; i < calls; i++) {
            pacer.await(NO_CAP);
        }
    }

    private static RateLimitStatus status(long limit, long remaining, Duration resetIn) {
        return new RateLimitStatus(limit, remaining, resetIn);
    }

    @Test
    @DisplayName("never waits, and keeps nothing, when nothing is known")
    void nothingKnown() throws InterruptedException {
        awaitTimes(100);
        pacer.accepted();

        assertThat(time.waits).isEmpty();
        assertThat(pacer.pace()).isNull();
    }

    @Nested
    @DisplayName("from the vendor's rate-limit headers")
    class FromHeaders {

        @Test
        @DisplayName("spreads the requests remaining evenly until the reset")
        void spreadsRemaining() throws InterruptedException {
            pacer.observe(status(100, 9, Duration.ofSeconds(1)));

            awaitTimes(3);

            // 100 ms each, stretched by the 5% margin a pacer starts with.
            assertThat(time.waits).containsExactly(Duration.ofMillis(105), Duration.ofMillis(105), Duration.ofMillis(105));
        }

        @Test
        @DisplayName("sends what is left beyond half the limit at once, however far the reset, one call each; then spreads the rest")
        void halfLeftIsFree() throws InterruptedException {
            pacer.observe(status(300, 200, Duration.ofSeconds(60)));

            awaitTimes(50);
            assertThat(time.waits).as("the 50 calls beyond half the limit").isEmpty();

            pacer.await(NO_CAP); // threads that read the same answer do not all spend what it said was left
            assertThat(time.waits).hasSize(1);
            assertThat(time.waits.get(0).toMillis()).isBetween(300L, 320L); // 60 s / 201, with the margin
        }

        @Test
        @DisplayName("a bucket of one with its token left lets one call go at once, not every caller that read it")
        void bucketOfOne() throws InterruptedException {
            pacer.observe(status(1, 0, Duration.ofMillis(5))); // the spacing: a token every 5 ms
            time.sleep(Duration.ofMillis(20));
            time.waits.clear();
            pacer.observe(status(1, 1, Duration.ZERO)); // full again

            awaitTimes(3);

            assertThat(time.waits).hasSize(2);
            assertThat(time.waits.get(0)).isEqualTo(Duration.ofNanos(5_250_000));
        }

        @Test
        @DisplayName("with plenty remaining and the limit about to reset, sends at once")
        void plentyLeft() throws InterruptedException {
            pacer.observe(status(200, 200, Duration.ZERO));

            awaitTimes(50);

            assertThat(time.waits).isEmpty();
        }

        @Test
        @DisplayName("with none remaining, holds the next call until the reset, and the margin")
        void noneRemaining() throws InterruptedException {
            pacer.observe(status(100, 0, Duration.ofSeconds(2)));

            pacer.await(NO_CAP);

            assertThat(time.waits).containsExactly(Duration.ofMillis(2100));
        }

        @Test
        @DisplayName("with none remaining, a refusal's short reset holds until then but keeps the spacing learned")
        void strictBucket() throws InterruptedException {
            pacer.observe(status(1, 0, Duration.ofMillis(5))); // a request let through: the next token in 5 ms
            pacer.await(NO_CAP);
            pacer.observe(status(1, 0, Duration.ofMillis(1))); // a refusal of another caller: 1 ms to the token
            pacer.await(NO_CAP);
            pacer.await(NO_CAP);

            // 5 ms to the next token and 5 ms apart, each with the 5% margin a pacer starts with.
            assertThat(time.waits).containsExactly(Duration.ofMillis(5).plusNanos(250_000), Duration.ofMillis(5).plusNanos(250_000),
                    Duration.ofMillis(5).plusNanos(250_000));
        }

        @Test
        @DisplayName("a newer answer changes the pace")
        void newerAnswerWins() throws InterruptedException {
            pacer.observe(status(100, 9, Duration.ofSeconds(1)));
            pacer.await(NO_CAP);
            pacer.observe(status(1000, 99, Duration.ofSeconds(1)));
            pacer.await(NO_CAP);
            pacer.await(NO_CAP);

            assertThat(time.waits).containsExactly(Duration.ofMillis(105), Duration.ofMillis(10).plusNanos(500_000),
                    Duration.ofMillis(10).plusNanos(500_000));
        }

        @Test
        @DisplayName("forgets the limit once its reset has passed without news, and then costs nothing")
        void forgets() throws InterruptedException {
            pacer.observe(status(100, 9, Duration.ofSeconds(1)));
            time.sleep(Duration.ofSeconds(2));
            time.waits.clear();

            awaitTimes(20);

            assertThat(time.waits).isEmpty();
            assertThat(pacer.pace()).isNull();
        }

        @Test
        @DisplayName("does not wait for a slot further away than the cap: the call goes, and the vendor decides")
        void capped() throws InterruptedException {
            pacer.observe(status(50, 0, Duration.ofHours(20)));

            pacer.await(Duration.ofSeconds(30));

            assertThat(time.waits).isEmpty();
        }
    }

    @Nested
    @DisplayName("between concurrent calls, at the slots they were given")
    class Slots {

        private Pacer.Turn turn() {
            return new Pacer.Turn(NO_CAP.toNanos());
        }

        /** Two calls' slots on a bucket of one (a token every 5 ms), given at the same instant. */
        private record TwoSlots(Pacer.Turn first, long firstSlot, Pacer.Turn second, long secondSlot) {}

        private TwoSlots twoSlots() {
            pacer.observe(status(1, 0, Duration.ofMillis(5)));
            long start = time.now;
            Pacer.Turn first = turn();
            Pacer.Turn second = turn();
            return new TwoSlots(first, pacer.step(first, start, 0), second, pacer.step(second, start, 0));
        }

        /** As {@link #twoSlots()}, the first call sent at its slot. */
        private TwoSlots firstOfTwoSent() {
            TwoSlots slots = twoSlots();
            assertThat(pacer.step(slots.first(), slots.firstSlot(), 0)).isEqualTo(slots.firstSlot());
            return slots;
        }

        @Test
        @DisplayName("a call whose slot a 429's hold covers takes a new one behind the others, so the held calls do not all go when it ends")
        void holdRequeues() {
            pacer.observe(status(1, 0, Duration.ofMillis(5)));
            long start = time.now;
            Pacer.Turn first = turn();
            Pacer.Turn second = turn();
            Pacer.Turn third = turn();
            long firstSlot = pacer.step(first, start, 0);
            long secondSlot = pacer.step(second, start, 0);
            long thirdSlot = pacer.step(third, start, 0);
            pacer.refused(Duration.ofMillis(8), true); // another call's 429: nothing before start + 8 ms

            long again = pacer.step(first, firstSlot, 0);

            assertThat(secondSlot).isGreaterThan(start + Duration.ofMillis(8).toNanos()); // after the hold: it stands
            assertThat(pacer.step(second, secondSlot, 0)).isEqualTo(secondSlot);
            assertThat(again - thirdSlot).as("the held call, behind the last slot given").isGreaterThanOrEqualTo(5_250_000L);
        }

        @Test
        @DisplayName("a call that finds the latest call went later than its slot keeps the interval from when it actually went")
        void lateThreadKeepsInterval() {
            TwoSlots slots = twoSlots();
            Pacer.Turn late = slots.first();
            Pacer.Turn onTime = slots.second();
            long lateSlot = slots.firstSlot();
            long onTimeSlot = slots.secondSlot();

            long wentLate = lateSlot + Duration.ofMillis(4).toNanos(); // its thread woke 4 ms after its slot
            assertThat(pacer.step(late, wentLate, 0)).isEqualTo(wentLate);

            assertThat(pacer.step(onTime, onTimeSlot, 0)).isEqualTo(wentLate + 5_250_000L);
        }

        @Test
        @DisplayName("wakes early by the lateness its sleeps have shown, counting a stall as a millisecond at most")
        void wakesEarlyBySlack() throws InterruptedException {
            for (int i = 0; i < 100; i++) {
                pacer.overslept(200_000);
            }
            assertThat(pacer.slack()).isBetween(199_000L, 200_000L);
            pacer.overslept(Duration.ofSeconds(1).toNanos());
            assertThat(pacer.slack()).isBetween(199_000L, 200_000L + (Pacer.MAX_LATENESS_NANOS - 200_000L) / 8);

            pacer.observe(status(100, 9, Duration.ofSeconds(1)));
            long slack = pacer.slack();
            pacer.await(NO_CAP);

            assertThat(time.waits).containsExactly(Duration.ofMillis(105).minusNanos(slack));
        }

        @Test
        @DisplayName("the headers' margin grows with each 429 among the calls they pace, and shrinks back as calls are accepted")
        void marginLearnsJitter() {
            pacer.observe(status(1, 0, Duration.ofMillis(5)));
            double first = pacer.margin();

            pacer.refused(Duration.ofMillis(1), true);
            assertThat(pacer.margin()).isCloseTo(first * 1.03, org.assertj.core.data.Offset.offset(1e-9));

            for (int i = 0; i < 39; i++) { // one refused in 40: the share the margin settles at
                pacer.accepted();
            }
            assertThat(pacer.margin()).isCloseTo(first, org.assertj.core.data.Offset.offset(1e-9));
        }

        @Test
        @DisplayName("a 429 to a call sent before the headers were known leaves the margin alone: it was sent blind, not early")
        void blindCallsTeachNoMargin() {
            long sentBlind = time.nanoTime();
            time.now += 1_000_000;
            pacer.observe(status(1, 0, Duration.ofMillis(5)));
            double first = pacer.margin();

            pacer.refused(Duration.ofMillis(4), true, sentBlind);

            assertThat(pacer.margin()).isEqualTo(first);
        }

        @Test
        @DisplayName("with none remaining, a call whose slot came waits for the wait the latest answer named, counted from its arrival")
        void waitsForTheAnswersWord() {
            TwoSlots slots = firstOfTwoSent();

            time.now = slots.firstSlot() + 2_000_000; // the first call's answer, 2 ms after it went: the next token in 5 ms
            pacer.observe(status(1, 0, Duration.ofMillis(5)));

            // Its slot, 5.25 ms after the first call, would have it arrive before the vendor's next token.
            assertThat(slots.secondSlot()).isEqualTo(slots.firstSlot() + 5_250_000L);
            assertThat(pacer.step(slots.second(), slots.secondSlot(), 0)).isEqualTo(time.now + 5_000_000L);
        }

        @Test
        @DisplayName("the answer's wait counts from its arrival less the fastest round trip seen: that much of the way is never waited for")
        void answerGateLessFastestRoundTrip() {
            long sent = time.now;
            time.now += 300_000; // an answer 0.3 ms after its call went: the fastest round trip so far
            pacer.answered(sent);
            pacer.observe(status(1, 0, Duration.ofMillis(5)));
            long arrival = time.now;
            Pacer.Turn next = turn();

            long until = pacer.step(next, arrival, 0);

            // The call it answered was counted at least the way back before its arrival; the next one takes at least
            // the way there: sent 5 ms - 0.3 ms after the answer (and the 5% margin a pacer starts with), it arrives no
            // sooner than 5 ms after the vendor's count.
            assertThat(until).isEqualTo(arrival + 4_700_000L + 250_000L);
        }

        @Test
        @DisplayName("a 429 to the latest call sent gives its slot, which the vendor did not count, to the next call, at the end of the wait it named")
        void refusedSlotReclaimed() {
            TwoSlots slots = firstOfTwoSent();

            time.now = slots.firstSlot() + 300_000; // refused: it arrived 1 ms before the vendor's next request
            pacer.refused(Duration.ofMillis(1), true, slots.firstSlot());
            Pacer.Turn retry = turn();

            long retrySlot = pacer.step(retry, time.now, 0);
            assertThat(retrySlot).as("the next request the vendor has, not one behind every slot given")
                    .isEqualTo(time.now + 1_000_000L).isLessThan(slots.secondSlot());
            assertThat(pacer.step(retry, retrySlot, 0)).isEqualTo(retrySlot);
            assertThat(pacer.step(slots.second(), slots.secondSlot(), 0)).as("the slot after it keeps the interval from it, with the margin grown by the 429")
                    .isEqualTo(retrySlot + (long) (5_000_000L * pacer.margin()));
        }

        @Test
        @DisplayName("a refused call's slot is void once a paced call has gone after its wait ended")
        void reclaimedSlotVoidOnceUsed() {
            TwoSlots slots = firstOfTwoSent();
            time.now = slots.firstSlot() + 300_000;
            pacer.refused(Duration.ofMillis(1), true, slots.firstSlot());
            long went = pacer.step(slots.second(), slots.secondSlot(), 0); // the floor from the first call
            assertThat(pacer.step(slots.second(), went, 0)).isEqualTo(went); // went after the wait

            time.now = went;
            long next = pacer.step(turn(), time.now, 0);

            assertThat(next).as("a slot of its own, an interval on").isGreaterThanOrEqualTo(went + 5_000_000L);
        }

        @Test
        @DisplayName("a 429 to a call sent before the latest paced one leaves every slot as it was given: that call's slot has gone")
        void refusedEarlierCallReclaimsNothing() {
            TwoSlots slots = firstOfTwoSent();
            pacer.step(slots.second(), slots.secondSlot(), 0);

            time.now = slots.secondSlot() + 300_000;
            pacer.refused(Duration.ofMillis(1), true, slots.firstSlot());
            Pacer.Turn retry = turn();

            assertThat(pacer.step(retry, time.now, 0)).isGreaterThanOrEqualTo(slots.secondSlot() + 5_250_000L);
        }
    }

    @Nested
    @DisplayName("from the spacing of 429s, without headers")
    class FromRefusals {

        @Test
        @DisplayName("a 429 holds every call back for its wait")
        void holds() throws InterruptedException {
            pacer.refused(Duration.ofSeconds(2), true);

            pacer.await(NO_CAP);

            assertThat(time.waits).containsExactly(Duration.ofSeconds(2));
        }

        @Test
        @DisplayName("a first 429 asking for a wait under a second paces calls one per wait, with a margin")
        void firstRefusalSetsPace() throws InterruptedException {
            pacer.refused(Duration.ofMillis(5), true);

            awaitTimes(4);

            // The 5 ms hold, then one call per 5 ms / 0.92, a little less as the pace probes upwards.
            assertThat(time.waits).hasSize(4);
            assertThat(time.waits.get(0)).isEqualTo(Duration.ofMillis(5));
            for (Duration wait : time.waits.subList(1, 4)) {
                assertThat(wait.toNanos()).isBetween(5_400_000L, 5_440_000L);
            }
        }

        @Test
        @DisplayName("after each answer, no call before the longest wait a 429 named, less the fastest round trip: a late arrival delays the next call, not refuses it")
        void answerGate() {
            pacer.refused(Duration.ofMillis(5), true); // a token bucket refilling one every 5 ms, at most
            time.sleep(Duration.ofMillis(5));
            long fast = time.nanoTime();
            time.now += 300_000;
            pacer.answered(fast); // the fastest round trip: 0.3 ms
            long slow = time.nanoTime();
            time.now += 2_300_000;
            pacer.answered(slow); // 2 ms slower on its way: the vendor may have counted it 2 ms late
            long arrival = time.now;

            long until = pacer.step(new Pacer.Turn(NO_CAP.toNanos()), arrival, 0);

            assertThat(until).isEqualTo(arrival + 4_700_000L);
        }

        @Test
        @DisplayName("answers hold nothing back once the pace learned from 429s is forgotten")
        void answerGateForgotten() throws InterruptedException {
            pacer.refused(Duration.ofMillis(5), true);
            time.sleep(Duration.ofSeconds(Pacer.FORGET_AFTER_SECONDS));
            time.waits.clear();
            long sent = time.nanoTime();
            time.now += 300_000;
            pacer.answered(sent);

            awaitTimes(10);

            assertThat(time.waits).isEmpty();
        }

        @Test
        @DisplayName("with many calls refused since, a 429 lowers the pace to what the vendor was accepting, with a margin")
        void lowersToAccepted() {
            pacer.refused(Duration.ofMillis(1), true); // 920 calls/s
            for (int i = 0; i < 20; i++) { // the vendor accepts 20 in 100 ms (200/s) and refuses 10
                time.sleep(Duration.ofMillis(5));
                pacer.accepted();
                if (i % 2 == 0) {
                    pacer.refused(Duration.ofMillis(1), true);
                }
            }

            pacer.refused(Duration.ofMillis(5), true);

            assertThat(pacer.pace().learnedRate()).isCloseTo(200 * 0.92, org.assertj.core.data.Offset.offset(0.01));
        }

        @Test
        @DisplayName("a bucket's longest wait keeps the pace at its refill rate when this client was too slow to show it")
        void longestWaitIsAFloor() {
            pacer.refused(Duration.ofMillis(2), true); // 460 calls/s: faster than the vendor's 200
            time.sleep(Duration.ofMillis(50));
            for (int i = 0; i < 5; i++) {
                pacer.accepted(); // a busy machine: 5 accepted in 250 ms (20/s), and 4 refused
            }
            for (int i = 0; i < 3; i++) {
                pacer.refused(Duration.ofMillis(i + 3), true);
            }
            time.sleep(Duration.ofMillis(200));

            pacer.refused(Duration.ofMillis(1), true);

            // Not the 18.4/s this client got through: a 5 ms wait for a token is a refill of 200/s, with the margin.
            assertThat(pacer.pace().learnedRate()).isCloseTo(200 * 0.92, org.assertj.core.data.Offset.offset(0.01));
        }

        @Test
        @DisplayName("with a few refused since, a 429 eases the pace by 5%; with hardly any, the pace stands")
        void easesOrStands() {
            pacer.refused(Duration.ofMillis(10), true); // 92 calls/s
            double base = pacer.pace().learnedRate();
            for (int i = 0; i < 18; i++) {
                pacer.accepted();
            }
            pacer.refused(Duration.ofMillis(10), true); // the same instant: counted, not judged
            pacer.accepted();
            pacer.accepted();
            pacer.refused(Duration.ofMillis(10), true); // 2 refused of 22: over 5%
            assertThat(pacer.pace().learnedRate()).isCloseTo(base * 0.95, org.assertj.core.data.Offset.offset(0.001));

            double eased = pacer.pace().learnedRate();
            for (int i = 0; i < 40; i++) {
                pacer.accepted();
            }
            pacer.refused(Duration.ofMillis(10), true); // 1 refused of 41: a limiter's jitter
            assertThat(pacer.pace().learnedRate()).isEqualTo(eased);
        }

        @Test
        @DisplayName("a burst of 429s lowers the pace once")
        void burstLowersOnce() {
            pacer.refused(Duration.ofMillis(5), true);
            double first = pacer.pace().learnedRate();

            pacer.refused(Duration.ofMillis(5), true);
            pacer.refused(Duration.ofMillis(5), true);

            assertThat(pacer.pace().learnedRate()).isEqualTo(first);
        }

        @Test
        @DisplayName("without refusals the pace rises, up to one call per the longest wait a 429 named, and after 30 s without a 429 it is forgotten")
        void relaxes() throws InterruptedException {
            pacer.refused(Duration.ofMillis(10), true); // 92 calls/s: about 10.9 ms apart
            time.sleep(Duration.ofSeconds(1)); // a second on, 10% faster: 101 calls/s, but a bucket that asked for 10 ms frees 100
            time.waits.clear();
            pacer.await(NO_CAP);
            pacer.await(NO_CAP);
            assertThat(time.waits.get(time.waits.size() - 1).toNanos()).isBetween(10_000_000L, 10_010_000L);

            pacer.refused(Duration.ofMillis(4), true); // a shorter wait raises no ceiling: the longest one stands
            time.sleep(Duration.ofSeconds(10));
            time.waits.clear();
            pacer.await(NO_CAP);
            pacer.await(NO_CAP);
            assertThat(time.waits.get(time.waits.size() - 1).toNanos()).isBetween(10_000_000L, 10_010_000L);

            time.sleep(Duration.ofSeconds(Pacer.FORGET_AFTER_SECONDS));
            time.waits.clear();
            awaitTimes(20);

            assertThat(time.waits).isEmpty();
            assertThat(pacer.pace()).isNull();
        }
    }

    @Test
    @DisplayName("is one pace for every thread: each call takes the next slot, whichever thread makes it")
    void sharedAcrossThreads() throws InterruptedException {
        // Four threads take their turn's first step at the same instant: each is handed a slot of its own.
        pacer.observe(status(100, 9, Duration.ofSeconds(1)));
        long now = time.nanoTime();
        Set<Long> slots = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    slots.add(pacer.step(new Pacer.Turn(NO_CAP.toNanos()), now, 0) - now);
                } catch (InterruptedException | RuntimeException e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(slots).containsExactlyInAnyOrder(105_000_000L, 210_000_000L, 315_000_000L, 420_000_000L);
    }

    @Nested
    @DisplayName("wired into core's policy")
    class Wiring {

        @Test
        @DisplayName("an adapter that reports rate limits paces the calls made through its provider")
        void reportingAdapterPaces() {
            ReportingAdapter adapter = new ReportingAdapter();
            RetryingAttempts attempts = new RetryingAttempts(RetryPolicy.defaults(), time, () -> 0.5, time);
            InvitationProvider provider = new PolicyInvitationProvider(adapter, attempts, Redactor.of(List.of()));
            assertThat(adapter.listener).as("core hands a listener to a reporting adapter").isNotNull();

            adapter.listener.accept(status(100, 9, Duration.ofSeconds(1)));
            provider.find("inv_1");
            provider.find("inv_2");

            // The second a hair shorter: the first call's acceptance narrowed the margin a little.
            assertThat(time.waits).hasSize(2);
            assertThat(time.waits.get(0)).isEqualTo(Duration.ofMillis(105));
            assertThat(time.waits.get(1).toNanos()).isBetween(104_900_000L, 105_000_000L);
        }

        @Test
        @DisplayName("429s teach the pace to every later call, through RetryingAttempts")
        void refusalsThroughAttempts() {
            RetryingAttempts attempts = new RetryingAttempts(RetryPolicy.defaults(), time, () -> 0.5, time);
            RateLimitedException refused = new RateLimitedException("slow down", Optional.of(Duration.ofMillis(5)),
                    ErrorDetails.of("test").withHttpStatus(429), null);
            boolean[] once = {true};

            attempts.run("invite", () -> {
                if (once[0]) {
                    once[0] = false;
                    throw refused;
                }
                return "ok";
            });
            attempts.run("invite", () -> "ok");

            // The retry waits out the hold; the next call its slot at the learned pace.
            assertThat(time.waits).hasSize(2);
            assertThat(time.waits.get(0)).isEqualTo(Duration.ofMillis(5));
            assertThat(time.waits.get(1).toNanos()).isBetween(5_400_000L, 5_440_000L);
        }
    }

    /** An adapter that reports its vendor's rate limits, as the Feign adapters do; it finds nothing. */
    private static final class ReportingAdapter implements InvitationProvider, RateLimitReporting {
        private final RecordingProvider recording = new RecordingProvider(Capabilities.builder().build());
        Consumer<RateLimitStatus> listener;

        @Override
        public void reportRateLimitsTo(Consumer<RateLimitStatus> listener) {
            this.listener = listener;
        }

        @Override
        public dev.roster.ProviderInfo info() {
            return recording.info();
        }

        @Override
        public dev.roster.Invitation invite(dev.roster.InvitationRequest request) {
            return recording.invite(request);
        }

        @Override
        public Optional<dev.roster.Invitation> find(String invitationId) {
            return recording.find(invitationId);
        }

        @Override
        public dev.roster.Page<dev.roster.Invitation> list(dev.roster.PageRequest request) {
            return recording.list(request);
        }

        @Override
        public boolean revoke(String invitationId) {
            return recording.revoke(invitationId);
        }

        @Override
        public void close() {
            recording.close();
        }
    }
}
