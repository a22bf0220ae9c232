package dev.roster.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Time that passes only when the code under test sleeps: no test ever really waits. */
final class FakeTime implements RetryingAttempts.Sleeper, RetryingAttempts.Ticker {

    final List<Duration> waits = new ArrayList<>();
    long now = 1_000_000_000L;

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        now += duration.toNanos();
    }

    @Override
    public long nanoTime() {
        return now;
    }

    Duration elapsedSince(long start) {
        return Duration.ofNanos(now - start);
    }
}
