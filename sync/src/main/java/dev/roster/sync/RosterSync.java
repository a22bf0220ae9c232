package dev.roster.sync;

import dev.roster.InvitationProvider;
import dev.roster.spi.InputRules;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps vendors in step with a desired state: {@link #problems checks} it, {@link #plan plans} the
 * changes, and {@link #apply applies} a plan. It works with any providers, connected by name (two
 * names may use the same provider id, such as two OpenAI organisations, each through its own
 * provider); it does not close them.
 *
 * <pre>{@code
 * try (InvitationProvider openai = InvitationProviders.load("openai", ProviderConfig.fromEnvironment())) {
 *     DesiredState state = new DesiredState(
 *             List.of(ConnectionSpec.of("openai", "openai").withDefaults(Access.none().withRole("reader"))),
 *             List.of(Person.of("ada@example.com").at("openai"),
 *                     Person.of("grace@example.com").at("openai", Access.none().withRole("owner"))));
 *     RosterSync sync = RosterSync.of(Map.of("openai", openai));
 *     Plan plan = sync.plan(state);                       // one listing per connection
 *     System.out.println(plan.summary().describe());      // Plan: 2 to invite, 0 to re-invite, ...
 *     ApplyReport report = sync.apply(plan, state);
 *     System.out.println(report.describe());              // Apply: 2 done, 0 skipped as stale, 0 failed.
 * }
 * }</pre>
 *
 * <p>Thread-safe: it holds nothing but the providers.
 */
public final class RosterSync {

    private final Map<String, InvitationProvider> providers;

    private RosterSync(Map<String, InvitationProvider> providers) {
        this.providers = providers;
    }

    /**
     * An engine for these connections.
     *
     * @param providers connection name (as the desired state names it) to the provider to reach it
     *     through, as {@code InvitationProviders.load} returns it (with core's policy: validation,
     *     retries, pacing of 429s, idempotent invite)
     * @return the engine
     * @throws dev.roster.InvalidRequestException if the map, a name or a provider is null, or one
     *     provider is given for two names (two connections to one organisation would undo each other)
     */
    public static RosterSync of(Map<String, InvitationProvider> providers) {
        Map<String, InvitationProvider> copy = Checks.orderedMap(providers, "providers");
        Map<InvitationProvider, String> names = new IdentityHashMap<>();
        copy.forEach((name, provider) -> {
            String other = names.putIfAbsent(provider, name);
            if (other != null) {
                throw new dev.roster.InvalidRequestException("The same provider is connected as " + InputRules.quote(other)
                        + " and " + InputRules.quote(name) + "; give each connection its own provider (two connections to "
                        + "one organisation would undo each other's changes).");
            }
        });
        return new RosterSync(copy);
    }

    /**
     * Every problem of the state, without any I/O: names, provider ids, emails (invalid, or listed
     * twice ignoring case), unknown connections, and roles, project roles and attributes the
     * connection's provider does not have. Each comes with its path in the file's terms:
     * {@code vendors.<name>}, {@code vendors.<name>.provider}, {@code defaults.<name>.role},
     * {@code defaults.<name>.projects[j].id} / {@code .role}, {@code defaults.<name>.attributes.<key>},
     * {@code people[i].email}, {@code people[i].vendors.<name>} and the same under it as for defaults.
     *
     * @param state the desired state
     * @return the problems, connections first and then people, each in the state's order; empty if none
     * @throws dev.roster.InvalidRequestException if the state is null
     */
    public List<Problem> problems(DesiredState state) {
        return StateCheck.problems(Checks.required(state, "state"), providers);
    }

    /**
     * Plans: reads each connection's invitations once, and its members where its provider can list
     * them (all connections at once, each lazily page by page), and decides for each person at each of
     * their connections, and for each pending invitation (and, with {@link Prune#MEMBERS}, each member)
     * of someone not listed at a connection that prunes. See {@link Action} for what each step means.
     *
     * @param state the desired state
     * @return the plan
     * @throws InvalidDesiredStateException listing every problem, before any request is sent
     * @throws dev.roster.RosterException if a vendor could not be read (after core's retries)
     */
    public Plan plan(DesiredState state) {
        requireValid(state);
        return Planner.plan(state, providers);
    }

    /**
     * Applies a plan with the {@link ApplyOptions#defaults() defaults}: every step's precondition
     * checked first, and no listener.
     *
     * @param plan the plan, made just now or saved earlier
     * @param state the desired state it was made for
     * @return how each step ended
     * @throws PlanMismatchException if the plan was made for another state or other connections
     * @throws InvalidDesiredStateException if the state has problems
     */
    public ApplyReport apply(Plan plan, DesiredState state) {
        return apply(plan, state, ApplyOptions.defaults(), ApplyListener.NONE);
    }

    /**
     * Applies a plan: checks that it was made for this state and these connections, then runs its
     * steps, every connection at once, each through its one provider. A failed step does not stop the
     * others. Running a new plan again is always safe (a done step is no longer planned), and so is
     * running the same plan again with preconditions checked (the default: a done step is then stale);
     * with {@link ApplyOptions} checking no preconditions, re-run a plan only just after making it.
     *
     * @param plan the plan, made just now or saved earlier
     * @param state the desired state it was made for
     * @param options how to apply it
     * @param listener hears each step start and end
     * @return how each step that changes something ended, in plan order
     * @throws PlanMismatchException if the plan was made for another state or other connections, or
     *     in another format; nothing was applied
     * @throws InvalidDesiredStateException if the state has problems; nothing was applied
     */
    public ApplyReport apply(Plan plan, DesiredState state, ApplyOptions options, ApplyListener listener) {
        Checks.required(plan, "plan");
        Checks.required(options, "options");
        Checks.required(listener, "listener");
        requireValid(state);
        requireMadeFor(plan, state);
        return new Applier(providers, options, listener).apply(plan);
    }

    private void requireValid(DesiredState state) {
        List<Problem> problems = problems(state);
        if (!problems.isEmpty()) {
            throw new InvalidDesiredStateException(problems);
        }
    }

    private void requireMadeFor(Plan plan, DesiredState state) {
        if (plan.formatVersion() != Plan.FORMAT_VERSION) {
            throw new PlanMismatchException("This plan has format version " + plan.formatVersion() + "; this Roster reads "
                    + "version " + Plan.FORMAT_VERSION + ". Plan again with this Roster.");
        }
        String fingerprint = Fingerprint.of(state);
        if (!fingerprint.equals(plan.fingerprint())) {
            throw new PlanMismatchException("This plan was made for another desired state (another file, or this one "
                    + "before it changed, or other vendors): plan fingerprint " + plan.fingerprint() + ", state fingerprint "
                    + fingerprint + ". Nothing was applied; plan again.");
        }
        Set<String> planned = plan.connections().stream().map(PlannedConnection::name).collect(Collectors.toSet());
        Set<String> declared = state.connections().stream().map(ConnectionSpec::name).collect(Collectors.toSet());
        if (!planned.equals(declared)) {
            throw new PlanMismatchException("This plan covers the vendors " + planned + ", the state declares " + declared
                    + ". Nothing was applied; plan again.");
        }
        for (PlannedConnection connection : plan.connections()) {
            String connected = providers.get(connection.name()).info().id();
            if (!connected.equals(connection.providerId())) {
                throw new PlanMismatchException("This plan was made with provider " + InputRules.quote(connection.providerId())
                        + " for " + InputRules.quote(connection.name()) + ", but " + InputRules.quote(connected)
                        + " is connected now. Nothing was applied; plan again.");
            }
        }
        for (PlanStep step : plan.steps()) {
            if (!planned.contains(step.connection())) {
                throw new PlanMismatchException("A step of this plan is for " + InputRules.quote(step.connection())
                        + ", a vendor the plan does not cover; the plan is damaged. Nothing was applied; plan again.");
            }
        }
    }
}
