package dev.roster.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.Member;
import dev.roster.Offboarding;
import dev.roster.ProviderConfig;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.testkit.VendorControl;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.SimulatedFault;
import dev.roster.testkit.simulator.VendorSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reliability contract for members and offboarding, as {@link ReliabilityContract} is for
 * invitations: an adapter, wrapped in core's policy, against its {@link VendorSimulator}, with every
 * {@link SimulatedFault} striking its deletes (a member's removal, an invitation's revoke). Extend it
 * in a few lines, as {@link ReliabilityContract}:
 *
 * <pre>{@code
 * class OpenAiMemberReliabilityTest extends MemberReliabilityContract {
 *     protected VendorSimulator newSimulator() { return new OpenAiSimulator().validatedAgainstSpec(); }
 *     protected String providerId() { return "openai"; }
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>A fault that passes</b>: {@code remove} answers true and the member is gone;
 *       {@code offboard} of a person only invited, and of one only a member, reports exactly the
 *       step it did, and a second offboard finds nothing.</li>
 *   <li><b>A fault that persists</b>: {@code offboard} fails with an exception a caller may retry
 *       ({@link ProviderUnavailableException}, {@link RateLimitedException}) or succeeds; once the
 *       network heals, offboarding again finishes: nothing pending, no member, nothing lost.</li>
 *   <li><b>Nothing done twice</b>: in every case, no delete the vendor answered 404 (the sign of a
 *       delete sent again after one that had taken effect): core looks a lost answer up first.</li>
 * </ul>
 *
 * <p>Tests need the provider to declare {@code list} and {@code remove} in
 * {@link dev.roster.Capabilities#members()}; otherwise they are skipped, saying so. Where it cannot
 * find members by email (GitHub), the simulator names the member an address became
 * ({@link VendorControl#memberId}), and offboarding is checked to leave the membership
 * {@code NOT_CHECKED} and untouched, each time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MemberReliabilityContract {

    /** As many faults as any call could meet: "the fault persists". */
    private static final int PERSISTENT = 100_000;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private VendorSimulator simulator;

    /** For subclasses, which name the simulator and the provider. */
    protected MemberReliabilityContract() {}

    /**
     * A new simulator of the vendor, not started: the contract starts, resets and closes it.
     *
     * @return the simulator, such as {@code new OpenAiSimulator().validatedAgainstSpec()}
     */
    protected abstract VendorSimulator newSimulator();

    /**
     * The provider's id, for {@link #load}.
     *
     * @return the id, such as {@code "openai"}
     */
    protected abstract String providerId();

    /**
     * Loads the provider under test, with core's policy; by default
     * {@code InvitationProviders.load(providerId(), config)}. The contract closes what it returns.
     *
     * @param config the configuration to use
     * @return the provider
     */
    protected InvitationProvider load(ProviderConfig config) {
        return InvitationProviders.load(providerId(), config);
    }

    /**
     * The read timeout; a slow response comes 100 ms later than it.
     *
     * @return 200 ms by default
     */
    protected Duration readTimeout() {
        return Duration.ofMillis(200);
    }

    /**
     * The retry policy: small waits, so that the faults stay fast.
     *
     * @return 4 attempts, backoff 5 to 40 ms, waits honoured up to 2 s, 429s paced for 900 ms
     */
    protected RetryPolicy retryPolicy() {
        return new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(2), Duration.ofMillis(900));
    }

    /** Starts the simulator, and warms the JVM up: its first calls load classes for longer than the read timeout. */
    @BeforeAll
    final void startSimulator() {
        simulator = newSimulator();
        simulator.start();
        simulator.reset();
        try (InvitationProvider provider = healthy()) {
            if (provider.info().capabilities().members().list() && provider.info().capabilities().members().remove()) {
                String warmUp = email("warm-up");
                Member member = member(provider, warmUp);
                provider.members().find(member.id());
                provider.members().remove(member.id());
                provider.invite(InvitationRequest.of(warmUp));
                provider.offboard(warmUp);
            }
        }
        simulator.reset();
    }

    @BeforeEach
    final void cleanVendor() {
        simulator.reset();
        simulator.slowResponseDelay(readTimeout().plus(Duration.ofMillis(100))).retryAfter(Duration.ZERO);
    }

    /** Blames a contract violation on the test that caused it. */
    @AfterEach
    final void trafficFollowedTheSpec() {
        simulator.assertTrafficFollowsSpec();
    }

    @AfterAll
    final void stopSimulator() {
        simulator.close();
    }

    static Stream<Named<SimulatedFault>> faults() {
        return Stream.of(SimulatedFault.values()).map(fault -> Named.of(fault.name(), fault));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    @DisplayName("a removal struck by a fault that passes answers true, and the member is gone")
    void removeThroughAFault(SimulatedFault fault) {
        try (InvitationProvider provider = provider(); InvitationProvider healthy = healthy()) {
            requireMembers(provider);
            Member member = member(healthy, email("remove"));
            simulator.failNext(1, fault, "DELETE");
            boolean removed = provider.members().remove(member.id());
            assertTrue(removed, () -> "remove(" + member.id() + ") under " + fault + " answered false: core must look a "
                    + "lost answer up (the member was there before) rather than send the delete again and believe its 404");
            assertEquals(Optional.empty(), healthy.members().find(member.id()), "the member after remove under " + fault);
            assertNothingDeletedTwice(fault);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    @DisplayName("offboarding through a fault that passes reports exactly the step done, for an invitee and for a member")
    void offboardThroughAFault(SimulatedFault fault) {
        try (InvitationProvider provider = provider(); InvitationProvider healthy = healthy()) {
            requireMembers(provider);
            String invitee = email("off-invitee");
            Invitation pending = healthy.invite(InvitationRequest.of(invitee));
            String joined = email("off-member");
            Member member = member(healthy, joined);

            boolean byEmail = byEmail(provider);
            simulator.failNext(1, fault, "DELETE");
            Offboarding first = provider.offboard(invitee);
            assertEquals(List.of(pending.id()), ids(first), "the invitations offboard revoked under " + fault);
            assertEquals(byEmail ? Offboarding.Membership.NOT_A_MEMBER : Offboarding.Membership.NOT_CHECKED,
                    first.membership(), "an invitee's membership under " + fault);

            simulator.failNext(1, fault, "DELETE");
            Offboarding second = provider.offboard(joined);
            assertEquals(byEmail ? List.of(member.id()) : List.of(), second.removedMembers().stream().map(Member::id)
                    .collect(Collectors.toList()), "the members offboard removed under " + fault);
            assertEquals(List.of(), ids(second), "the invitations offboard revoked for a member under " + fault);
            if (!byEmail) {
                assertEquals(Offboarding.Membership.NOT_CHECKED, second.membership(), "a member's membership, where "
                        + "members cannot be found by email, under " + fault);
                assertEquals(Optional.of(member), healthy.members().find(member.id()).map(m -> m),
                        "a membership offboard could not check, under " + fault);
                simulator.clearFaults();
            }

            assertTrue(healthy.offboard(invitee).revokedInvitations().isEmpty()
                    && healthy.offboard(joined).revokedInvitations().isEmpty()
                    && (!byEmail || healthy.offboard(invitee).nothingFound() && healthy.offboard(joined).nothingFound()),
                    "offboarding again after " + fault + " still found something to do");
            assertNothingDeletedTwice(fault);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    @DisplayName("offboarding through a fault that persists fails with a retryable exception or succeeds; once healed, "
            + "offboarding again finishes and loses nothing")
    void offboardWhileAFaultPersists(SimulatedFault fault) {
        try (InvitationProvider provider = provider(); InvitationProvider healthy = healthy()) {
            requireMembers(provider);
            String invitee = email("persist-invitee");
            Invitation pending = healthy.invite(InvitationRequest.of(invitee));
            String joined = email("persist-member");
            Member member = member(healthy, joined);

            simulator.failNext(PERSISTENT, fault, "DELETE");
            List<String> revoked = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (String email : List.of(invitee, joined)) {
                try {
                    Offboarding done = provider.offboard(email);
                    revoked.addAll(ids(done));
                    done.removedMembers().forEach(m -> removed.add(m.id()));
                } catch (ProviderUnavailableException | RateLimitedException retryable) {
                    // Allowed: the caller may try again.
                } catch (RuntimeException other) {
                    fail("offboard(" + email + ") while " + fault + " persists threw " + other + ": only an exception a "
                            + "caller may retry is allowed", other);
                }
            }
            simulator.clearFaults();
            for (String email : List.of(invitee, joined)) {
                Offboarding done = healthy.offboard(email);
                revoked.addAll(ids(done));
                done.removedMembers().forEach(m -> removed.add(m.id()));
            }
            assertTrue(healthy.find(pending.id()).map(i -> !i.isPending()).orElse(true),
                    "the invitation is still pending after offboarding through " + fault + " and again");
            if (byEmail(healthy)) {
                assertEquals(Optional.empty(), healthy.members().findByEmail(joined), "the member after offboarding "
                        + "through " + fault + " and again");
            } else {
                assertEquals(List.of(), removed, "members offboard removed where it cannot find them by email");
                assertTrue(healthy.members().find(member.id()).isPresent(), "offboarding through " + fault + " removed "
                        + member.id() + " where it cannot find members by email");
            }
            assertTrue(revoked.size() <= 1 && removed.size() <= 1, "offboarding through " + fault + " and again reported "
                    + revoked + " revoked and " + removed + " removed: a step reported twice");
            assertNothingDeletedTwice(fault);
        }
    }

    // ----------------------------------------------------------------------------------------

    /** The provider under the faults: short timeouts and waits. */
    private InvitationProvider provider() {
        return load(simulator.config().toBuilder().readTimeout(readTimeout()).retryPolicy(retryPolicy()).build());
    }

    /** A provider with the default timeouts and retries, to set each scene and check it. */
    private InvitationProvider healthy() {
        return load(simulator.config());
    }

    private static void requireMembers(InvitationProvider provider) {
        Assumptions.assumeTrue(provider.info().capabilities().members().list()
                && provider.info().capabilities().members().remove(), "the provider does not declare list and "
                + "remove in capabilities().members(): " + provider.info().capabilities().members());
    }

    private static boolean byEmail(InvitationProvider provider) {
        return provider.info().capabilities().members().findByEmail();
    }

    /**
     * Invites and accepts, healthy: the member the address became, by members().findByEmail where the
     * provider declares it, else by the id the simulator names ({@link VendorControl#memberId}).
     */
    private Member member(InvitationProvider provider, String email) {
        Invitation invited = provider.invite(InvitationRequest.of(email));
        simulator.accept(invited.id());
        Optional<Member> member = byEmail(provider) ? provider.members().findByEmail(email)
                : simulator.memberId(email).flatMap(id -> provider.members().find(id));
        return member.orElseThrow(() -> new AssertionError("after accepting, " + email + " is not a member: the "
                + "simulator's accept must make a member, and members().findByEmail (or, where the provider cannot find "
                + "members by email, find(simulator.memberId(email))) find it"));
    }

    /** No DELETE the vendor answered 404: a delete sent again after one that had taken effect. */
    private void assertNothingDeletedTwice(SimulatedFault fault) {
        List<String> twice = simulator.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("DELETE"))
                .filter(e -> e.getResponse() != null && e.getResponse().getStatus() == 404)
                .map(ServeEvent::getRequest).map(r -> r.getUrl()).collect(Collectors.toList());
        assertEquals(List.of(), twice, "deletes answered 404 under " + fault + ": a delete sent again after one that had "
                + "taken effect, which core must look up instead");
    }

    private String email(String label) {
        return "roster-" + label + "-" + run + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static List<String> ids(Offboarding done) {
        return done.revokedInvitations().stream().map(Invitation::id).collect(Collectors.toList());
    }
}
