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

    private final List<Duration> waits = new ArrayList<>();
    private final RetryingAttempts attempts = new RetryingAttempts(POLICY, waits::add, () -> 1.0);

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
        @ValueSource(ints = {501, 505})
        @DisplayName("other 5xx statuses are not retried")
        void otherServerErrors(int status) {
            RosterException failure = http(status);
            assertThatThrownBy(() -> attempts.run("list", failing(failure))).isSameAs(failure);
            assertThat(waits).isEmpty();
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
            assertThatThrownBy(() -> new RetryingAttempts(
                    new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(30)),
                    waits::add, () -> 1.0).run("list", failing(io(), io(), io(), io(), io(), io())))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                    Duration.ofMillis(500), Duration.ofMillis(500));
        }

        @Test
        @DisplayName("jitter spreads a wait between half and all of the backoff")
        void jitter() {
            RetryingAttempts noJitter = new RetryingAttempts(POLICY, waits::add, () -> 0.0);
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
            assertThatThrownBy(() -> attempts.run("list", failing(http(429), io(), http(500), last, http(500))))
                    .isSameAs(last)
                    .hasMessageContaining("Gave up after 4 attempts")
                    .hasMessageContaining("1) HTTP 429 (rate limited)")
                    .hasMessageContaining("2) I/O (no response): IOException")
                    .hasMessageContaining("3) HTTP 500 (failed)")
                    .hasMessageContaining("4) HTTP 503 (failed)");
            assertThat(last.attempts()).hasSize(4);
        }

        @Test
        @DisplayName("RetryPolicy.none() tries once and leaves the message alone")
        void none() {
            RosterException failure = http(503);
            RetryingAttempts once = new RetryingAttempts(RetryPolicy.none(), waits::add, () -> 1.0);
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
        @DisplayName("stop rather than risk a duplicate when the lookup itself fails")
        void lookupFailureStops() {
            AtomicInteger sent = new AtomicInteger();
            RosterException first = io();
            assertThatThrownBy(() -> attempts.run("invite", () -> {
                sent.incrementAndGet();
                throw first;
            }, failure -> {
                throw http(503);
            })).isSameAs(first).hasMessageContaining("checking whether invite took effect");
            assertThat(sent).hasValue(1);
        }
    }
}
