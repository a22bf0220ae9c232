package dev.roster.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.Capabilities;
import dev.roster.ConflictException;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProjectGrant;
import dev.roster.RosterException;
import dev.roster.UnsupportedCapabilityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
 *     protected VendorControl vendor() {
 *         return openai;
 *     }
 * }
 * }</pre>
 *
 * <p><b>Test the provider as applications receive it</b>: {@link #provider()} must return the
 * adapter wrapped in core's policy, which is what {@link dev.roster.InvitationProviders#load}
 * returns, or {@link dev.roster.InvitationProviders#withPolicy} for an adapter built by hand. Several
 * rules (validation before I/O, idempotent invites) are core's policy working together with the
 * adapter, so a bare adapter fails them.
 *
 * <p>{@link #provider()} is called once before each test and the provider is closed after it. The
 * tests use fresh, unique email addresses, so a backend shared between tests is fine, and so are
 * invitations left over from earlier tests. A test that needs a capability the provider declares
 * unsupported (in {@link dev.roster.ProviderInfo#capabilities()}) is skipped with the reason; so
 * are the lifecycle tests when {@link #vendor()} is {@link VendorControl#none()}.
 *
 * <p>Every failure message says what the adapter did, what the contract expects, and what to check.
 */
public abstract class InvitationProviderContract {

    /** How far in the future a creation time may lie, for clock skew between machines. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    /** Distinguishes this run's email addresses from those of earlier runs against the same backend. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private InvitationProvider provider;

    /**
     * The provider under test, with core's policy: return
     * {@code InvitationProviders.load(id, config)} (or {@code InvitationProviders.withPolicy(adapter,
     * config)}). Called once before each test; the contract closes what it returns.
     *
     * @return the provider to test
     */
    protected abstract InvitationProvider provider();

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
    // Groups

    @Nested
    @DisplayName("invite")
    class Invite {

        @Test
        @DisplayName("returns a pending invitation for the requested email")
        void returnsPendingInvitation() {
            String email = newEmail("pending");
            Invitation invitation = provider.invite(InvitationRequest.of(email));
            expect(InvitationStatus.PENDING, invitation.status(), "invite() returned status " + invitation.status(),
                    "a new invitation to be PENDING", "the adapter's mapping of the vendor's status");
            expectTrue(sameEmail(email, invitation.email()), "invite() returned email " + invitation.email() + " for " + email,
                    "the invitation to carry the invited address", "the mapping of the vendor's email field");
        }

        @Test
        @DisplayName("carries the requested role")
        void carriesRole() {
            Capabilities caps = provider.info().capabilities();
            assumeTrue(caps.supportsRoles(), "the provider has no roles at invitation time");
            String role = nonDefaultRole(caps);
            Invitation invitation = provider.invite(InvitationRequest.builder(newEmail("role")).role(role).build());
            expect(Optional.of(role), invitation.role(), "invite() with role '" + role + "' returned role " + invitation.role(),
                    "the invitation to carry the requested role", "that the request's role is sent and the response's role mapped");
        }

        @Test
        @DisplayName("applies the default role when the request names none")
        void appliesDefaultRole() {
            Capabilities caps = provider.info().capabilities();
            assumeTrue(caps.defaultRole().isPresent(), "the provider declares no default role");
            Invitation invitation = provider.invite(InvitationRequest.of(newEmail("default-role")));
            expect(caps.defaultRole(), invitation.role(), "invite() without a role returned role " + invitation.role(),
                    "the declared default role " + caps.defaultRole().get(),
                    "that the adapter sends the default role (or the vendor applies it) and maps it back");
        }

        @Test
        @DisplayName("carries the requested project grants")
        void carriesProjects() {
            Capabilities caps = provider.info().capabilities();
            assumeTrue(caps.projectGrants(), "the provider declares no project grants");
            List<ProjectGrant> grants = sampleProjects(caps);
            Invitation invitation = provider.invite(InvitationRequest.builder(newEmail("projects")).projects(grants).build());
            expect(Set.copyOf(grants), Set.copyOf(invitation.projects()),
                    "invite() with projects " + grants + " returned projects " + invitation.projects(),
                    "the invitation to carry the requested grants", "the request's and the response's project mapping");
        }

        @Test
        @DisplayName("gives the invitation an id that find returns it by")
        void stableId() {
            Invitation invitation = provider.invite(InvitationRequest.of(newEmail("stable-id")));
            expectTrue(invitation.id() != null && !invitation.id().isBlank(), "invite() returned id '" + invitation.id() + "'",
                    "a non-blank id", "the mapping of the vendor's id field");
            Optional<Invitation> found = provider.find(invitation.id());
            expectTrue(found.isPresent(), "find('" + invitation.id() + "') right after invite() answered empty",
                    "the new invitation to be found by its id", "that find() calls the vendor's retrieve endpoint with the id");
            expect(invitation.id(), found.get().id(), "find('" + invitation.id() + "') returned id " + found.get().id(),
                    "the same id", "the mapping of the retrieve response");
        }

        @Test
        @DisplayName("stamps a creation time that is not in the future, and an expiry after it")
        void timestamps() {
            Invitation invitation = provider.invite(InvitationRequest.of(newEmail("timestamps")));
            Instant latest = Instant.now().plus(CLOCK_SKEW);
            invitation.createdAt().ifPresent(created -> expectTrue(!created.isAfter(latest),
                    "invite() returned createdAt " + created + ", after now (" + Instant.now() + ")",
                    "a creation time not in the future", "the unit of the vendor's timestamp (seconds vs milliseconds)"));
            if (invitation.createdAt().isPresent() && invitation.expiresAt().isPresent()) {
                expectTrue(invitation.expiresAt().get().isAfter(invitation.createdAt().get()),
                        "invite() returned expiresAt " + invitation.expiresAt().get() + ", not after createdAt "
                                + invitation.createdAt().get(),
                        "the expiry to follow the creation", "which vendor fields feed createdAt and expiresAt");
            }
        }

        @Test
        @DisplayName("names the provider that reported it")
        void namesProvider() {
            Invitation invitation = provider.invite(InvitationRequest.of(newEmail("provider-id")));
            expect(provider.info().id(), invitation.provider(), "invite() returned provider '" + invitation.provider() + "'",
                    "the provider's own id from info()", "the provider id the adapter sets when mapping");
        }
    }

    @Nested
    @DisplayName("find")
    class Find {

        @Test
        @DisplayName("finds an invitation by its id, with the same email")
        void findsById() {
            String email = newEmail("find");
            Invitation invited = provider.invite(InvitationRequest.of(email));
            Invitation found = provider.find(invited.id()).orElse(null);
            expectTrue(found != null, "find('" + invited.id() + "') answered empty", "the invitation just created",
                    "the retrieve endpoint's path and the mapping of its response");
            expectTrue(sameEmail(email, found.email()), "find() returned email " + found.email(), "email " + email,
                    "the mapping of the retrieve response");
        }

        @Test
        @DisplayName("answers empty, not an exception, for an id the vendor does not know")
        void unknownIdIsEmpty() {
            String unknown = unknownInvitationId();
            Optional<Invitation> found;
            try {
                found = provider.find(unknown);
            } catch (RosterException e) {
                throw failure("find('" + unknown + "') threw " + e, "Optional.empty() for an unknown id",
                        "that the adapter maps the vendor's 404 on retrieve to an empty result", e);
            }
            expectTrue(found.isEmpty(), "find('" + unknown + "') returned " + found.orElse(null),
                    "Optional.empty() for an unknown id", "that the adapter does not invent invitations");
        }
    }

    @Nested
    @DisplayName("list and pagination")
    class ListAndPagination {

        @ParameterizedTest(name = "pages of {0}")
        @ValueSource(ints = {1, 2, 3, 0})
        @DisplayName("walks every page without losing or repeating an invitation, the last page having no cursor")
        void walksEveryPage(int requestedSize) {
            int max = provider.info().capabilities().maxPageSize();
            int size = requestedSize == 0 ? max : requestedSize;
            Set<String> emails = inviteSeveral("page" + size, 7);

            Map<String, Integer> seenIds = new HashMap<>();
            Set<String> seenCursors = new HashSet<>();
            Map<String, Integer> ourEmails = new HashMap<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                PageRequest request = cursor.map(c -> PageRequest.after(size, c)).orElse(PageRequest.first(size));
                Page<Invitation> page = provider.list(request);
                pages++;
                expectTrue(page.items().size() <= size, "list(size " + size + ") returned " + page.items().size() + " items",
                        "at most " + size + " items per page", "that the page size is sent to the vendor ("
                                + "limit/page_size) and the adapter does not merge pages");
                for (Invitation item : page.items()) {
                    seenIds.merge(item.id(), 1, Integer::sum);
                    emails.stream().filter(e -> sameEmail(e, item.email())).forEach(e -> ourEmails.merge(e, 1, Integer::sum));
                }
                cursor = page.nextCursor();
                if (cursor.isPresent() && !seenCursors.add(cursor.get())) {
                    throw failure("list() returned the cursor '" + cursor.get() + "' twice, after " + pages + " pages",
                            "every page to move forward until a page without cursor",
                            "that the adapter sends PageRequest.cursor() to the vendor (after/page_token)", null);
                }
                if (pages > 10_000) {
                    throw failure("list() kept returning cursors for 10000 pages", "pagination to end",
                            "that the last page has no nextCursor", null);
                }
            } while (cursor.isPresent());

            List<String> repeated = seenIds.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .sorted().collect(Collectors.toList());
            expectTrue(repeated.isEmpty(), "with pages of " + size + ", these ids came more than once: " + repeated,
                    "every invitation exactly once across pages", "how the next cursor is derived from a page");
            Set<String> missing = new HashSet<>(emails);
            missing.removeAll(ourEmails.keySet());
            expectTrue(missing.isEmpty(), "with pages of " + size + ", these invited emails never showed up: " + missing,
                    "every invitation on some page", "that no item of a page is dropped and the cursor skips nothing");
        }

        @Test
        @DisplayName("cuts a page larger than the provider's maximum down to it")
        void boundsPageSize() {
            int max = provider.info().capabilities().maxPageSize();
            inviteSeveral("bounded", 2);
            Page<Invitation> page = provider.list(PageRequest.first(max + 1));
            expectTrue(page.items().size() <= max, "list(size " + (max + 1) + ") returned " + page.items().size() + " items",
                    "at most the declared maxPageSize " + max, "the maxPageSize declared in the adapter's capabilities");
        }

        @Test
        @DisplayName("streams every invitation exactly once")
        void streamsEverything() {
            Set<String> emails = inviteSeveral("stream", 5);
            List<Invitation> all;
            try (Stream<Invitation> stream = provider.stream()) {
                all = stream.collect(Collectors.toList());
            }
            Set<String> ids = new HashSet<>();
            List<String> repeated = all.stream().map(Invitation::id).filter(id -> !ids.add(id)).collect(Collectors.toList());
            expectTrue(repeated.isEmpty(), "stream() returned these ids more than once: " + repeated,
                    "each invitation once", "the cursor handling in list()");
            for (String email : emails) {
                long count = all.stream().filter(i -> sameEmail(email, i.email())).count();
                expect(1L, count, "stream() returned " + count + " invitations for " + email,
                        "exactly one", "that list() pages forward without dropping items");
            }
        }
    }

    @Nested
    @DisplayName("findByEmail")
    class FindByEmail {

        @Test
        @DisplayName("finds an invitation whatever the case of the address")
        void caseInsensitive() {
            String email = newEmail("Case");
            Invitation invited = provider.invite(InvitationRequest.of(email));
            for (String spelling : List.of(email, email.toUpperCase(Locale.ROOT), email.toLowerCase(Locale.ROOT))) {
                Optional<Invitation> found = provider.findByEmail(spelling);
                expectTrue(found.isPresent() && found.get().id().equals(invited.id()),
                        "findByEmail('" + spelling + "') returned " + found.map(Invitation::id).orElse("nothing")
                                + " after inviting " + email + " as " + invited.id(),
                        "the same invitation, comparing addresses case-insensitively",
                        "that the adapter's findByEmail (or its server-side filter) ignores case");
            }
        }

        @Test
        @DisplayName("answers empty for an address never invited")
        void unknownEmail() {
            Optional<Invitation> found = provider.findByEmail(newEmail("never-invited"));
            expectTrue(found.isEmpty(), "findByEmail() of a never-invited address returned " + found.orElse(null),
                    "Optional.empty()", "the email filter of findByEmail");
        }
    }

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
        void requireVendorControl() {
            assumeFalse(vendor() == VendorControl.none(), "vendor() returns VendorControl.none(): no backend control");
        }

        @Test
        @DisplayName("reports an accepted invitation as accepted")
        void accepted() {
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
        @DisplayName("refuses to revoke an accepted invitation with a conflict, where the provider says it cannot")
        void revokeAccepted() {
            assumeFalse(provider.info().capabilities().revokeAccepted(), "the provider can revoke accepted invitations");
            Invitation invited = provider.invite(InvitationRequest.of(newEmail("revoke-accepted")));
            vendor().accept(invited.id());
            ConflictException conflict = expectThrows(ConflictException.class, () -> provider.revoke(invited.id()),
                    "revoke() of an accepted invitation", "a ConflictException",
                    "how the adapter maps the vendor's refusal to delete an accepted invitation");
            expect(ConflictException.Reason.ACCEPTED_CANNOT_BE_REVOKED, conflict.reason(),
                    "revoke() of an accepted invitation threw a conflict with reason " + conflict.reason(),
                    "reason ACCEPTED_CANNOT_BE_REVOKED", "the adapter's error mapping for that refusal");
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
    }

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
        @DisplayName("rejects project grants where the provider has none, inviting nobody")
        void projectsWhereUnsupported() {
            assumeFalse(provider.info().capabilities().projectGrants(), "the provider supports project grants");
            String email = newEmail("bad-projects");
            expectThrows(UnsupportedCapabilityException.class,
                    () -> provider.invite(InvitationRequest.builder(email).project("proj_x", "member").build()),
                    "invite() with a project grant", "an UnsupportedCapabilityException before any request",
                    "that the adapter declares no project grants");
            expectNotInvited(email);
        }

        @Test
        @DisplayName("rejects a project role the provider does not have, inviting nobody")
        void unknownProjectRole() {
            assumeTrue(provider.info().capabilities().projectGrants(), "the provider declares no project grants");
            String email = newEmail("bad-project-role");
            expectThrows(UnsupportedCapabilityException.class,
                    () -> provider.invite(InvitationRequest.builder(email).project("proj_x", "no-such-role-xyz").build()),
                    "invite() with project role 'no-such-role-xyz'", "an UnsupportedCapabilityException before any request",
                    "the project roles the adapter declares");
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
    // Helpers

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

    /**
     * An invitation id that is well-formed but that no backend has.
     *
     * @return the id
     */
    protected String unknownInvitationId() {
        return "roster-contract-unknown-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private String newEmail(String label) {
        return "roster-" + label + "-" + RUN + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private Set<String> inviteSeveral(String label, int count) {
        return IntStream.range(0, count).mapToObj(i -> newEmail(label + i))
                .peek(email -> provider.invite(InvitationRequest.of(email)))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private InvitationStatus statusOf(String id) {
        return provider.find(id).map(Invitation::status).orElseThrow(() -> failure(
                "find('" + id + "') answered empty", "the invitation to still exist", "the retrieve mapping", null));
    }

    private static String nonDefaultRole(Capabilities caps) {
        return caps.roles().stream().filter(r -> !caps.defaultRole().map(r::equals).orElse(false)).sorted().findFirst()
                .orElse(caps.defaultRole().orElseThrow());
    }

    private static boolean sameEmail(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    private static String printable(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0").replace("\u0007", "\\a");
    }

    private static void expect(Object expected, Object actual, String did, String wants, String check) {
        assertEquals(expected, actual, () -> message(did, wants, check));
    }

    private static void expectTrue(boolean condition, String did, String wants, String check) {
        assertTrue(condition, () -> message(did, wants, check));
    }

    private static <T extends Throwable> T expectThrows(Class<T> type, org.junit.jupiter.api.function.Executable call,
            String what, String wants, String check) {
        return assertThrows(type, call, () -> message(what + " did not throw " + type.getSimpleName(), wants, check));
    }

    private static AssertionError failure(String did, String wants, String check, Throwable cause) {
        try {
            fail(message(did, wants, check), cause);
        } catch (AssertionError e) {
            return e;
        }
        throw new IllegalStateException("unreachable");
    }

    private static String message(String did, String wants, String check) {
        return "The adapter: " + did + ". The contract expects " + wants + ". If this fails, check " + check + ".";
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
