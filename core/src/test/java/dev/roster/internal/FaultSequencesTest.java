package dev.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Capabilities;
import dev.roster.ConflictException;
import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderInfo;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import dev.roster.fixtures.TestInvitations;
import dev.roster.spi.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outcome 2 of the reliability issue, proved exhaustively at the policy: under every sequence of up
 * to {@value #LONGEST} faults (each vendor call in turn answered normally, refused with a 500,
 * rate limited, or acted on with its answer lost), one {@code invite} leaves at most one invitation
 * for its email, and one {@code revoke} never reports an invitation it revoked as unknown, nor an
 * unknown id as revoked. Invites run against a vendor that refuses a second pending invitation
 * (409) and one that accepts it, where only core's lookup-before-resend stands between a lost
 * answer and a duplicate; revokes against a vendor that deletes a revoked invitation (OpenAI: a
 * second delete is a 404) and one that keeps it as REVOKED (Confluent: a second delete succeeds).
 */
@DisplayName("Under every fault sequence")
class FaultSequencesTest {

    private static final int LONGEST = 5;
    private static final RetryPolicy POLICY =
            new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(80), Duration.ofSeconds(5), Duration.ofSeconds(2));

    /** What the fake vendor does with one call. */
    enum Fault {
        NONE, SERVER_ERROR, RATE_LIMITED, ANSWER_LOST
    }

    @ParameterizedTest(name = "at a vendor that {0} a second pending invitation")
    @ValueSource(strings = {"refuses", "accepts"})
    @DisplayName("one invite leaves at most one invitation for its email, exactly one when it succeeds")
    void inviteNeverDuplicates(String duplicates) {
        boolean refusesDuplicates = duplicates.equals("refuses");
        List<String> violations = new ArrayList<>();
        int runs = 0;
        for (List<Fault> faults : sequences()) {
            runs++;
            FakeVendor vendor = new FakeVendor(refusesDuplicates, faults);
            InvitationProvider policy = policyAround(vendor);
            Optional<Invitation> returned;
            try {
                returned = Optional.of(policy.invite(InvitationRequest.of("ada@example.com")));
            } catch (ProviderUnavailableException | RateLimitedException transientFailure) {
                returned = Optional.empty();
            } catch (RosterException other) {
                violations.add(faults + ": threw " + other.getClass().getSimpleName() + ": " + other.getMessage());
                continue;
            }
            List<Invitation> held = vendor.heldFor("ada@example.com");
            if (held.size() > 1) {
                violations.add(faults + ": the vendor holds " + held.size() + " invitations (calls: " + vendor.calls + ")");
            } else if (returned.isPresent() && (held.isEmpty() || !held.get(0).id().equals(returned.get().id()))) {
                violations.add(faults + ": invite returned " + returned.get().id() + " but the vendor holds " + held);
            }
        }
        assertThat(violations)
                .as("Of %d fault sequences, these broke 'one invite, at most one invitation' (core's lookup-before-resend "
                        + "in RetryingAttempts and PolicyInvitationProvider.invite is what prevents them)", runs)
                .isEmpty();
        assertThat(runs).isEqualTo(1 + 4 + 16 + 64 + 256 + 1024);
    }

    @ParameterizedTest(name = "at a vendor that {0} a revoked invitation")
    @ValueSource(strings = {"deletes", "keeps"})
    @DisplayName("one revoke of a pending invitation answers true or fails, never 'no such invitation'")
    void revokeNeverDenies(String revoked) {
        List<String> violations = new ArrayList<>();
        for (List<Fault> faults : sequences()) {
            FakeVendor vendor = new FakeVendor(true, List.of()).deletingRevoked(revoked.equals("deletes"));
            Invitation existing = vendor.create("ada@example.com");
            vendor.script(faults);
            InvitationProvider policy = policyAround(vendor);
            try {
                boolean answer = policy.revoke(existing.id());
                InvitationStatus now = vendor.status(existing.id());
                if (!answer || (now != null && now != InvitationStatus.REVOKED)) {
                    violations.add(faults + ": revoke answered " + answer + ", the invitation is " + now + " (calls: "
                            + vendor.calls + ")");
                }
            } catch (ProviderUnavailableException | RateLimitedException transientFailure) {
                // Allowed: the caller is told the outcome is not known, and may revoke again.
            }
        }
        assertThat(violations).as("revoke of a pending invitation under fault sequences").isEmpty();
    }

    @ParameterizedTest(name = "at a vendor that {0} a revoked invitation")
    @ValueSource(strings = {"deletes", "keeps"})
    @DisplayName("one revoke of an unknown id answers false or fails, never 'revoked'")
    void revokeNeverInventsAnInvitation(String revoked) {
        List<String> violations = new ArrayList<>();
        int runs = 0;
        for (List<Fault> faults : sequences()) {
            runs++;
            FakeVendor vendor = new FakeVendor(true, List.of()).deletingRevoked(revoked.equals("deletes"));
            Invitation bystander = vendor.create("grace@example.com");
            vendor.script(faults);
            InvitationProvider policy = policyAround(vendor);
            try {
                if (policy.revoke("inv_unknown")) {
                    violations.add(faults + ": revoke of an unknown id answered true (calls: " + vendor.calls + ")");
                }
            } catch (ProviderUnavailableException | RateLimitedException transientFailure) {
                // Allowed: the outcome could not be learnt; revoking again answers false.
            }
            if (vendor.status(bystander.id()) != InvitationStatus.PENDING) {
                violations.add(faults + ": revoke of an unknown id changed another invitation");
            }
        }
        assertThat(violations)
                .as("Of %d fault sequences, these answered 'revoked' for an id the vendor never had (core must not take "
                        + "'gone after a failed delete' for success unless the invitation was there before)", runs)
                .isEmpty();
    }

    private static InvitationProvider policyAround(FakeVendor vendor) {
        FakeTime time = new FakeTime();
        return new PolicyInvitationProvider(vendor, new RetryingAttempts(POLICY, time, () -> 0.5, time), Redactor.of(List.of()));
    }

    /** Every sequence of faults of length 0 to {@value #LONGEST}. */
    private static List<List<Fault>> sequences() {
        List<List<Fault>> all = new ArrayList<>();
        all.add(List.of());
        for (int start = 0; start < all.size(); start++) {
            List<Fault> shorter = all.get(start);
            if (shorter.size() == LONGEST) {
                continue;
            }
            for (Fault fault : Fault.values()) {
                List<Fault> longer = new ArrayList<>(shorter);
                longer.add(fault);
                all.add(longer);
            }
        }
        return all;
    }

    /** A vendor whose every call, in turn, suffers the next scripted fault. */
    private static final class FakeVendor implements InvitationProvider {
        private final boolean refusesDuplicates;
        private boolean deletesRevoked;
        private final Deque<Fault> script = new ArrayDeque<>();
        private final List<Invitation> invitations = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        FakeVendor(boolean refusesDuplicates, List<Fault> faults) {
            this.refusesDuplicates = refusesDuplicates;
            script(faults);
        }

        /** Whether revoke removes the invitation (OpenAI), or keeps it as REVOKED and answers a second revoke with true (Confluent). */
        FakeVendor deletingRevoked(boolean deletes) {
            this.deletesRevoked = deletes;
            return this;
        }

        void script(List<Fault> faults) {
            script.clear();
            script.addAll(faults);
        }

        List<Invitation> heldFor(String email) {
            return invitations.stream().filter(i -> i.email().equals(email)).collect(Collectors.toList());
        }

        InvitationStatus status(String id) {
            return invitations.stream().filter(i -> i.id().equals(id)).findFirst().map(Invitation::status).orElse(null);
        }

        Invitation create(String email) {
            Invitation created = TestInvitations.pending("inv_" + (invitations.size() + 1), email);
            invitations.add(created);
            return created;
        }

        private <T> T call(String name, Supplier<T> effect) {
            Fault fault = script.isEmpty() ? Fault.NONE : script.removeFirst();
            calls.add(name + (fault == Fault.NONE ? "" : " (" + fault + ")"));
            ErrorDetails details = ErrorDetails.of("fake");
            switch (fault) {
                case SERVER_ERROR:
                    throw new ProviderUnavailableException("500", details.withHttpStatus(500), null);
                case RATE_LIMITED:
                    throw new RateLimitedException("429", Optional.of(Duration.ofMillis(30)), details.withHttpStatus(429), null);
                case ANSWER_LOST:
                    effect.get();
                    throw new ProviderUnavailableException("reset", details, new IOException("connection reset"));
                default:
                    return effect.get();
            }
        }

        @Override
        public ProviderInfo info() {
            return new ProviderInfo("fake", "Fake", Capabilities.builder().build());
        }

        @Override
        public Invitation invite(InvitationRequest request) {
            return call("invite", () -> {
                if (refusesDuplicates && heldFor(request.email()).stream().anyMatch(Invitation::isPending)) {
                    throw new ConflictException(ConflictException.Reason.ALREADY_INVITED, "already invited");
                }
                return create(request.email());
            });
        }

        @Override
        public Optional<Invitation> findByEmail(String email) {
            return call("findByEmail", () -> heldFor(email).stream().filter(Invitation::isPending).findFirst());
        }

        @Override
        public Optional<Invitation> find(String invitationId) {
            return call("find", () -> invitations.stream().filter(i -> i.id().equals(invitationId)).findFirst());
        }

        @Override
        public Page<Invitation> list(PageRequest request) {
            return call("list", () -> new Page<>(List.copyOf(invitations), Optional.empty()));
        }

        @Override
        public boolean revoke(String invitationId) {
            return call("revoke", () -> {
                for (int i = 0; i < invitations.size(); i++) {
                    Invitation invitation = invitations.get(i);
                    if (!invitation.id().equals(invitationId)) {
                        continue;
                    }
                    if (deletesRevoked) {
                        // As OpenAI does: gone, so a second delete finds nothing to revoke.
                        invitations.remove(i);
                        return true;
                    }
                    // As Confluent does: kept as REVOKED, and revoking it again succeeds again.
                    invitations.set(i, invitation.toBuilder().status(InvitationStatus.REVOKED).build());
                    return true;
                }
                return false;
            });
        }

        @Override
        public void close() {
        }
    }
}
