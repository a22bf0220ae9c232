package dev.roster.internal;

import dev.roster.RosterException;
import java.util.List;
import java.util.Objects;

/**
 * How core's policy records on a {@link RosterException} what it keeps out of the public API: the
 * attempts that led to it. {@code RosterException} registers the only implementation, a private
 * nested class of its own, while its class is initialised (the JDK's "shared secrets" pattern), so
 * adapters and applications see no setter on the exception. Not API: {@code dev.roster.internal} is
 * not exported by core's module, and the other modules' architecture tests forbid using it.
 */
public final class RosterExceptionAccess {

    /** What {@code dev.roster} lets core's policy do to an exception. */
    public interface Access {
        /**
         * Records the attempts that led to a failure, as {@link RosterException#attempts()} reports them.
         *
         * @param failure the failure about to be thrown
         * @param history one short description per failed attempt, oldest first
         */
        void recordAttempts(RosterException failure, List<String> history);
    }

    // No initializer on purpose: RosterException may register while this class is still being initialised.
    private static volatile Access access;

    private RosterExceptionAccess() {}

    /**
     * Registers the implementation; only {@code RosterException}'s own nested class is taken, once.
     *
     * @param implementation RosterException's implementation
     * @throws IllegalStateException if it is not RosterException's, or one is registered already
     */
    public static synchronized void register(Access implementation) {
        Objects.requireNonNull(implementation, "implementation");
        if (implementation.getClass().getNestHost() != RosterException.class) {
            throw new IllegalStateException("Only RosterException registers its access: not " + implementation.getClass().getName());
        }
        if (access != null) {
            throw new IllegalStateException("RosterException's access is registered already");
        }
        access = implementation;
    }

    /**
     * Records the attempts that led to a failure, shown by its message and {@link RosterException#attempts()}.
     *
     * @param failure the failure about to be thrown
     * @param history one short description per failed attempt, oldest first
     * @return the failure
     */
    public static RosterException recordAttempts(RosterException failure, List<String> history) {
        // Holding a RosterException means its class is initialised, and so has registered.
        access.recordAttempts(failure, history);
        return failure;
    }
}
