package dev.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.Capabilities;
import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Member;
import dev.roster.MemberCapabilities;
import dev.roster.Members;
import dev.roster.Offboarding;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderInfo;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.UnsupportedCapabilityException;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Core's policy around members and offboarding: arguments and capabilities checked before any I/O,
 * and, under every sequence of up to {@value #LONGEST} faults (a 500, a 429, an answer lost after the
 * vendor acted), a removal never denies a member it removed nor invents one, and an offboarding does
 * no step twice and, run again after a failure, finishes the job.
 */
@DisplayName("The policy around members")
class MembersPolicyTest {

    private static final int LONGEST = 5;
    private static final RetryPolicy POLICY =
            new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(80), Duration.ofSeconds(5), Duration.ofSeconds(2));

    enum Fault {
        NONE, SERVER_ERROR, RATE_LIMITED, ANSWER_LOST
    }

    @Nested
    @DisplayName("checks before any I/O")
    class BeforeIo {

        @Test
        @DisplayName("a malformed member id is an InvalidRequestException naming it, and the adapter is not called")
        void badMemberId() {
            FakeVendor vendor = new FakeVendor(MemberCapabilities.all());
            InvitationProvider policy = policyAround(vendor);
            for (String bad : List.of("..", "user/../../invites", "", "a b", "user_1?x=1")) {
                assertThatThrownBy(() -> policy.members().remove(bad)).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("member id");
                assertThatThrownBy(() -> policy.members().find(bad)).isInstanceOf(InvalidRequestException.class);
            }
            assertThatThrownBy(() -> policy.offboard("not an address")).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> policy.members().list(new PageRequest(5, Optional.of("bad\u0000cursor"))))
                    .isInstanceOf(InvalidRequestException.class);
            policy.members().list(PageRequest.first(5));
            assertThat(vendor.calls).as("calls that reached the adapter").containsExactly("members.list");
        }

        @Test
        @DisplayName("a member call the provider does not declare is an UnsupportedCapabilityException, with no I/O")
        void undeclared() {
            FakeVendor vendor = new FakeVendor(new MemberCapabilities(true, false, false));
            InvitationProvider policy = policyAround(vendor);
            assertThatThrownBy(() -> policy.members().findByEmail("ada@example.com"))
                    .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("by email");
            assertThatThrownBy(() -> policy.members().remove("user_1"))
                    .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("remove members");
            assertThat(vendor.calls).isEmpty();
            InvitationProvider none = policyAround(new FakeVendor(MemberCapabilities.none()));
            assertThatThrownBy(() -> none.members().stream()).isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("list members");
        }

        @Test
        @DisplayName("a bare adapter without members says so from members()")
        void bareAdapter() {
            assertThatThrownBy(() -> new FakeVendor(MemberCapabilities.none()).bareMembers())
                    .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("does not manage members");
        }
    }

    @Nested
    @DisplayName("reads")
    class Reads {

        @Test
        @DisplayName("stream pages through every member at the provider's largest page, and findByEmail ignores case")
        void streamAndFind() {
            FakeVendor vendor = new FakeVendor(MemberCapabilities.all());
            for (int i = 0; i < 7; i++) {
                vendor.join("p" + i + "@example.com");
            }
            InvitationProvider policy = policyAround(vendor);
            assertThat(policy.members().stream().map(m -> m.email().orElseThrow()))
                    .containsExactly("p0@example.com", "p1@example.com", "p2@example.com", "p3@example.com",
                            "p4@example.com", "p5@example.com", "p6@example.com");
            assertThat(vendor.pageSizes).containsOnly(3);
            assertThat(policy.members().findByEmail("P4@Example.com")).map(Member::id).contains("user_5");
            assertThat(policy.members().list(PageRequest.first(500)).items()).hasSize(3);
        }

        @Test
        @DisplayName("a read that fails with an unknown outcome is retried")
        void retried() {
            FakeVendor vendor = new FakeVendor(MemberCapabilities.all());
            Member ada = vendor.join("ada@example.com");
            vendor.script(List.of(Fault.SERVER_ERROR, Fault.RATE_LIMITED));
            assertThat(policyAround(vendor).members().find(ada.id())).contains(ada);
        }
    }

    @Nested
    @DisplayName("under every fault sequence")
    class Faults {

        @Test
        @DisplayName("one remove of a member answers true or fails, never 'no such member', and leaves it gone when true")
        void removeNeverDenies() {
            List<String> violations = new ArrayList<>();
            for (List<Fault> faults : sequences()) {
                FakeVendor vendor = new FakeVendor(MemberCapabilities.all());
                Member ada = vendor.join("ada@example.com");
                vendor.script(faults);
                try {
                    boolean answer = policyAround(vendor).members().remove(ada.id());
                    if (!answer || vendor.member(ada.id()).isPresent()) {
                        violations.add(faults + ": remove answered " + answer + " (calls: " + vendor.calls + ")");
                    }
                } catch (ProviderUnavailableException | RateLimitedException transientFailure) {
                    // Allowed: the outcome could not be learnt; removing again answers the truth.
                }
            }
            assertThat(violations).as("remove of an existing member under fault sequences").isEmpty();
        }

        @Test
        @DisplayName("one remove of an unknown id answers false or fails, never 'removed', and touches no one else")
        void removeNeverInvents() {
            List<String> violations = new ArrayList<>();
            for (List<Fault> faults : sequences()) {
                FakeVendor vendor = new FakeVendor(MemberCapabilities.all());
                Member bystander = vendor.join("grace@example.com");
                vendor.script(faults);
                try {
                    if (policyAround(vendor).members().remove("user_unknown")) {
                        violations.add(faults + ": answered true (calls: " + vendor.calls + ")");
                    }
                } catch (ProviderUnavailableException | RateLimitedException transientFailure) {
                    // Allowed.
                }
                if (vendor.member(bystander.id()).isEmpty()) {
                    violations.add(faults + ": removed the bystander");
                }
            }
            assertThat(violations).as("remove of an unknown member id under fault sequences").isEmpty();
        }

        @Test
        @DisplayName("offboarding a person with a pending invitation and a membership does each step once, and a re-run finishes")
        void offboardOnceAndComplete() {
            List<String> violations = new ArrayList<>();
            for (List<Fault> faults : sequences()) {
                FakeVendor vendor = new FakeVendor(MemberCapabilities.all());
                Invitation pending = vendor.invite("ada@example.com");
                Member ada = vendor.join("ada@example.com");
                vendor.join("grace@example.com");
                vendor.script(faults);
                InvitationProvider policy = policyAround(vendor);
                Offboarding first = null;
                try {
                    first = policy.offboard("ada@example.com");
                } catch (ProviderUnavailableException | RateLimitedException transientFailure) {
                    // Allowed: part may be done; a second run must finish without doing it again.
                }
                Offboarding second = policy.offboard("ada@example.com");
                if (first != null && (!first.revokedInvitations().equals(List.of(pending))
                        || !first.removedMembers().equals(List.of(ada)))) {
                    violations.add(faults + ": the first run reported " + first);
                }
                if (first != null && !second.nothingFound()) {
                    violations.add(faults + ": a second run after a complete one still found " + second);
                }
                if (vendor.effectiveRevokes > 1 || vendor.effectiveRemovals > 1) {
                    violations.add(faults + ": " + vendor.effectiveRevokes + " revokes and " + vendor.effectiveRemovals
                            + " removals took effect");
                }
                if (vendor.member(ada.id()).isPresent() || vendor.status(pending.id()) == InvitationStatus.PENDING
                        || vendor.members.size() != 1) {
                    violations.add(faults + ": after two runs the vendor still holds " + vendor.members + " and "
                            + vendor.invitations);
                }
            }
            assertThat(violations).as("offboarding under fault sequences").isEmpty();
        }
    }

    @Nested
    @DisplayName("offboard")
    class Offboard {

        @Test
        @DisplayName("revokes every pending invitation of the address, including duplicates, in any case")
        void everyPending() {
            FakeVendor vendor = new FakeVendor(MemberCapabilities.all());
            Invitation one = vendor.invite("ada@example.com");
            Invitation two = vendor.invite("ADA@example.com");
            Offboarding done = policyAround(vendor).offboard("Ada@Example.com");
            assertThat(done.revokedInvitations()).containsExactly(one, two);
            assertThat(done.membership()).isEqualTo(Offboarding.Membership.NOT_A_MEMBER);
            assertThat(done.nothingFound()).isFalse();
            assertThat(done.email()).isEqualTo("Ada@Example.com");
        }

        @Test
        @DisplayName("of an unknown address finds nothing and changes nothing")
        void unknown() {
            FakeVendor vendor = new FakeVendor(MemberCapabilities.all());
            Member grace = vendor.join("grace@example.com");
            Offboarding done = policyAround(vendor).offboard("nobody@example.com");
            assertThat(done.nothingFound()).isTrue();
            assertThat(done.complete()).isTrue();
            assertThat(vendor.members).containsExactly(grace);
        }

        @Test
        @DisplayName("where members cannot be found by email, revokes the invitations and reports the membership unchecked")
        void notChecked() {
            FakeVendor vendor = new FakeVendor(new MemberCapabilities(true, false, true));
            Invitation pending = vendor.invite("ada@example.com");
            Member ada = vendor.join("ada@example.com");
            Offboarding done = policyAround(vendor).offboard("ada@example.com");
            assertThat(done.revokedInvitations()).containsExactly(pending);
            assertThat(done.membership()).isEqualTo(Offboarding.Membership.NOT_CHECKED);
            assertThat(done.complete()).isFalse();
            assertThat(done.note()).hasValueSatisfying(note -> assertThat(note)
                    .contains("does not reveal members' email addresses").contains("members().remove(id)"));
            assertThat(vendor.members).contains(ada);
        }

        @Test
        @DisplayName("stops, naming the invitation, when a vendor keeps showing it pending after a revoke that answered true")
        void stuck() {
            FakeVendor vendor = new FakeVendor(MemberCapabilities.all());
            Invitation pending = vendor.invite("ada@example.com");
            vendor.revokeDoesNothing = true;
            assertThatThrownBy(() -> policyAround(vendor).offboard("ada@example.com"))
                    .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining(pending.id())
                    .hasMessageContaining("still pending");
        }
    }

    private static InvitationProvider policyAround(FakeVendor vendor) {
        FakeTime time = new FakeTime();
        return new PolicyInvitationProvider(vendor, new RetryingAttempts(POLICY, time, () -> 0.5, time), Redactor.of(List.of()));
    }

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

    /** Invitations (deleted outright on revoke, as OpenAI does) and members, every call suffering the next scripted fault. */
    private static final class FakeVendor implements InvitationProvider {
        private final MemberCapabilities memberCapabilities;
        private final Deque<Fault> script = new ArrayDeque<>();
        final List<Invitation> invitations = new ArrayList<>();
        final List<Member> members = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        final List<Integer> pageSizes = new ArrayList<>();
        int effectiveRevokes;
        int effectiveRemovals;
        boolean revokeDoesNothing;
        private int sequence;

        FakeVendor(MemberCapabilities memberCapabilities) {
            this.memberCapabilities = memberCapabilities;
        }

        void script(List<Fault> faults) {
            script.clear();
            script.addAll(faults);
        }

        Invitation invite(String email) {
            Invitation created = TestInvitations.pending("inv_" + (++sequence), email);
            invitations.add(created);
            return created;
        }

        Member join(String email) {
            Member member = Member.builder().id("user_" + (++sequence)).email(email).provider("fake").build();
            members.add(member);
            return member;
        }

        Optional<Member> member(String id) {
            return members.stream().filter(m -> m.id().equals(id)).findFirst();
        }

        InvitationStatus status(String id) {
            return invitations.stream().filter(i -> i.id().equals(id)).findFirst().map(Invitation::status).orElse(null);
        }

        Members bareMembers() {
            return InvitationProvider.super.members();
        }

        private <T> T call(String name, Supplier<T> effect) {
            Fault fault = script.isEmpty() ? Fault.NONE : script.removeFirst();
            calls.add(name);
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
            return new ProviderInfo("fake", "Fake", Capabilities.builder().maxPageSize(3).members(memberCapabilities).build());
        }

        @Override
        public Invitation invite(InvitationRequest request) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<Invitation> findByEmail(String email) {
            return call("findByEmail", () -> invitations.stream()
                    .filter(i -> i.email().equalsIgnoreCase(email) && i.isPending()).findFirst());
        }

        @Override
        public Optional<Invitation> find(String invitationId) {
            return call("find", () -> invitations.stream().filter(i -> i.id().equals(invitationId)).findFirst());
        }

        @Override
        public Page<Invitation> list(PageRequest request) {
            return call("list", () -> Page.last(List.copyOf(invitations)));
        }

        @Override
        public boolean revoke(String invitationId) {
            return call("revoke", () -> {
                if (revokeDoesNothing) {
                    return true;
                }
                boolean removed = invitations.removeIf(i -> i.id().equals(invitationId));
                effectiveRevokes += removed ? 1 : 0;
                return removed;
            });
        }

        @Override
        public Members members() {
            return new Members() {
                @Override
                public Optional<Member> find(String memberId) {
                    return call("members.find", () -> member(memberId));
                }

                @Override
                public Optional<Member> findByEmail(String email) {
                    return call("members.findByEmail", () -> members.stream()
                            .filter(m -> m.email().orElseThrow().equalsIgnoreCase(email)).findFirst());
                }

                @Override
                public Page<Member> list(PageRequest request) {
                    return call("members.list", () -> {
                        pageSizes.add(request.size());
                        int from = request.cursor().map(Integer::parseInt).orElse(0);
                        int to = Math.min(members.size(), from + request.size());
                        List<Member> items = List.copyOf(members.subList(from, to));
                        return Page.of(items, to < members.size() ? String.valueOf(to) : null);
                    });
                }

                @Override
                public boolean remove(String memberId) {
                    return call("members.remove", () -> {
                        boolean removed = members.removeIf(m -> m.id().equals(memberId));
                        effectiveRemovals += removed ? 1 : 0;
                        return removed;
                    });
                }
            };
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return members.stream().map(Member::id).collect(Collectors.joining(","));
        }
    }
}
