package dev.roster.sync;

import dev.roster.Capabilities;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a valid desired state and each connection's invitations (and members, where its provider can
 * list them) into a {@link Plan}: one listing of each per connection (all connections read
 * concurrently), then {@link Decisions} per person and connection.
 */
final class Planner {

    private Planner() {}

    /** What the planner read at one connection. */
    record Seen(InvitationIndex invitations, Optional<MemberIndex> members) {
        static Seen read(InvitationProvider provider) {
            return new Seen(InvitationIndex.read(provider), MemberIndex.read(provider));
        }
    }

    static Plan plan(DesiredState state, Map<String, InvitationProvider> providers) {
        List<ConnectionSpec> connections = state.connections();
        List<Seen> seen;
        try (Workers workers = new Workers("plan", connections.size())) {
            seen = workers.map(connections, c -> Seen.read(providers.get(c.name())));
        }
        List<PlannedConnection> planned = new ArrayList<>();
        List<PlanStep> steps = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            ConnectionSpec connection = connections.get(i);
            InvitationProvider provider = providers.get(connection.name());
            planned.add(new PlannedConnection(connection.name(), provider.info().id(), connection.prune()));
            steps.addAll(decide(state, connection, provider.info().capabilities(), seen.get(i)));
        }
        return new Plan(Plan.FORMAT_VERSION, Fingerprint.of(state), planned, steps);
    }

    /**
     * The steps at one connection: its people in the state's order, then what pruning finds (invitations
     * and members of people not listed there), by address.
     */
    static List<PlanStep> decide(DesiredState state, ConnectionSpec connection, Capabilities capabilities, Seen at) {
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
            Optional<SeenInvitation> invitation = at.invitations().find(email).map(SeenInvitation::of);
            Optional<Member> member = at.members().flatMap(m -> m.find(email));
            boolean same = member.isPresent() && !invitation.map(i -> i.status() == dev.roster.InvitationStatus.ACCEPTED)
                    .orElse(false)
                    ? AccessMatch.sameRole(member.get().role(), wanted, capabilities)
                    : invitation.map(s -> AccessMatch.same(s, wanted, capabilities)).orElse(false);
            Decisions.decide(invitation.map(SeenInvitation::status), membership(at, member), true, same, connection.prune())
                    .ifPresent(d -> steps.add(new PlanStep(connection.name(), email, d.action(), invitation,
                            member.map(SeenMember::of), Optional.of(wanted), d.note())));
        }
        Set<String> others = new TreeSet<>(at.invitations().all().keySet());
        at.members().ifPresent(m -> others.addAll(m.all().keySet()));
        others.removeAll(listed);
        for (String key : others) {
            Optional<Invitation> invitation = at.invitations().find(key);
            Optional<Member> member = at.members().flatMap(m -> m.find(key));
            String email = invitation.map(Invitation::email).or(() -> member.flatMap(Member::email)).orElse(key);
            Decisions.decide(invitation.map(Invitation::status), membership(at, member), false, false, connection.prune())
                    .ifPresent(d -> steps.add(new PlanStep(connection.name(), email, d.action(),
                            invitation.map(SeenInvitation::of), member.map(SeenMember::of), Optional.empty(), d.note())));
        }
        return steps;
    }

    private static Decisions.Membership membership(Seen at, Optional<Member> member) {
        if (at.members().isEmpty()) {
            return Decisions.Membership.NOT_READ;
        }
        return member.map(m -> m.serviceAccount() ? Decisions.Membership.PROTECTED : Decisions.Membership.MEMBER)
                .orElse(Decisions.Membership.NONE);
    }
}
