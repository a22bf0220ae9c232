package dev.roster.sync;

import java.util.List;

/**
 * What it takes to bring the vendors in step with a desired state: one {@link PlanStep} per
 * person and connection (and per pending invitation or member to prune, and per member a pruned
 * connection leaves alone), grouped by connection in the state's order, people in the state's order, then the
 * others by address. Steps whose action is {@link Action#UNCHANGED} do nothing; {@link #changes()}
 * are the others.
 *
 * <p><b>A plain, stable structure.</b> A plan is records, lists, strings, enums and
 * {@code Optional}s, nothing else, so that the CLI saves and reads it with Jackson as is
 * ({@code Jdk8Module} for the {@code Optional}s); the engine itself stays free of JSON.
 * {@link #formatVersion()} says which shape it has; a plan of another version is refused.
 *
 * @param formatVersion the shape of this structure, {@value #FORMAT_VERSION}
 * @param fingerprint the fingerprint of the desired state it was made for (its connections included):
 *     applying it with another state is refused
 * @param connections the connections it was made for
 * @param steps its steps, unchanged ones included
 */
public record Plan(int formatVersion, String fingerprint, List<PlannedConnection> connections, List<PlanStep> steps) {

    /** The current {@link #formatVersion()}. */
    public static final int FORMAT_VERSION = 2;

    /**
     * Checks that nothing is null and takes immutable copies.
     *
     * @param formatVersion the shape of this structure
     * @param fingerprint the fingerprint of the desired state it was made for
     * @param connections the connections it was made for
     * @param steps its steps, unchanged ones included
     * @throws dev.roster.InvalidRequestException if a component or an element is null
     */
    public Plan {
        Checks.required(fingerprint, "Plan.fingerprint");
        connections = Checks.list(connections, "Plan.connections");
        steps = Checks.list(steps, "Plan.steps");
    }

    /**
     * How many steps of each kind it has, and its summary line.
     *
     * @return the summary
     */
    public PlanSummary summary() {
        return PlanSummary.of(steps);
    }

    /**
     * The steps that change something, in plan order.
     *
     * @return the steps whose action is not {@link Action#UNCHANGED}
     */
    public List<PlanStep> changes() {
        return steps.stream().filter(c -> c.action().changes()).toList();
    }
}
