package dev.roster.testkit;

import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.junit.jupiter.api.Named.named;

import dev.roster.InvalidRequestException;
import dev.roster.InvitationProvider;
import dev.roster.Invitation;
import dev.roster.InvitationRequest;
import dev.roster.RosterException;
import dev.roster.UnsupportedCapabilityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance contract: what every {@link InvitationProvider} must do, whatever the vendor.
 * An adapter proves itself by extending this class in a few lines:
 *
 * <pre>{@code
 * class OpenAiContractTest extends InvitationProviderContract {
 *     @RegisterExtension
 *     static final OpenAiSimulator openai = new OpenAiSimulator();
 *
 *     @Override
 *     protected InvitationProvider provider() {
 *         return InvitationProviders.load("openai", openai.config());
 *     }
 *
 *     @Override
 *     protected InvitationProvider newProvider() {   // one the contract may close
 *         return InvitationProviders.load("openai", openai.config());
 *     }
 *
 *     @Override
 *     protected VendorControl vendor() {
 *         return openai;
 *     }
 * }
 * }</pre>
 *
 * <p>The contract itself needs nothing but core and JUnit. A vendor simulator such as the
 * {@code OpenAiSimulator} above comes from {@code roster-testkit-http}
 * ({@code dev.roster.testkit.simulator}), with the contracts that need one on the wire (reliability
 * under faults, hostile input, secret leaks, transport safety); an adapter with a backend of its own
 * (or {@link InMemoryInvitationProvider}) needs only this module.
 *
 * <p><b>Test the provider as applications receive it</b>: {@link #provider()} must return the
 * adapter wrapped in core's policy, which is what {@link dev.roster.InvitationProviders#load}
 * returns, or {@link dev.roster.InvitationProviders#withPolicy} for an adapter built by hand. Several
 * rules (validation before I/O, idempotent invites) are core's policy working together with the
 * adapter, so a bare adapter fails them.
 *
 * <p>{@link #provider()} is called once before each test and the provider is closed after it. The
 * tests use fresh, unique email addresses, so a backend shared between tests is fine, and so are
 * invitations left over from earlier tests. A test of a feature the provider declares unsupported
 * in {@link dev.roster.ProviderInfo#capabilities()} (roles, a default role, project grants) is
 * skipped with the reason; so are the lifecycle tests when {@link #vendor()} is
 * {@link VendorControl#none()}, and the closed-provider tests unless {@link #newProvider()} is
 * overridden. Where a rule differs by capability (revoking an accepted invitation, project grants
 * refused), the test checks whichever the provider declares, so an adapter that declares roles and
 * project grants, overrides {@code vendor()} and {@code newProvider()} runs the whole contract with
 * nothing skipped.
 *
 * <p>The rules beyond the obvious ones:
 * <ul>
 *   <li><b>Pagination</b>: a cursor leads to at least one more invitation; an exactly full last page
 *       carries none.</li>
 *   <li><b>findByEmail</b> returns the address's pending invitation if it has one, whatever else the
 *       vendor still holds for it (an older expired or revoked invitation); otherwise the newest.</li>
 *   <li><b>Statuses agree</b>: {@code find}, {@code list}, {@code stream} and {@code findByEmail}
 *       report the same status for an invitation.</li>
 *   <li><b>Creation times</b> lie within a day of when the test invited.</li>
 *   <li><b>revoke</b> never throws for a pending, expired or already revoked invitation: it answers
 *       {@code false} only when the vendor has no such invitation (never had it, or deleted it
 *       outright on an earlier revoke, as OpenAI does), {@code true} otherwise, and afterwards the
 *       invitation is gone, REVOKED or (if it had expired) EXPIRED, never PENDING. An accepted
 *       invitation is a {@link dev.roster.ConflictException} {@code ACCEPTED_CANNOT_BE_REVOKED}
 *       where the capabilities say {@code revokeAccepted} false.</li>
 *   <li><b>A closed provider</b> throws {@link dev.roster.ProviderConfigurationException} from
 *       {@code invite}, {@code find}, {@code list}, {@code revoke}, {@code findByEmail} and
 *       {@code stream} (when consumed); a second {@code close()} does nothing.</li>
 * </ul>
 *
 * <p>Every failure message says what the adapter did, what the contract expects, and what to check.
 */
public abstract class InvitationProviderContract extends MemberGroups {

    /** For subclasses: they override {@link #provider()} and, where they can, the other hooks. */
    protected InvitationProviderContract() {}

    // ----------------------------------------------------------------------------------------
    // Groups (more in the superclasses: InviteAndReadGroups, RevokeAndLifecycleGroups)

    @Nested
    @DisplayName("idempotent invite")
    class IdempotentInvite {

        @Test
        @DisplayName("returns the same invitation when a pending address is invited again, in any case")
        void sameInvitation() {
            String email = newEmail("Again");
            Invitation first = provider.invite(InvitationRequest.of(email));
            for (String spelling : List.of(email, email.toUpperCase(Locale.ROOT))) {
                Invitation again;
                try {
                    again = provider.invite(InvitationRequest.of(spelling));
                } catch (RosterException e) {
                    throw failure("inviting " + spelling + " again threw " + e, "the pending invitation " + first.id(),
                            "that the adapter reports the vendor's duplicate as ConflictException ALREADY_INVITED "
                                    + "and that findByEmail() finds the pending invitation", e);
                }
                expect(first.id(), again.id(), "inviting " + spelling + " again returned " + again.id()
                                + " instead of " + first.id(), "the same pending invitation, not a second one",
                        "that the adapter maps the vendor's duplicate to ConflictException ALREADY_INVITED");
            }
        }

        @Test
        @DisplayName("leaves exactly one pending invitation for the address")
        void onePending() {
            String email = newEmail("once");
            provider.invite(InvitationRequest.of(email));
            provider.invite(InvitationRequest.of(email));
            long pending;
            try (Stream<Invitation> all = provider.stream()) {
                pending = all.filter(i -> sameEmail(email, i.email()) && i.isPending()).count();
            }
            expect(1L, pending, "after inviting " + email + " twice, there are " + pending + " pending invitations",
                    "exactly one", "that the vendor's duplicate answer is mapped to ConflictException ALREADY_INVITED");
        }
    }

    @Nested
    @DisplayName("concurrency")
    class Concurrency {

        @Test
        @DisplayName("loses no invitation when 8 threads invite distinct addresses at once")
        void eightThreads() throws Exception {
            int threads = 8;
            int perThread = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Invitation>>> results = new ArrayList<>();
            Set<String> emails = ConcurrentEmails.distinct(RUN, threads * perThread);
            List<String> ordered = new ArrayList<>(emails);
            try {
                for (int t = 0; t < threads; t++) {
                    List<String> mine = ordered.subList(t * perThread, (t + 1) * perThread);
                    Callable<List<Invitation>> task = () -> {
                        start.await();
                        List<Invitation> out = new ArrayList<>();
                        for (String email : mine) {
                            out.add(provider.invite(InvitationRequest.of(email)));
                        }
                        return out;
                    };
                    results.add(pool.submit(task));
                }
                start.countDown();
                Set<String> ids = new HashSet<>();
                for (Future<List<Invitation>> result : results) {
                    for (Invitation invitation : result.get(2, TimeUnit.MINUTES)) {
                        expectTrue(ids.add(invitation.id()), "two concurrent invites returned the same id " + invitation.id(),
                                "a distinct invitation per address", "that the adapter keeps no per-call state in shared fields");
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            Set<String> listed;
            try (Stream<Invitation> all = provider.stream()) {
                listed = all.map(i -> i.email().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            }
            Set<String> lost = emails.stream().filter(e -> !listed.contains(e.toLowerCase(Locale.ROOT)))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            expectTrue(lost.isEmpty(), "after 8 threads invited " + emails.size() + " addresses, " + lost.size()
                    + " are missing from stream(): " + lost, "every invitation kept",
                    "that the adapter (and its HTTP client) is thread-safe");
        }
    }

    @Nested
    @DisplayName("validation before any I/O")
    class Validation {

        @ParameterizedTest(name = "id {0}")
        @MethodSource("dev.roster.testkit.InvitationProviderContract#malformedIds")
        @DisplayName("rejects a malformed invitation id on find and revoke")
        void malformedIds(String id) {
            expectThrows(InvalidRequestException.class, () -> provider.find(id), "find(\"" + printable(id) + "\")",
                    "an InvalidRequestException before any request", "that provider() returns the provider with core's policy");
            expectThrows(InvalidRequestException.class, () -> provider.revoke(id), "revoke(\"" + printable(id) + "\")",
                    "an InvalidRequestException before any request", "that provider() returns the provider with core's policy");
        }

        /**
         * Only {@code findByEmail} takes an address from the caller as it is: {@code invite} takes an
         * {@link InvitationRequest}, which cannot be built with a malformed one (core's own tests prove
         * that), so an adapter cannot be handed one there.
         */
        @ParameterizedTest(name = "email {0}")
        @MethodSource("dev.roster.testkit.InvitationProviderContract#malformedEmails")
        @DisplayName("rejects a malformed email address in findByEmail")
        void malformedEmails(String email) {
            expectThrows(InvalidRequestException.class, () -> provider.findByEmail(email),
                    "findByEmail(\"" + printable(email) + "\")", "an InvalidRequestException before any request",
                    "that provider() returns the provider with core's policy");
        }

        @Test
        @DisplayName("rejects a role the provider does not have, inviting nobody")
        void unknownRole() {
            String email = newEmail("bad-role");
            expectThrows(UnsupportedCapabilityException.class,
                    () -> provider.invite(InvitationRequest.builder(email).role("no-such-role-xyz").build()),
                    "invite() with role 'no-such-role-xyz'", "an UnsupportedCapabilityException before any request",
                    "the roles the adapter declares in its capabilities");
            expectNotInvited(email);
        }

        @Test
        @DisplayName("rejects a project grant it cannot honour (any grant where it has none, an unknown project role "
                + "where it has some), inviting nobody")
        void unhonourableProjectGrant() {
            boolean grants = provider.info().capabilities().projectGrants();
            String email = newEmail("bad-projects");
            String role = grants ? "no-such-role-xyz" : "member";
            expectThrows(UnsupportedCapabilityException.class,
                    () -> provider.invite(InvitationRequest.builder(email).project("proj_x", role).build()),
                    "invite() with " + (grants ? "project role '" + role + "'" : "a project grant"),
                    "an UnsupportedCapabilityException before any request",
                    grants ? "the project roles the adapter declares" : "that the adapter declares no project grants");
            expectNotInvited(email);
        }

        @Test
        @DisplayName("rejects a vendor attribute the provider does not know, inviting nobody")
        void unknownAttribute() {
            String email = newEmail("bad-attribute");
            expectThrows(UnsupportedCapabilityException.class,
                    () -> provider.invite(InvitationRequest.builder(email).attribute("no_such_attribute", "x").build()),
                    "invite() with attribute no_such_attribute", "an UnsupportedCapabilityException before any request",
                    "the vendor attributes the adapter declares");
            expectNotInvited(email);
        }

        private void expectNotInvited(String email) {
            Optional<Invitation> found = provider.findByEmail(email);
            expectTrue(found.isEmpty(), "a rejected invite() still created " + found.orElse(null),
                    "nothing created for a rejected request", "that validation happens before the request is sent");
        }
    }

    // ----------------------------------------------------------------------------------------
    // Argument sources

    /**
     * Invitation ids core refuses: empty, path segments and their encodings, query and fragment
     * characters, whitespace, control characters, and one character over the 255 allowed.
     *
     * @return the ids, named for the test report
     */
    static Stream<Arguments> malformedIds() {
        return Stream.concat(
                Stream.of("", ".", "..", "../projects", "a/b", "%2e%2e", "x?y=1", "x#y", "a b", "a\r\nb", "a\u0000b")
                        .map(id -> arguments(named("\"" + printable(id) + "\"", id))),
                Stream.of(arguments(named("of 256 characters, one over the limit", "i".repeat(256)))));
    }

    /**
     * Email addresses core refuses: blank, no or two {@code @}, whitespace, control characters, no
     * dot in the domain, and one character over the limits (255 characters in all, a local part of 65).
     *
     * @return the addresses, named for the test report
     */
    static Stream<Arguments> malformedEmails() {
        String local64 = "a".repeat(64);
        // 64 + 1 + 63 + 1 + 63 + 1 + 62 = 255: a valid shape, one character longer than 254.
        String overlong = local64 + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62);
        return Stream.concat(
                Stream.of("", "   ", "no-at-sign", "two@@example.com", "a@b@example.com", "sp ace@example.com",
                        "ctrl\u0007@example.com", "user@localhost", "user@example..com", "@example.com")
                        .map(email -> arguments(named("\"" + printable(email) + "\"", email))),
                Stream.of(arguments(named("of 255 characters, one over the limit", overlong)),
                        arguments(named("with a local part of 65 characters, one over the limit", local64 + "a@example.com"))));
    }

    /** Builds the address lists for the concurrency test. */
    private static final class ConcurrentEmails {
        static Set<String> distinct(String run, int count) {
            String batch = UUID.randomUUID().toString().substring(0, 8);
            return IntStream.range(0, count).mapToObj(i -> "roster-concurrent-" + run + "-" + batch + "-" + i + "@example.com")
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        }
    }
}
