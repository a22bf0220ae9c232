package dev.roster.sync;

import java.util.List;

/**
 * How applying a plan went: one {@link StepResult} per step that changes something, in plan order.
 *
 * @param results the steps' results
 */
public record ApplyReport(List<StepResult> results) {

    /**
     * Takes an immutable copy.
     *
     * @param results the steps' results
     * @throws dev.roster.InvalidRequestException if the list or a result is null
     */
    public ApplyReport {
        results = Checks.list(results, "ApplyReport.results");
    }

    /**
     * How many steps ended with this outcome.
     *
     * @param outcome the outcome
     * @return the count
     */
    public int count(Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /**
     * Whether a step failed: the CLI then exits 1, and running again is safe.
     *
     * @return true if any step {@link Outcome#FAILED}
     */
    public boolean anyFailed() {
        return count(Outcome.FAILED) > 0;
    }

    /**
     * The summary line, such as {@code Apply: 5 done, 1 skipped as stale, 2 failed.}
     *
     * @return the line
     */
    public String describe() {
        return "Apply: " + count(Outcome.DONE) + " done, " + count(Outcome.SKIPPED_STALE) + " skipped as stale, "
                + count(Outcome.FAILED) + " failed.";
    }
}
