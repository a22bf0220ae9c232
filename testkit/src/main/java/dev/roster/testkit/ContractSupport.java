package dev.roster.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.roster.Capabilities;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProjectGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * What every group of {@link InvitationProviderContract} shares: the hooks a subclass overrides,
 * the provider under test, and the helpers that word every failure the same way ("The adapter: ...
 * The contract expects ... If this fails, check ...").
 *
 * <p>The contract's {@code @Nested} groups live in a chain of superclasses, one file per few groups
 * ({@link InviteAndReadGroups}, {@link RevokeAndLifecycleGroups}, {@link InvitationProviderContract}
 * itself): JUnit runs the {@code @Nested} classes a test class inherits as its own, so a subclass of
 * {@link InvitationProviderContract} runs them all.
 */
abstract class ContractSupport {

    /**
     * How far a creation time may lie from the test's own clock, either way: generous, for clock
     * skew between machines and a vendor's rounding, yet it catches seconds read as milliseconds
     * (1970) and milliseconds read as seconds (the year 50000).
     */
    static final Duration TIME_WINDOW = Duration.ofDays(1);

    /** Distinguishes this run's email addresses from those of earlier runs against the same backend. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** The provider under test, opened before each test and closed after it. */
    InvitationProvider provider;

    /**
     * The provider under test, with core's policy: return
     * {@code InvitationProviders.load(id, config)} (or {@code InvitationProviders.withPolicy(adapter,
     * config)}). Called once before each test; the contract closes what it returns.
     *
     * @return the provider to test
     */
    protected abstract InvitationProvider provider();

    /**
     * A provider of its own, for the tests of what a closed provider does: the contract closes it
     * and then calls it, so it must not share anything that {@link #provider()} or other tests use
     * and that closing would break (return a new {@code InvitationProviders.load(id, config)}, or
     * a new in-memory backend wrapped with {@code InvitationProviders.withPolicy}). By default those
     * tests are skipped, saying to override this.
     *
     * @return a new provider, with core's policy, that the contract may close
     */
    protected InvitationProvider newProvider() {
        return Assumptions.abort("newProvider() is not overridden, so what a closed provider does is not tested: "
                + "override it to return a new provider of its own (such as InvitationProviders.load(id, config)), "
                + "which the contract closes and then calls");
    }

    /**
     * The backend acting as the vendor's people, to accept and expire invitations. Override it
     * where the backend can (the simulators and the in-memory provider implement
     * {@link VendorControl}); by default the lifecycle tests are skipped.
     *
     * @return the backend's control, or {@link VendorControl#none()}
     */
    protected VendorControl vendor() {
        return VendorControl.none();
    }

    /**
     * The project grants used where the provider supports them. Override it when the backend only
     * knows certain project ids.
     *
     * @param capabilities the provider's capabilities
     * @return the grants to request
     */
    protected List<ProjectGrant> sampleProjects(Capabilities capabilities) {
        String role = capabilities.projectRoles().stream().sorted().findFirst().orElseThrow();
        return List.of(ProjectGrant.of("proj_roster_contract", role));
    }

    /**
     * An invitation id that is well-formed but that no backend has.
     *
     * @return the id
     */
    protected String unknownInvitationId() {
        return "roster-contract-unknown-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @BeforeEach
    final void openProvider() {
        provider = provider();
        assertNotNull(provider, "provider() returned null. The contract expects the provider under test, "
                + "for example InvitationProviders.load(\"<id>\", config).");
    }

    @AfterEach
    final void closeProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    // ----------------------------------------------------------------------------------------
    // Helpers shared by the groups

    final boolean hasVendorControl() {
        return vendor() != VendorControl.none();
    }

    final void requireVendorControl() {
        Assumptions.assumeTrue(hasVendorControl(), "vendor() returns VendorControl.none(): no backend control");
    }

    /**
     * Skips a test that reads an accepted invitation back, where the provider declares it cannot:
     * the vendor drops accepted invitations (GitHub), and an adapter must not invent an ACCEPTED status.
     */
    final void requireAcceptedObservable() {
        Assumptions.assumeTrue(provider.info().capabilities().acceptedObservable(), "the provider declares "
                + "Capabilities.acceptedObservable() false: accepted invitations vanish from the vendor's lists, so there is "
                + "no accepted invitation to read back or revoke");
    }

    final String newEmail(String label) {
        return "roster-" + label + "-" + RUN + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    final Set<String> inviteSeveral(String label, int count) {
        return IntStream.range(0, count).mapToObj(i -> newEmail(label + i))
                .peek(email -> provider.invite(InvitationRequest.of(email)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    final InvitationStatus statusOf(String id) {
        return provider.find(id).map(Invitation::status).orElseThrow(() -> failure(
                "find('" + id + "') answered empty", "the invitation to still exist", "the retrieve mapping", null));
    }

    /**
     * Every page {@code list} returns at this size, from the first to the one without a cursor.
     * Fails on a cursor seen twice, and after 10000 pages.
     */
    final List<Page<Invitation>> pages(int size) {
        List<Page<Invitation>> pages = new ArrayList<>();
        Set<String> seenCursors = new java.util.HashSet<>();
        Optional<String> cursor = Optional.empty();
        do {
            PageRequest request = cursor.map(c -> PageRequest.after(size, c)).orElse(PageRequest.first(size));
            Page<Invitation> page = provider.list(request);
            pages.add(page);
            cursor = page.nextCursor();
            if (cursor.isPresent() && !seenCursors.add(cursor.get())) {
                throw failure("list() returned the cursor '" + cursor.get() + "' twice, after " + pages.size() + " pages",
                        "every page to move forward until a page without cursor",
                        "that the adapter sends PageRequest.cursor() to the vendor (after/page_token)", null);
            }
            if (pages.size() > 10_000) {
                throw failure("list() kept returning cursors for 10000 pages", "pagination to end",
                        "that the last page has no nextCursor", null);
            }
        } while (cursor.isPresent());
        return pages;
    }

    /**
     * Checks that a creation time, if the invitation has one, lies within {@link #TIME_WINDOW} of
     * when the test invited.
     *
     * @param invitation the invitation, as some operation returned it
     * @param operation which operation returned it, for the message
     * @param before the test's clock just before it invited
     * @param after the test's clock after the operation returned
     */
    static void expectCreatedAround(Invitation invitation, String operation, Instant before, Instant after) {
        invitation.createdAt().ifPresent(created -> expectTrue(
                !created.isBefore(before.minus(TIME_WINDOW)) && !created.isAfter(after.plus(TIME_WINDOW)),
                operation + " returned createdAt " + created + " for an invitation created between " + before + " and "
                        + after + " by the test's clock",
                "a creation time within " + TIME_WINDOW.toHours() + " hours of when it was invited",
                "the unit of the vendor's timestamp (seconds read as milliseconds land in 1970, milliseconds read "
                        + "as seconds far in the future) and which vendor field feeds createdAt"));
    }

    static boolean sameEmail(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    static String printable(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0").replace("\u0007", "\\a");
    }

    static void expect(Object expected, Object actual, String did, String wants, String check) {
        assertEquals(expected, actual, () -> message(did, wants, check));
    }

    static void expectTrue(boolean condition, String did, String wants, String check) {
        assertTrue(condition, () -> message(did, wants, check));
    }

    static <T extends Throwable> T expectThrows(Class<T> type, Executable call, String what, String wants, String check) {
        return assertThrows(type, call, () -> message(what + " did not throw " + type.getSimpleName(), wants, check));
    }

    static AssertionError failure(String did, String wants, String check, Throwable cause) {
        try {
            fail(message(did, wants, check), cause);
        } catch (AssertionError e) {
            return e;
        }
        throw new IllegalStateException("unreachable");
    }

    static String message(String did, String wants, String check) {
        return "The adapter: " + did + ". The contract expects " + wants + ". If this fails, check " + check + ".";
    }
}
