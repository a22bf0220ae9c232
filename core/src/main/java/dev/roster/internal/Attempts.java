package dev.roster.internal;

import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import dev.roster.spi.RateLimitStatus;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a call to the vendor is attempted: once, or retried under a {@link RetryPolicy}. Adapters
 * never retry; this is the one place that does, the same for every vendor.
 */
public interface Attempts {

    /**
     * Runs a call, retrying failures the policy considers transient.
     *
     * @param <T> the call's result type
     * @param operation the operation's name, for error messages (such as {@code "list"})
     * @param call the call to the adapter
     * @return what the call returned
     */
    default <T> T run(String operation, Supplier<T> call) {
        return run(operation, call, failure -> Optional.empty());
    }

    /**
     * Runs a call whose effect may have happened even though it failed. Before each retry after a
     * failure whose outcome is unknown (a 5xx, an I/O error, a timeout), {@code recover} is asked
     * whether the effect is already there; if it answers a value, that value is the result and the
     * call is not sent again. The call is sent again only after {@code recover} answered empty; if
     * {@code recover} fails, it is retried (as an attempt) or the call ends, never re-sent unchecked.
     *
     * @param <T> the call's result type
     * @param operation the operation's name, for error messages
     * @param call the call to the adapter
     * @param recover looks for the call's effect; empty when it is not there
     * @return what the call (or {@code recover}) returned
     */
    <T> T run(String operation, Supplier<T> call, Function<RosterException, Optional<T>> recover);

    /**
     * Whether a call may be tried again after a failure whose outcome is unknown, and so whether
     * {@code recover} may ever be asked. False when every call is made once: the failure is then
     * thrown as it is.
     *
     * @return true if failures are retried
     */
    boolean retries();

    /**
     * What a vendor's answer said about its rate limit, reported by an adapter that implements
     * {@link dev.roster.spi.RateLimitReporting}: the calls made through this instance are paced by it.
     * Does nothing by default.
     *
     * @param status the vendor's reading of its rate limit
     */
    default void rateLimitStatus(RateLimitStatus status) {
        // Nothing paces here.
    }

    /**
     * Every call made exactly once.
     *
     * @return the single-attempt policy
     */
    static Attempts once() {
        return retrying(RetryPolicy.none());
    }

    /**
     * Calls retried under the policy, sleeping between attempts. Each instance keeps its own
     * pacer, shared by every call made through it: create one per provider.
     *
     * @param policy the retry policy
     * @return the retrying policy
     */
    static Attempts retrying(RetryPolicy policy) {
        return new RetryingAttempts(policy, RetryingAttempts.Sleeper.THREAD_SLEEP, RetryingAttempts.Jitter.RANDOM,
                RetryingAttempts.Ticker.SYSTEM);
    }
}
