package dev.roster.testkit;

import dev.roster.Invitation;
import dev.roster.InvitationRequest;
import dev.roster.Member;
import dev.roster.MemberCapabilities;
import dev.roster.Offboarding;
import dev.roster.Page;
import dev.roster.PageRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract's groups for members and offboarding: a member is a person who accepted (acted out
 * through {@link VendorControl#accept}), found by email, listed, removed once; {@code offboard}
 * ends the access of a person who is only invited, only a member, both, or neither. Each test needs
 * the member capabilities it uses ({@link dev.roster.Capabilities#members()}) and is skipped, saying
 * which, when the provider does not declare them. Part of {@link InvitationProviderContract} (see
 * {@link ContractSupport}); not meant to be extended on its own.
 */
abstract class MemberGroups extends RevokeAndLifecycleGroups {

    /**
     * A member id that is well-formed but that no backend has.
     *
     * @return the id
     */
    protected String unknownMemberId() {
        return "roster-contract-unknown-user-" + UUID.randomUUID().toString().substring(0, 12);
    }

    final MemberCapabilities memberCapabilities() {
        return provider.info().capabilities().members();
    }

    final void requireMembers(boolean declared, String what) {
        Assumptions.assumeTrue(declared, "the provider does not declare " + what + " in capabilities().members(): "
                + memberCapabilities() + (memberCapabilities().findByEmail() ? "" : " (a vendor that does not reveal "
                + "members' addresses, as GitHub, cannot find or remove a membership by email: offboard leaves it "
                + "NOT_CHECKED, and members().remove(id) removes it)"));
    }

    /** Invites an address and accepts it at the vendor: the member it became, as findByEmail or the stream shows it. */
    final Member acceptedMember(String email) {
        requireVendorControl();
        Invitation invited = provider.invite(InvitationRequest.of(email));
        vendor().accept(invited.id());
        requireMemberLookUp(email);
        return memberByEmail(email).orElseThrow(() -> failure("after " + email + " accepted invitation " + invited.id()
                        + ", no member has that address", "an accepted invitation to make its invitee a member",
                "that VendorControl.accept makes a member at the backend, and that members() lists and finds it", null));
    }

    /**
     * Skips a test that must find the member an address became, where neither the provider
     * (members().findByEmail) nor the backend ({@link VendorControl#memberId}) can tell which it is.
     */
    final void requireMemberLookUp(String email) {
        Assumptions.assumeTrue(memberCapabilities().findByEmail() || vendor().memberId(email).isPresent(), "the provider "
                + "cannot find members by email (" + memberCapabilities() + ") and vendor().memberId(" + email + ") names no "
                + "member for an accepted invitee: override VendorControl.memberId in the backend to test its members");
    }

    /**
     * The member with an address: by findByEmail where declared; else by the id the backend names for
     * it ({@link VendorControl#memberId}), or from the stream where members carry their address.
     */
    final Optional<Member> memberByEmail(String email) {
        if (memberCapabilities().findByEmail()) {
            return provider.members().findByEmail(email);
        }
        Optional<String> id = vendor().memberId(email);
        if (id.isPresent()) {
            return provider.members().find(id.get());
        }
        try (Stream<Member> all = provider.members().stream()) {
            return all.filter(m -> m.email().filter(e -> sameEmail(e, email)).isPresent()).findFirst();
        }
    }

    @Nested
    @DisplayName("members")
    class MembersGroup {

        @Test
        @DisplayName("an accepted invitation makes a member with the invitee's email, found by id and in the stream; "
                + "a pending one does not")
        void acceptMakesMember() {
            requireMembers(memberCapabilities().list(), "list");
            requireVendorControl();
            String email = newEmail("member");
            Invitation invited = provider.invite(InvitationRequest.of(email));
            expectTrue(memberByEmail(email).isEmpty(), "a person with only a pending invitation is already a member",
                    "member to mean accepted", "that the adapter leaves out users who have not accepted (Confluent "
                            + "creates the user at invitation time)");
            vendor().accept(invited.id());
            requireMemberLookUp(email);
            Member member = memberByEmail(email).orElseThrow(() -> failure("after acceptance no member has " + email,
                    "an accepted invitation to make a member", "the users mapping and VendorControl.accept", null));
            if (memberCapabilities().findByEmail()) {
                expectTrue(member.email().filter(e -> sameEmail(e, email)).isPresent(), "the member reports the email "
                        + member.email().orElse("(none)"), email + ", in any case", "the user mapping's email");
            }
            expect(provider.info().id(), member.provider(), "the member names provider " + member.provider(),
                    "the provider's own id", "Member.provider in the mapping");
            expect(Optional.of(member), provider.members().find(member.id()).map(m -> m),
                    "find('" + member.id() + "') answers differently from the look-up by email",
                    "the same member by id", "the retrieve-user mapping");
            try (Stream<Member> all = provider.members().stream()) {
                expectTrue(all.anyMatch(m -> m.id().equals(member.id())), "the stream of members lacks " + member.id(),
                        "every member in stream()", "the list-users mapping and its cursor");
            }
        }

        @Test
        @DisplayName("pages members with a cursor, each member once")
        void pages() {
            requireMembers(memberCapabilities().list(), "list");
            requireVendorControl();
            acceptedMember(newEmail("page-a"));
            acceptedMember(newEmail("page-b"));
            Set<String> seen = new HashSet<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                Page<Member> page = provider.members().list(cursor.map(c -> PageRequest.after(1, c)).orElse(PageRequest.first(1)));
                expectTrue(page.items().size() <= 1, "members().list of size 1 returned " + page.items().size(),
                        "at most the page size", "that the adapter sends the page size");
                page.items().forEach(m -> expectTrue(seen.add(m.id()), "member " + m.id() + " came twice while paging",
                        "each member once", "that the adapter sends the cursor back"));
                cursor = page.nextCursor();
                expectTrue(++pages < 10_000, "members().list kept returning cursors", "paging to end", "the last page");
            } while (cursor.isPresent());
            expectTrue(seen.size() >= 2, "paging found " + seen.size() + " members", "at least the two accepted here",
                    "the list-users mapping");
        }

        @Test
        @DisplayName("removes a member: then gone, and a second remove answers false")
        void removeThenGone() {
            requireMembers(memberCapabilities().list() && memberCapabilities().remove(), "list and remove");
            String email = newEmail("remove");
            Member member = acceptedMember(email);
            expectTrue(provider.members().remove(member.id()), "remove('" + member.id() + "') of a member returned false",
                    "true", "that the adapter maps the vendor's success to true");
            expect(Optional.empty(), provider.members().find(member.id()), "after remove, find('" + member.id()
                    + "') still answers", "empty", "that remove really deletes at the vendor");
            expectTrue(memberByEmail(email).isEmpty(), "after remove, " + email + " is still a member", "no member",
                    "that remove really deletes at the vendor");
            expectTrue(!provider.members().remove(member.id()), "a second remove('" + member.id() + "') returned true",
                    "false: there is no such member any more", "that the adapter maps the vendor's 404 to false");
        }

        @Test
        @DisplayName("answers an unknown member id with an empty find and a false remove")
        void unknownMember() {
            requireMembers(memberCapabilities().list(), "list");
            String unknown = unknownMemberId();
            expect(Optional.empty(), provider.members().find(unknown), "find of the unknown member id " + unknown
                    + " answered", "empty", "that a 404 maps to empty");
            if (memberCapabilities().remove()) {
                expectTrue(!provider.members().remove(unknown), "remove of the unknown member id " + unknown
                        + " returned true", "false", "that a 404 maps to false");
            }
        }
    }

    @Nested
    @DisplayName("offboard")
    class Offboard {

        @Test
        @DisplayName("revokes the pending invitation of a person who is only invited, and finds no membership")
        void pendingOnly() {
            String email = newEmail("off-pending");
            Invitation invited = provider.invite(InvitationRequest.of(email));
            Offboarding done = provider.offboard(email);
            expect(List.of(invited.id()), ids(done.revokedInvitations()), "offboard revoked " + ids(done.revokedInvitations()),
                    "exactly the pending invitation " + invited.id(), "that offboard finds the invitation by email");
            expectTrue(done.membership() != Offboarding.Membership.REMOVED, "offboard removed a member " + done.removedMembers()
                    + " of a person who never accepted", "no membership (or NOT_CHECKED)", "member to mean accepted");
            expectTrue(provider.find(invited.id()).map(i -> !i.isPending()).orElse(true), "after offboard, the invitation is "
                    + "still pending", "it revoked", "revoke");
            if (done.complete()) {
                expectTrue(provider.offboard(email).nothingFound(), "a second offboard still found something",
                        "nothing left to do", "that the first offboard finished");
            }
        }

        @Test
        @DisplayName("removes the membership of a person who accepted, revoking nothing (where members cannot be found "
                + "by email: reports it NOT_CHECKED with a note and leaves it, and members().remove(id) removes it)")
        void memberOnly() {
            requireMembers(memberCapabilities().list() && memberCapabilities().remove(), "list and remove");
            String email = newEmail("off-member");
            Member member = acceptedMember(email);
            Offboarding done = provider.offboard(email);
            if (!memberCapabilities().findByEmail()) {
                unmatchedMember(done, member);
                return;
            }
            expect(Offboarding.Membership.REMOVED, done.membership(), "offboard reported the membership " + done.membership(),
                    "REMOVED", "members().findByEmail and remove");
            expect(List.of(member.id()), done.removedMembers().stream().map(Member::id).collect(Collectors.toList()),
                    "offboard removed " + done.removedMembers(), "exactly " + member.id(), "the member look-up by email");
            expect(List.of(), ids(done.revokedInvitations()), "offboard revoked " + ids(done.revokedInvitations()),
                    "nothing: the only invitation was accepted", "that offboard revokes pending invitations only");
            expect(Optional.empty(), provider.members().find(member.id()), "after offboard, find('" + member.id()
                    + "') still answers", "empty", "remove");
            expectTrue(provider.offboard(email).nothingFound(), "a second offboard still found something",
                    "nothing left to do", "that the first offboard finished");
        }

        @Test
        @DisplayName("revokes the invitation and removes the membership of a person who is both invited and a member")
        void both() {
            requireMembers(memberCapabilities().findByEmail() && memberCapabilities().remove(), "findByEmail and remove");
            requireVendorControl();
            String email = newEmail("off-both");
            Invitation invited = provider.invite(InvitationRequest.of(email));
            String memberId;
            try {
                memberId = vendor().join(email);
            } catch (UnsupportedOperationException cannot) {
                throw new org.opentest4j.TestAbortedException("the backend cannot make a person both invited and a member "
                        + "(VendorControl.join): " + cannot.getMessage());
            }
            Offboarding done = provider.offboard(email);
            expect(List.of(invited.id()), ids(done.revokedInvitations()), "offboard revoked " + ids(done.revokedInvitations()),
                    "exactly the pending invitation " + invited.id(), "the pending look-up by email");
            expect(List.of(memberId), done.removedMembers().stream().map(Member::id).collect(Collectors.toList()),
                    "offboard removed " + done.removedMembers(), "exactly the member " + memberId, "members().findByEmail");
            expectTrue(provider.offboard(email).nothingFound(), "a second offboard still found something",
                    "nothing left to do", "that the first offboard finished");
        }

        @Test
        @DisplayName("of an address never invited and not a member finds nothing")
        void unknownAddress() {
            Offboarding done = provider.offboard(newEmail("off-nobody"));
            expect(List.of(), ids(done.revokedInvitations()), "offboard of an unknown address revoked "
                    + ids(done.revokedInvitations()), "nothing", "the pending look-up by email");
            expectTrue(done.nothingFound() || done.membership() == Offboarding.Membership.NOT_CHECKED,
                    "offboard of an unknown address reported " + done, "nothing found", "members().findByEmail");
        }
    }

    /** Offboarding a member where members cannot be found by email: untouched, said so, then removed by id. */
    private void unmatchedMember(Offboarding done, Member member) {
        expect(Offboarding.Membership.NOT_CHECKED, done.membership(), "offboard reported the membership "
                + done.membership() + " where members cannot be found by email", "NOT_CHECKED: the membership is "
                + "untouched, and the result says so", "MemberCapabilities.findByEmail and core's Offboarder");
        expectTrue(done.note().isPresent(), "offboard reported NOT_CHECKED without saying why", "a note naming "
                + "what the provider cannot do", "core's Offboarder");
        expect(List.of(), ids(done.revokedInvitations()), "offboard revoked " + ids(done.revokedInvitations()),
                "nothing: the only invitation was accepted", "that offboard revokes pending invitations only");
        expectTrue(provider.members().find(member.id()).isPresent(), "offboard removed " + member.id()
                + " although it reported NOT_CHECKED", "the membership untouched", "core's Offboarder");
        expectTrue(provider.members().remove(member.id()), "remove('" + member.id() + "') after offboard returned false",
                "true: the member was still there", "members().remove");
        expect(Optional.empty(), provider.members().find(member.id()), "after remove, find('" + member.id()
                + "') still answers", "empty", "that remove really deletes at the vendor");
    }

    private static List<String> ids(List<Invitation> invitations) {
        return invitations.stream().map(Invitation::id).collect(Collectors.toList());
    }
}
