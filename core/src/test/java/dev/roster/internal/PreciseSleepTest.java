package dev.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The pacer's real sleep: never ends early, and an interrupt ends it")
class PreciseSleepTest {

    @Test
    @DisplayName("returns no sooner than asked, for waits shorter and longer than its spin, and fractions of a millisecond")
    void neverEarly() throws InterruptedException {
        for (long nanos : new long[] {0, 50_000, 150_000, 420_000, 1_300_000, 4_700_000}) {
            long start = System.nanoTime();
            RetryingAttempts.Sleeper.THREAD_SLEEP.sleep(Duration.ofNanos(nanos));
            assertThat(System.nanoTime() - start).as("a wait of %d ns", nanos).isGreaterThanOrEqualTo(nanos);
        }
    }

    @Test
    @DisplayName("an interrupted thread gets an InterruptedException instead of waiting out the rest")
    void interrupted() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> RetryingAttempts.Sleeper.THREAD_SLEEP.sleep(Duration.ofMinutes(10)))
                .isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).as("the interrupt is consumed by the exception, as Thread.sleep does").isFalse();
    }
}
