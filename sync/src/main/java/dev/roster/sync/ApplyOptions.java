package dev.roster.sync;

import dev.roster.InvalidRequestException;
import java.time.Clock;

/**
 * How to apply a plan.
 *
 * @param checkPreconditions whether to check every step against the vendor first (one fresh listing
 *     per connection) and skip, as {@link Outcome#SKIPPED_STALE}, a step whose invitation is no longer
 *     what the plan saw; always wanted for a saved plan, and only skippable for a plan made moments ago
 * @param parallelism how many steps run at once per connection (through that connection's one provider,
 *     whose pacing slows them all down together when the vendor answers 429)
 * @param clock the clock stamping each {@link StepResult}
 */
public record ApplyOptions(boolean checkPreconditions, int parallelism, Clock clock) {

    /** The default {@link #parallelism()}: a few requests at a time, kind to vendors' rate limits. */
    public static final int DEFAULT_PARALLELISM = 4;

    /**
     * Checks the values.
     *
     * @param checkPreconditions whether to check every step against the vendor first
     * @param parallelism how many steps run at once per connection, 1 to 64
     * @param clock the clock stamping each result
     * @throws InvalidRequestException if the parallelism is out of range or the clock is null
     */
    public ApplyOptions {
        if (parallelism < 1 || parallelism > 64) {
            throw new InvalidRequestException("The parallelism must be 1 to 64 steps at a time per connection; got "
                    + parallelism + ".");
        }
        Checks.required(clock, "ApplyOptions.clock");
    }

    /**
     * Preconditions checked, {@value #DEFAULT_PARALLELISM} steps at a time per connection, the system clock.
     *
     * @return the defaults
     */
    public static ApplyOptions defaults() {
        return new ApplyOptions(true, DEFAULT_PARALLELISM, Clock.systemUTC());
    }

    /**
     * These options with preconditions checked or not.
     *
     * @param value whether to check
     * @return a copy
     */
    public ApplyOptions withCheckPreconditions(boolean value) {
        return new ApplyOptions(value, parallelism, clock);
    }

    /**
     * These options with another parallelism.
     *
     * @param value steps at a time per connection
     * @return a copy
     */
    public ApplyOptions withParallelism(int value) {
        return new ApplyOptions(checkPreconditions, value, clock);
    }

    /**
     * These options with another clock.
     *
     * @param value the clock
     * @return a copy
     */
    public ApplyOptions withClock(Clock value) {
        return new ApplyOptions(checkPreconditions, parallelism, value);
    }
}
