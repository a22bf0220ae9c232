package dev.roster.testkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.roster.ConflictException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.PageRequest;
import dev.roster.ProviderConfigurationException;
import dev.roster.RosterException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract's groups for what happens to an invitation after it is sent: revoke, the lifecycle
 * acted out through {@link VendorControl}, statuses that agree across every read, and a closed
 * provider. Part of {@link InvitationProviderContract} (see {@link ContractSupport} for why it is
 * split into several files); not meant to be extended on its own.
 */
abstract class RevokeAndLifecycleGroups extends InviteAndReadGroups {

    @Nested
    @DisplayName("revoke")
    class Revoke {

        @Test
        @DisplayName("revokes a pending invitation, which then is no longer pending")
        void revokesPending() {
            Invitation invited = provider.invite(InvitationRequest.of(newEmail("revoke")));
            boolean revoked = provider.revoke(invited.id());
            expectTrue(revoked, "revoke('" + invited.id() + "') of a pending invitation returned false",
                    "true", "that the adapter calls the vendor's delete endpoint and maps its success");
            Optional<Invitation> after = provider.find(invited.id());
            expectTrue(after.isEmpty() || !after.get().isPending(),
                    "after revoke(), find() still reports " + after.map(i -> i.status().toString()).orElse(""),
                    "the invitation gone or no longer PENDING", "that revoke() really deletes at the vendor");
        }

        @Test
        @DisplayName("answers a second revoke without throwing: true while the vendor still shows the invitation "
                + "(revoked), false once it has none; never pending again")
        void revokeTwice() {
            Invitation invited = provider.invite(InvitationRequest.of(newEmail("revoke-twice")));
            provider.revoke(invited.id());
            Optional<Invitation> before = provider.find(invited.id());
            boolean again;
            try {
                again = provider.revoke(invited.id());
            } catch (RosterException e) {
                throw failure("a second revoke('" + invited.id() + "') threw " + e, "no exception: revoking is safe to "
                                + "repeat", "how the adapter maps the vendor's answer to deleting a revoked invitation "
                                + "(Confluent: 204 again; OpenAI, which deletes outright: 404, which is false)", e);
            }
            expect(before.isPresent(), again, "a second revoke() returned " + again + " while find() "
                            + before.map(i -> "reports it " + i.status()).orElse("answers empty"),
                    "true while the vendor still has the invitation, false only when it has no such invitation",
                    "the adapter's mapping of the vendor's answer to a repeated delete");
            Optional<Invitation> after = provider.find(invited.id());
            expectTrue(after.isEmpty() || !after.get().isPending(),
                    "after a second revoke(), find() reports " + after.map(i -> i.status().toString()).orElse(""),
                    "the invitation gone or no longer PENDING", "that a repeated delete does not restore the invitation");
        }

        @Test
        @DisplayName("answers false for an id the vendor does not know")
        void unknownIdIsFalse() {
            String unknown = unknownInvitationId();
            boolean revoked;
            try {
                revoked = provider.revoke(unknown);
            } catch (RosterException e) {
                throw failure("revoke('" + unknown + "') threw " + e, "false for an unknown id",
                        "that the adapter maps the vendor's 404 on delete to false", e);
            }
            expectTrue(!revoked, "revoke('" + unknown + "') returned true", "false for an unknown id",
                    "that the adapter does not report success for a 404");
        }
    }

    @Nested
    @DisplayName("lifecycle, acted out through VendorControl")
    class Lifecycle {

        @BeforeEach
        void vendorControlRequired() {
            requireVendorControl();
        }

        @Test
        @DisplayName("reports an accepted invitation as accepted (where the provider declares accepted invitations observable)")
        void accepted() {
            requireAcceptedObservable();
            Invitation invited = provider.invite(InvitationRequest.of(newEmail("accepted")));
            vendor().accept(invited.id());
            InvitationStatus status = statusOf(invited.id());
            expect(InvitationStatus.ACCEPTED, status, "after the vendor accepted it, the invitation reports " + status,
                    "ACCEPTED", "the adapter's status mapping for accepted invitations");
        }

        @Test
        @DisplayName("reports an expired invitation as expired")
        void expired() {
            Invitation invited = provider.invite(InvitationRequest.of(newEmail("expired")));
            vendor().expire(invited.id());
            InvitationStatus status = statusOf(invited.id());
            expect(InvitationStatus.EXPIRED, status, "after the vendor expired it, the invitation reports " + status,
                    "EXPIRED", "the adapter's status mapping for expired invitations");
        }

        @Test
        @DisplayName("revokes an expired invitation without throwing, answering true, and it is never pending again")
        void revokeExpired() {
            Invitation invited = provider.invite(InvitationRequest.of(newEmail("revoke-expired")));
            vendor().expire(invited.id());
            boolean revoked;
            try {
                revoked = provider.revoke(invited.id());
            } catch (RosterException e) {
                throw failure("revoke('" + invited.id() + "') of an expired invitation threw " + e,
                        "no exception: an expired invitation can always be withdrawn",
                        "how the adapter maps the vendor's answer to deleting an expired invitation", e);
            }
            expectTrue(revoked, "revoke() of an expired invitation returned false", "true: the vendor had the invitation",
                    "that the adapter answers false only for the vendor's 404");
            Optional<Invitation> after = provider.find(invited.id());
            expectTrue(after.isEmpty() || after.get().status() == InvitationStatus.EXPIRED
                            || after.get().status() == InvitationStatus.REVOKED,
                    "after revoking an expired invitation, find() reports " + after.map(i -> i.status().toString()).orElse(""),
                    "the invitation gone, EXPIRED or REVOKED", "that a delete does not revive an expired invitation");
        }

        @Test
        @DisplayName("refuses to revoke an accepted invitation with a conflict ACCEPTED_CANNOT_BE_REVOKED where the "
                + "provider declares it cannot, and revokes it where it declares it can")
        void revokeAccepted() {
            requireAcceptedObservable();
            Invitation invited = provider.invite(InvitationRequest.of(newEmail("revoke-accepted")));
            vendor().accept(invited.id());
            if (!provider.info().capabilities().revokeAccepted()) {
                ConflictException conflict = expectThrows(ConflictException.class, () -> provider.revoke(invited.id()),
                        "revoke() of an accepted invitation", "a ConflictException, since the capabilities say "
                                + "revokeAccepted false", "how the adapter maps the vendor's refusal to delete an accepted "
                                + "invitation");
                expect(ConflictException.Reason.ACCEPTED_CANNOT_BE_REVOKED, conflict.reason(),
                        "revoke() of an accepted invitation threw a conflict with reason " + conflict.reason(),
                        "reason ACCEPTED_CANNOT_BE_REVOKED", "the adapter's error mapping for that refusal");
                return;
            }
            boolean revoked;
            try {
                revoked = provider.revoke(invited.id());
            } catch (RosterException e) {
                throw failure("revoke() of an accepted invitation threw " + e, "true, since the capabilities say "
                        + "revokeAccepted true", "the revokeAccepted the adapter declares in its capabilities", e);
            }
            expectTrue(revoked, "revoke() of an accepted invitation returned false", "true: the vendor had the invitation",
                    "that the adapter answers false only for the vendor's 404");
            Optional<Invitation> after = provider.find(invited.id());
            expectTrue(after.isEmpty() || after.get().status() == InvitationStatus.REVOKED,
                    "after revoking an accepted invitation, find() reports " + after.map(i -> i.status().toString()).orElse(""),
                    "the invitation gone or REVOKED", "the adapter's mapping of a revoked accepted invitation");
        }

        @Test
        @DisplayName("answers inviting a member with an already-a-member conflict")
        void invitingMember() {
            String email = newEmail("member");
            Invitation invited = provider.invite(InvitationRequest.of(email));
            vendor().accept(invited.id());
            ConflictException conflict = expectThrows(ConflictException.class,
                    () -> provider.invite(InvitationRequest.of(email)), "invite() of an existing member",
                    "a ConflictException", "how the adapter maps the vendor's answer for an existing member");
            expect(ConflictException.Reason.ALREADY_MEMBER, conflict.reason(),
                    "invite() of a member threw a conflict with reason " + conflict.reason(), "reason ALREADY_MEMBER",
                    "the adapter's error mapping for existing members");
        }

        @Test
        @DisplayName("invites an address again once its invitation expired, and answers a further invite with that "
                + "new pending invitation")
        void reinviteAfterExpiry() {
            String email = newEmail("reinvite");
            Invitation first = provider.invite(InvitationRequest.of(email));
            vendor().expire(first.id());
            Invitation second = provider.invite(InvitationRequest.of(email));
            expectTrue(!second.id().equals(first.id()) && second.isPending(), "inviting " + email + " after its invitation "
                            + first.id() + " expired returned " + second.id() + " " + second.status(),
                    "a new PENDING invitation", "that the adapter does not report the expired invitation as a duplicate");
            Invitation third;
            try {
                third = provider.invite(InvitationRequest.of(email));
            } catch (RosterException e) {
                throw failure("inviting " + email + " a third time (an expired and a pending invitation exist) threw " + e,
                        "the pending invitation " + second.id(), "that findByEmail() returns the pending invitation first, "
                                + "not the older expired one: core answers a duplicate with what it finds", e);
            }
            expect(second.id(), third.id(), "inviting " + email + " a third time returned " + third.id() + " "
                            + third.status(), "the pending invitation " + second.id(),
                    "that findByEmail() returns the pending invitation first");
        }

        @Test
        @DisplayName("findByEmail returns the pending invitation, not an older expired one for the same address")
        void findByEmailPrefersPending() {
            String email = newEmail("pending-first");
            Invitation expired = provider.invite(InvitationRequest.of(email));
            vendor().expire(expired.id());
            Invitation pending = provider.invite(InvitationRequest.of(email));
            Optional<Invitation> found = provider.findByEmail(email);
            expect(Optional.of(pending.id()), found.map(Invitation::id), "findByEmail('" + email + "') returned "
                            + found.map(i -> i.id() + " " + i.status()).orElse("nothing") + ", with " + expired.id()
                            + " expired and " + pending.id() + " pending", "the pending invitation " + pending.id(),
                    "that the adapter's findByEmail prefers a pending invitation over every other, whatever the "
                            + "vendor's order");
        }
    }

    @Nested
    @DisplayName("statuses agree across find, list, stream and findByEmail")
    class StatusesAgree {

        @Test
        @DisplayName("for a pending invitation")
        void pendingAgrees() {
            Invitation invited = provider.invite(InvitationRequest.of(newEmail("agree-pending")));
            expectViewsAgree(invited, "after invite()");
        }

        @Test
        @DisplayName("for a revoked invitation, pending in none of them")
        void revokedAgrees() {
            Invitation invited = provider.invite(InvitationRequest.of(newEmail("agree-revoked")));
            provider.revoke(invited.id());
            expectViewsAgree(invited, "after revoke()");
        }

        @Test
        @DisplayName("for an accepted invitation")
        void acceptedAgrees() {
            requireVendorControl();
            Invitation invited = provider.invite(InvitationRequest.of(newEmail("agree-accepted")));
            vendor().accept(invited.id());
            expectViewsAgree(invited, "after the vendor accepted it");
        }

        @Test
        @DisplayName("for an expired invitation")
        void expiredAgrees() {
            requireVendorControl();
            Invitation invited = provider.invite(InvitationRequest.of(newEmail("agree-expired")));
            vendor().expire(invited.id());
            expectViewsAgree(invited, "after the vendor expired it");
        }

        /** Reads the address's only invitation four ways; each must show the same id and status, or nothing. */
        private void expectViewsAgree(Invitation invited, String when) {
            String id = invited.id();
            int max = provider.info().capabilities().maxPageSize();
            Map<String, String> views = new LinkedHashMap<>();
            views.put("find", describe(provider.find(id)));
            views.put("list", describe(pages(max).stream().flatMap(page -> page.items().stream())
                    .filter(i -> i.id().equals(id)).findFirst()));
            try (Stream<Invitation> all = provider.stream()) {
                views.put("stream", describe(all.filter(i -> i.id().equals(id)).findFirst()));
            }
            views.put("findByEmail", describe(provider.findByEmail(invited.email())));
            expectTrue(new HashSet<>(views.values()).size() == 1, when + ", the reads of invitation " + id
                            + " (its address's only one) disagree: " + views,
                    "find, list, stream and findByEmail to report the same id and status, or all nothing",
                    "that every read maps the vendor's status with one mapping (the list endpoint's items too) and "
                            + "none defaults to PENDING or keeps a stale copy");
        }

        private String describe(Optional<Invitation> invitation) {
            return invitation.map(i -> i.id() + " " + i.status()).orElse("nothing");
        }
    }

    @Nested
    @DisplayName("a closed provider")
    class Closed {

        @Test
        @DisplayName("refuses every call after close() with ProviderConfigurationException: invite, find, list, "
                + "revoke, findByEmail and stream")
        void refusesCallsAfterClose() {
            InvitationProvider closing = newProvider();
            assertNotNull(closing, message("newProvider() returned null", "a new provider the contract may close",
                    "the newProvider() override"));
            try {
                closing.list(PageRequest.first(1));
                closing.close();
                Map<String, Executable> calls = new LinkedHashMap<>();
                calls.put("invite", () -> closing.invite(InvitationRequest.of(newEmail("closed"))));
                calls.put("find", () -> closing.find(unknownInvitationId()));
                calls.put("list", () -> closing.list(PageRequest.first(1)));
                calls.put("revoke", () -> closing.revoke(unknownInvitationId()));
                calls.put("findByEmail", () -> closing.findByEmail(newEmail("closed")));
                calls.put("stream", () -> {
                    try (Stream<Invitation> all = closing.stream()) {
                        all.findFirst();
                    }
                });
                List<String> wrong = new ArrayList<>();
                calls.forEach((operation, call) -> {
                    try {
                        call.execute();
                        wrong.add(operation + " answered as if open");
                    } catch (ProviderConfigurationException expected) {
                        // What the contract wants.
                    } catch (Throwable other) {
                        wrong.add(operation + " threw " + other);
                    }
                });
                expectTrue(wrong.isEmpty(), "after close(): " + String.join("; ", wrong),
                        "every call to throw ProviderConfigurationException, saying to load a new provider",
                        "that close() marks the adapter closed and every operation checks that before any request");
            } finally {
                closeQuietly(closing);
            }
        }

        @Test
        @DisplayName("takes a second close() as harmless")
        void closeTwice() {
            InvitationProvider closing = newProvider();
            closing.close();
            try {
                closing.close();
            } catch (RuntimeException e) {
                throw failure("a second close() threw " + e, "a second close() to do nothing",
                        "that close() does not release what it already released", e);
            }
        }

        private void closeQuietly(InvitationProvider closing) {
            try {
                closing.close();
            } catch (RuntimeException alreadyReported) {
                // closeTwice reports it.
            }
        }
    }
}
