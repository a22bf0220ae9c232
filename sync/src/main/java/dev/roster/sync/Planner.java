package dev.roster.sync;

import dev.roster.Capabilities;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a valid desired state and each connection's invitations into a {@link Plan}: one listing per
 * connection (all connections read concurrently), then {@link Decisions} per person and connection.
 */
final class Planner {

    private Planner() {}

    static Plan plan(DesiredState state, Map<String, InvitationProvider> providers) {
        List<ConnectionSpec> connections = state.connections();
        List<InvitationIndex> indexes;
        try (Workers workers = new Workers("plan", connections.size())) {
            indexes = workers.map(connections, c -> InvitationIndex.read(providers.get(c.name())));
        }
        List<PlannedConnection> planned = new ArrayList<>();
        List<PlanStep> steps = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            ConnectionSpec connection = connections.get(i);
            InvitationProvider provider = providers.get(connection.name());
            planned.add(new PlannedConnection(connection.name(), provider.info().id(), connection.prune()));
            steps.addAll(decide(state, connection, provider.info().capabilities(), indexes.get(i)));
        }
        return new Plan(Plan.FORMAT_VERSION, Fingerprint.of(state), planned, steps);
    }

    /** The steps at one connection: its people in the state's order, then what pruning finds, by address. */
    static List<PlanStep> decide(DesiredState state, ConnectionSpec connection, Capabilities capabilities,
                                      InvitationIndex index) {
        List<PlanStep> steps = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Person person : state.people()) {
            Access overrides = person.connections().get(connection.name());
            if (overrides == null) {
                continue;
            }
            String email = person.email().strip();
            listed.add(Checks.emailKey(email));
            Access wanted = connection.defaults().overriddenBy(overrides);
            Optional<SeenInvitation> seen = index.find(email).map(SeenInvitation::of);
            boolean same = seen.map(s -> AccessMatch.same(s, wanted, capabilities)).orElse(false);
            Decisions.decide(seen.map(SeenInvitation::status), true, same, connection.prune())
                    .ifPresent(d -> steps.add(new PlanStep(connection.name(), email, d.action(), seen,
                            Optional.of(wanted), d.note())));
        }
        new TreeMap<>(index.all()).forEach((key, invitation) -> {
            if (!listed.contains(key)) {
                unlisted(connection, invitation).ifPresent(steps::add);
            }
        });
        return steps;
    }

    private static Optional<PlanStep> unlisted(ConnectionSpec connection, Invitation invitation) {
        return Decisions.decide(Optional.of(invitation.status()), false, false, connection.prune())
                .map(d -> new PlanStep(connection.name(), invitation.email(), d.action(),
                        Optional.of(SeenInvitation.of(invitation)), Optional.empty(), d.note()));
    }
}
