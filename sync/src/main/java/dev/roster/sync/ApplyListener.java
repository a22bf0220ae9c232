package dev.roster.sync;

/**
 * Hears an apply's progress: for progress output, and for the journal (one {@link StepResult} per
 * step). The engine calls a listener from one thread at a time, so it needs no locking of its own;
 * it should return quickly, since steps wait for it. Nothing it is given carries a credential. An
 * exception it throws (a journal that cannot be written) does not stop the steps under way, and is
 * rethrown by {@code apply} once they have ended, instead of a report.
 */
public interface ApplyListener {

    /** A listener that hears nothing. */
    ApplyListener NONE = new ApplyListener() {};

    /**
     * A step is about to start.
     *
     * @param change the step
     */
    default void started(PlanStep change) {}

    /**
     * A step ended.
     *
     * @param result how it ended
     */
    default void finished(StepResult result) {}
}
