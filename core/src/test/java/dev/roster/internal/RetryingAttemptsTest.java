package dev.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryingAttemptsTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(30));

    private final FakeTime time = new FakeTime();
    private final List<Duration> waits = time.waits;
    private final RetryingAttempts attempts = retrying(POLICY, 1.0);

    private RetryingAttempts retrying(RetryPolicy policy, double jitter) {
        return new RetryingAttempts(policy, time, () -> jitter, time);
    }

    private static RateLimitedException limited(Duration retryAfter) {
        return new RateLimitedException("slow down", Optional.of(retryAfter), ErrorDetails.of("test").withHttpStatus(429), null);
    }

    private static RosterException http(int status) {
        ErrorDetails details = ErrorDetails.of("test").withHttpStatus(status);
        return status == 429
                ? new RateLimitedException("slow down", Optional.empty(), details, null)
                : new ProviderUnavailableException("vendor failed", details, null);
    }

    private static RosterException io() {
        return new ProviderUnavailableException("connection reset", ErrorDetails.of("test"), new IOException("reset"));
    }

    /** A call that fails with the given failures in turn, then answers "ok". */
    private static Supplier<String> failing(RosterException... failures) {
        Deque<RosterException> queue = new ArrayDeque<>(List.of(failures));
        return () -> {
            if (!queue.isEmpty()) {
                throw queue.removeFirst();
            }
            return "ok";
        };
    }

    @Nested
    @DisplayName("what is retried")
    class WhatIsRetried {

        @ParameterizedTest(name = "HTTP {0}")
        @ValueSource(ints = {429, 500, 502, 503, 504})
        @DisplayName("a transient status is retried until the call succeeds")
        void transientStatuses(int status) {
            assertThat(attempts.run("list", failing(http(status), http(status)))).isEqualTo("ok");
            assertThat(waits).hasSize(2);
        }

        @Test
        @DisplayName("a connection failure or timeout (no status) is retried")
        void ioFailures() {
            assertThat(attempts.run("list", failing(io()))).isEqualTo("ok");
            assertThat(waits).hasSize(1);
        }

        @ParameterizedTest(name = "HTTP {0}")
        @ValueSource(ints = {200, 201, 204})
        @DisplayName("a 2xx answer whose body could not be read is an unknown outcome: looked up, then retried")
        void unreadableAnswers(int status) {
            RosterException unreadable = new ProviderUnavailableException("not JSON",
                    ErrorDetails.of("test").withHttpStatus(status), new IOException("Unexpected end-of-input"));
            List<String> lookups = new ArrayList<>();
            assertThat(attempts.run("invite", failing(unreadable), failure -> {
                lookups.add(failure.getMessage());
                return Optional.empty();
            })).isEqualTo("ok");
            assertThat(lookups).hasSize(1);
            assertThat(RetryingAttempts.describe(unreadable)).isEqualTo("HTTP " + status + " (unreadable): IOException");
        }

        @Test
        @DisplayName("the attempt history names the class of the real failure, not the redacted copy adapters attach")
        void historyNamesTheOriginalFailure() {
            dev.roster.spi.Redactor redactor = dev.roster.spi.Redactor.of(List.of("sk-secret"));
            RosterException lost = new ProviderUnavailableException("no answer", ErrorDetails.of("test"),
                    redactor.redact(new java.net.ConnectException("refused")));
            RosterException nested = new ProviderUnavailableException("no answer", ErrorDetails.of("test"),
                    redactor.redact(new Enclosing.Timeout("slow")));
            assertThat(RetryingAttempts.describe(lost)).isEqualTo("I/O (no response): ConnectException");
            assertThat(RetryingAttempts.describe(nested)).isEqualTo("I/O (no response): Timeout");
        }

        @Test
        @DisplayName("a 2xx reported as any other error is not retried")
        void otherTwoHundreds() {
            RosterException odd = new dev.roster.RosterException("odd", ErrorDetails.of("test").withHttpStatus(200), null);
            assertThatThrownBy(() -> attempts.run("list", failing(odd))).isSameAs(odd);
        }

        @ParameterizedTest(name = "HTTP {0}")
        @ValueSource(ints = {501, 505, 599, 102, 999})
        @DisplayName("any other unknown outcome (a 5xx or a status no table names) is looked up, then retried")
        void otherUnknownOutcomes(int status) {
            RosterException failure = new ProviderUnavailableException("odd", ErrorDetails.of("test").withHttpStatus(status), null);
            List<String> lookups = new ArrayList<>();
            assertThat(attempts.run("invite", failing(failure), unknown -> {
                lookups.add(unknown.getMessage());
                return Optional.empty();
            })).isEqualTo("ok");
            assertThat(lookups).hasSize(1);
            assertThat(waits).hasSize(1);
        }

        @Test
        @DisplayName("a client error is thrown at once, never retried")
        void clientErrors() {
            AtomicInteger calls = new AtomicInteger();
            InvalidRequestException invalid = new InvalidRequestException("bad", ErrorDetails.of("test").withHttpStatus(400), null);
            assertThatThrownBy(() -> attempts.run("list", () -> {
                calls.incrementAndGet();
                throw invalid;
            })).isSameAs(invalid);
            assertThat(calls).hasValue(1);
        }
    }

    @Nested
    @DisplayName("how long it waits")
    class Waits {

        @Test
        @DisplayName("backoff doubles from the base and stops growing at the max")
        void exponentialAndCapped() {
            assertThatThrownBy(() -> retrying(
                    new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(30)), 1.0)
                    .run("list", failing(io(), io(), io(), io(), io(), io())))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                    Duration.ofMillis(500), Duration.ofMillis(500));
        }

        @Test
        @DisplayName("jitter spreads a wait between half and all of the backoff")
        void jitter() {
            RetryingAttempts noJitter = retrying(POLICY, 0.0);
            assertThat(noJitter.backoff(1)).isEqualTo(Duration.ofMillis(50));
            assertThat(noJitter.backoff(3)).isEqualTo(Duration.ofMillis(200));
            assertThat(attempts.backoff(3)).isEqualTo(Duration.ofMillis(400));
        }

        @Test
        @DisplayName("the vendor's Retry-After is waited out instead of the backoff")
        void honoursRetryAfter() {
            RateLimitedException limited = new RateLimitedException("slow down", Optional.of(Duration.ofSeconds(7)),
                    ErrorDetails.of("test").withHttpStatus(429), null);
            ProviderUnavailableException unavailable = new ProviderUnavailableException("later",
                    Optional.of(Duration.ofSeconds(2)), ErrorDetails.of("test").withHttpStatus(503), null);
            assertThat(attempts.run("list", failing(limited, unavailable))).isEqualTo("ok");
            assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
        }

        @Test
        @DisplayName("a Retry-After beyond the cap is not slept but surfaces at once, carrying the wait")
        void retryAfterBeyondCap() {
            RateLimitedException limited = new RateLimitedException("slow down", Optional.of(Duration.ofMinutes(5)),
                    ErrorDetails.of("test").withHttpStatus(429), null);
            assertThatThrownBy(() -> attempts.run("list", failing(limited)))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.retryAfter()).contains(Duration.ofMinutes(5));
                        assertThat(e.getMessage()).contains("300 s").contains("maxHonouredWait");
                    });
            assertThat(waits).isEmpty();
        }
    }

    @Nested
    @DisplayName("when it gives up")
    class GivingUp {

        @Test
        @DisplayName("the final error says how many attempts were made and what each failure was")
        void reportsEveryAttempt() {
            RosterException last = http(503);
            assertThatThrownBy(() -> attempts.run("list", failing(http(429), io(), http(500), http(502), last, http(500))))
                    .isSameAs(last)
                    .hasMessageContaining("Gave up after 5 attempts")
                    .hasMessageContaining("1) HTTP 429 (rate limited)")
                    .hasMessageContaining("2) I/O (no response): IOException")
                    .hasMessageContaining("3) HTTP 500 (failed)")
                    .hasMessageContaining("4) HTTP 502 (failed)")
                    .hasMessageContaining("5) HTTP 503 (failed)");
            assertThat(last.attempts()).hasSize(5);
        }

        @Test
        @DisplayName("with no rate-limit budget, a 429 uses up an attempt like any failure")
        void noRateLimitBudget() {
            RosterException last = http(503);
            RetryingAttempts strict = retrying(POLICY.withRateLimitBudget(Duration.ZERO), 1.0);
            assertThatThrownBy(() -> strict.run("list", failing(http(429), io(), http(500), last, http(500))))
                    .isSameAs(last)
                    .hasMessageContaining("Gave up after 4 attempts")
                    .hasMessageContaining("1) HTTP 429 (rate limited)");
        }

        @Test
        @DisplayName("a run of identical failures is written once in the message, but kept one by one in attempts()")
        void runsAreCompressed() {
            RetryingAttempts patient = retrying(new RetryPolicy(8, Duration.ofMillis(1), Duration.ofMillis(1),
                    Duration.ofSeconds(1), Duration.ZERO), 1.0);
            RosterException last = http(503);
            assertThatThrownBy(() -> patient.run("list", failing(io(), http(429), http(429), http(429), http(429), http(429),
                    http(429), last)))
                    .isSameAs(last)
                    .hasMessageContaining("1) I/O (no response): IOException; 2-7) HTTP 429 (rate limited); 8) HTTP 503 (failed).");
            assertThat(last.attempts()).hasSize(8);
        }

        @Test
        @DisplayName("RetryPolicy.none() tries once and leaves the message alone")
        void none() {
            RosterException failure = http(503);
            RetryingAttempts once = retrying(RetryPolicy.none(), 1.0);
            assertThatThrownBy(() -> once.run("list", failing(failure))).isSameAs(failure)
                    .hasMessageNotContaining("Gave up");
            assertThat(waits).isEmpty();
        }
    }

    @Nested
    @DisplayName("calls whose outcome is unknown")
    class UnknownOutcome {

        @Test
        @DisplayName("are looked up before being sent again, and the found effect is the result")
        void recoversInsteadOfResending() {
            AtomicInteger sent = new AtomicInteger();
            String result = attempts.run("invite", () -> {
                sent.incrementAndGet();
                throw io();
            }, failure -> Optional.of("found"));
            assertThat(result).isEqualTo("found");
            assertThat(sent).hasValue(1);
        }

        @Test
        @DisplayName("are sent again when the lookup finds nothing")
        void resendsWhenNothingFound() {
            List<String> lookups = new ArrayList<>();
            String result = attempts.run("invite", failing(http(500)), failure -> {
                lookups.add("looked");
                return Optional.empty();
            });
            assertThat(result).isEqualTo("ok");
            assertThat(lookups).hasSize(1);
        }

        @Test
        @DisplayName("a 429 was refused before acting, so it is resent without a lookup")
        void rateLimitNeedsNoLookup() {
            List<String> lookups = new ArrayList<>();
            attempts.run("invite", failing(http(429)), failure -> {
                lookups.add("looked");
                return Optional.empty();
            });
            assertThat(lookups).isEmpty();
        }

        @Test
        @DisplayName("retry a lookup that fails transiently, and send again only once a lookup found nothing")
        void transientLookupFailureIsRetriedAsALookup() {
            List<String> steps = new ArrayList<>();
            Deque<RosterException> lookupFailures = new ArrayDeque<>(List.of(http(503), io()));
            Deque<RosterException> sendFailures = new ArrayDeque<>(List.of(io()));
            String result = attempts.run("invite", () -> {
                steps.add("send");
                if (!sendFailures.isEmpty()) {
                    throw sendFailures.removeFirst();
                }
                return "sent";
            }, failure -> {
                steps.add("lookup");
                if (!lookupFailures.isEmpty()) {
                    throw lookupFailures.removeFirst();
                }
                return Optional.empty();
            });
            assertThat(result).isEqualTo("sent");
            assertThat(steps).containsExactly("send", "lookup", "lookup", "lookup", "send");
        }

        @Test
        @DisplayName("never send again while the lookup keeps failing: the call ends with its own failure")
        void lookupFailureNeverLeadsToAResend() {
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger lookups = new AtomicInteger();
            RosterException first = io();
            assertThatThrownBy(() -> attempts.run("invite", () -> {
                sent.incrementAndGet();
                throw first;
            }, failure -> {
                lookups.incrementAndGet();
                throw http(503);
            })).isSameAs(first)
                    .hasMessageContaining("Gave up after 4 attempts")
                    .hasMessageContaining("2-4) checking whether invite took effect: HTTP 503 (failed)");
            assertThat(sent).hasValue(1);
            assertThat(lookups).hasValue(3);
        }

        @Test
        @DisplayName("stop at once, with the call's own failure, when the lookup fails in a way that is not retried")
        void lookupFailsForGood() {
            AtomicInteger sent = new AtomicInteger();
            RosterException first = io();
            assertThatThrownBy(() -> attempts.run("invite", () -> {
                sent.incrementAndGet();
                throw first;
            }, failure -> {
                throw new InvalidRequestException("bad", ErrorDetails.of("test").withHttpStatus(400), null);
            })).isSameAs(first).hasMessageContaining("checking whether invite took effect: HTTP 400 (failed)");
            assertThat(sent).hasValue(1);
        }
    }

    @Nested
    @DisplayName("rate limits, a pace rather than a failure")
    class Pacing {

        @Test
        @DisplayName("a storm of 429s longer than maxAttempts is waited out while the call stays within the budget")
        void stormWithinBudget() {
            RosterException[] storm = new RosterException[10];
            java.util.Arrays.fill(storm, limited(Duration.ofSeconds(1)));
            assertThat(attempts.run("invite", failing(storm))).isEqualTo("ok");
            assertThat(waits).hasSize(10).containsOnly(Duration.ofSeconds(1));
        }

        @Test
        @DisplayName("a 429 without a wait is paced with the backoff, without using up attempts")
        void stormWithoutRetryAfter() {
            assertThat(attempts.run("list", failing(http(429), http(429), http(429), http(429), http(429)))).isEqualTo("ok");
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                    Duration.ofMillis(800), Duration.ofMillis(1000));
        }

        @Test
        @DisplayName("once the budget is spent, 429s count as attempts, and the final error says why it stopped")
        void budgetSpent() {
            RetryingAttempts budgeted = retrying(POLICY.withRateLimitBudget(Duration.ofSeconds(5)), 1.0);
            long start = time.nanoTime();
            Supplier<String> forever = () -> {
                throw limited(Duration.ofSeconds(2));
            };
            assertThatThrownBy(() -> budgeted.run("invite", forever))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                        assertThat(e.attempts()).hasSize(6);
                    })
                    .hasMessageContaining("Still rate limited after pacing")
                    .hasMessageContaining("Last answer: slow down [provider=test, status=429] Gave up")
                    .hasMessageContaining("RetryPolicy.rateLimitBudget")
                    .hasMessageContaining("1-6) HTTP 429 (rate limited)");
            // Paced at 0 s and 2 s; at 4 s another 2 s would pass the 5 s budget, so 4 attempts follow.
            assertThat(waits).hasSize(5);
            assertThat(time.elapsedSince(start)).isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        @DisplayName("a Retry-After of zero is no hint: the backoff applies")
        void zeroRetryAfter() {
            assertThat(attempts.run("list", failing(limited(Duration.ZERO), new ProviderUnavailableException("later",
                    Optional.of(Duration.ZERO), ErrorDetails.of("test").withHttpStatus(503), null)))).isEqualTo("ok");
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        }

        @Test
        @DisplayName("one 429 holds back the next call through the same provider until its wait is over")
        void holdIsShared() {
            RetryingAttempts noRetries = retrying(new RetryPolicy(1, Duration.ofMillis(100), Duration.ofSeconds(1),
                    Duration.ofSeconds(30)), 1.0);
            RateLimitedException limit = limited(Duration.ofSeconds(3));
            assertThatThrownBy(() -> noRetries.run("invite", failing(limit, limit))).isSameAs(limit);
            assertThat(waits).isEmpty();

            long start = time.nanoTime();
            List<Duration> sentAt = new ArrayList<>();
            noRetries.run("list", () -> sentAt.add(time.elapsedSince(start)));
            assertThat(sentAt).containsExactly(Duration.ofSeconds(3));
        }

        @Test
        @DisplayName("the hold only grows: a shorter wait asked later does not cut a longer one short")
        void holdNeverShrinks() {
            RetryingAttempts noRetries = retrying(new RetryPolicy(1, Duration.ofMillis(100), Duration.ofSeconds(1),
                    Duration.ofSeconds(30)), 1.0);
            long start = time.nanoTime();
            assertThatThrownBy(() -> noRetries.run("invite", () -> {
                // While this request is in flight, another thread's request is told to wait 5 s...
                assertThatThrownBy(() -> noRetries.run("invite", failing(limited(Duration.ofSeconds(5)))))
                        .isInstanceOf(RateLimitedException.class);
                // ...and then this one is told to wait 1 s.
                throw limited(Duration.ofSeconds(1));
            })).isInstanceOf(RateLimitedException.class);
            List<Duration> sentAt = new ArrayList<>();
            noRetries.run("list", () -> sentAt.add(time.elapsedSince(start)));
            assertThat(sentAt).containsExactly(Duration.ofSeconds(5));
        }

        @Test
        @DisplayName("a wait beyond maxHonouredWait holds nobody back: the caller gets the error and decides")
        void tooLongHoldsNobody() {
            assertThatThrownBy(() -> attempts.run("invite", failing(limited(Duration.ofMinutes(5)))))
                    .isInstanceOf(RateLimitedException.class);
            assertThat(attempts.run("list", () -> "ok")).isEqualTo("ok");
            assertThat(waits).isEmpty();
        }
    }

    /** Holds a nested failure class, whose simple name must not carry its enclosing class. */
    static final class Enclosing {
        static final class Timeout extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Timeout(String message) {
                super(message);
            }
        }
    }
}
