package dev.roster.sync;

/** How a step of a plan ended when applied. */
public enum Outcome {
    /** It was carried out (or the vendor already was as the step wanted: see the result's message). */
    DONE,
    /**
     * Not carried out: the vendor no longer shows what the plan saw (someone changed it since the plan,
     * or an earlier run already did the step). Plan again to see what is left.
     */
    SKIPPED_STALE,
    /** It failed; the result carries the typed error's message and the vendor's request id. Running again is safe. */
    FAILED
}
