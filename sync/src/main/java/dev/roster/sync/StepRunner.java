package dev.roster.sync;

import dev.roster.ConflictException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.RosterException;
import java.time.Clock;
import java.util.Optional;

/**
 * Carries out one step of a plan through a connection's provider and says how it ended. It never
 * throws: every failure becomes a {@link Outcome#FAILED} result, carrying only what Roster's typed
 * exceptions say (never a credential).
 */
final class StepRunner {

    private final InvitationProvider provider;
    private final Clock clock;

    StepRunner(InvitationProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * Runs the step, after checking its precondition against the vendor's current invitations when
     * they were read.
     */
    StepResult run(PlanStep change, Optional<InvitationIndex> now, Optional<MemberIndex> members) {
        if (now.isPresent()) {
            Optional<String> stale = Preconditions.staleness(change, now.get().find(change.email()).map(SeenInvitation::of),
                    members.flatMap(m -> m.find(change.email())).map(SeenMember::of));
            if (stale.isPresent()) {
                return result(change, Outcome.SKIPPED_STALE, Optional.empty(), Optional.empty(), stale);
            }
        }
        try {
            return switch (change.action()) {
                case INVITE, REINVITE -> invite(change, "");
                case REPLACE -> replace(change);
                case REVOKE -> revoke(change);
                case REMOVE_MEMBER -> removeMember(change);
                case UNCHANGED -> result(change, Outcome.DONE, Optional.empty(), Optional.empty(), Optional.of("nothing to do"));
            };
        } catch (RosterException e) {
            return failed(change, e, "");
        } catch (RuntimeException e) {
            // Not one of Roster's exceptions: its message is not known to be free of secrets, so only its type is told.
            return result(change, Outcome.FAILED, Optional.empty(), Optional.empty(),
                    Optional.of("Unexpected failure (" + e.getClass().getName() + ") in the provider; running again is safe."));
        }
    }

    private StepResult invite(PlanStep change, String before) {
        Access wanted = change.wanted().orElseThrow(() -> new PlanMismatchException("The step for " + change.email()
                + " at " + change.connection() + " says " + change.action().label() + " but not with what access; "
                + "the plan is damaged: plan again."));
        InvitationRequest request = request(change.email(), wanted);
        Invitation sent;
        try {
            sent = provider.invite(request);
        } catch (ConflictException e) {
            if (e.reason() == ConflictException.Reason.ALREADY_MEMBER) {
                return result(change, Outcome.DONE, Optional.empty(), Optional.empty(),
                        Optional.of(before + "already a member of the organisation: nothing to invite"));
            }
            throw e;
        }
        Optional<String> note = AccessMatch.same(SeenInvitation.of(sent), wanted, provider.info().capabilities())
                ? (before.isEmpty() ? Optional.empty() : Optional.of(before.strip()))
                : Optional.of(before + "the vendor already had a pending invitation for this address, " + sent.id()
                        + ", with other access; plan again to replace it");
        return result(change, Outcome.DONE, Optional.of(sent.id()), Optional.empty(), note);
    }

    private StepResult replace(PlanStep change) {
        String pending = change.seen().map(SeenInvitation::id).orElseThrow(() -> new PlanMismatchException(
                "The replace step for " + change.email() + " at " + change.connection()
                        + " names no invitation to revoke; the plan is damaged: plan again."));
        boolean revoked = provider.revoke(pending);
        String before = revoked ? "revoked " + pending + "; " : pending + " was already gone; ";
        try {
            return invite(change, before);
        } catch (RosterException e) {
            return failed(change, e, before + "inviting anew failed (the next plan invites): ");
        }
    }

    private StepResult revoke(PlanStep change) {
        String id = change.seen().map(SeenInvitation::id).orElseThrow(() -> new PlanMismatchException(
                "The revoke step for " + change.email() + " at " + change.connection()
                        + " names no invitation; the plan is damaged: plan again."));
        boolean revoked = provider.revoke(id);
        return result(change, Outcome.DONE, Optional.of(id), Optional.empty(),
                revoked ? Optional.empty() : Optional.of("the vendor no longer had this invitation"));
    }

    /**
     * Removes a member the state does not list: their pending invitation first (so the address cannot
     * accept its way back in), then the membership, by the id the plan saw.
     */
    private StepResult removeMember(PlanStep change) {
        SeenMember member = change.member().orElseThrow(() -> new PlanMismatchException("The remove-member step for "
                + change.email() + " at " + change.connection() + " names no member; the plan is damaged: plan again."));
        if (member.serviceAccount()) {
            throw new PlanMismatchException("The remove-member step for " + change.email() + " at " + change.connection()
                    + " names a service account, which Roster never prunes; the plan is damaged: plan again.");
        }
        StringBuilder said = new StringBuilder();
        Optional<String> revoked = Optional.empty();
        Optional<SeenInvitation> pending = change.seen().filter(s -> s.status() == dev.roster.InvitationStatus.PENDING);
        if (pending.isPresent() && provider.revoke(pending.get().id())) {
            revoked = Optional.of(pending.get().id());
            said.append("revoked ").append(pending.get().id()).append("; ");
        }
        boolean removed = provider.members().remove(member.id());
        said.append(removed ? "removed member " + member.id() : "member " + member.id() + " was already gone");
        return result(change, Outcome.DONE, revoked, Optional.empty(), Optional.of(said.toString()));
    }

    private static InvitationRequest request(String email, Access wanted) {
        InvitationRequest.Builder builder = InvitationRequest.builder(email).role(wanted.role().orElse(null));
        wanted.projects().ifPresent(projects -> builder.projects(projects.stream().map(ProjectAccess::toGrant).toList()));
        wanted.attributes().forEach(builder::attribute);
        return builder.build();
    }

    private StepResult failed(PlanStep change, RosterException e, String before) {
        return result(change, Outcome.FAILED, Optional.empty(), e.requestId(), Optional.of(before + e.getMessage()));
    }

    private StepResult result(PlanStep change, Outcome outcome, Optional<String> invitationId,
                              Optional<String> requestId, Optional<String> message) {
        return new StepResult(clock.instant(), change.connection(), change.email(), change.action(), outcome,
                invitationId, requestId, message);
    }
}
