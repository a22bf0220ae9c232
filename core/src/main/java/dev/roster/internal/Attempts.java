package dev.roster.internal;

import java.util.function.Supplier;

/**
 * How a call to the vendor is attempted. This is the seam where retries live: today every call is
 * made once; a retrying implementation replaces {@link #once()} without touching the adapters.
 */
public interface Attempts {

    /**
     * Runs a call under this policy.
     *
     * @param <T> the call's result type
     * @param operation the operation's name, for error messages (such as {@code "invite"})
     * @param call the call to the adapter
     * @return what the call returned
     */
    <T> T run(String operation, Supplier<T> call);

    /**
     * Every call made exactly once.
     *
     * @return the single-attempt policy
     */
    static Attempts once() {
        return new Attempts() {
            @Override
            public <T> T run(String operation, Supplier<T> call) {
                return call.get();
            }
        };
    }
}
