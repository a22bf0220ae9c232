package dev.roster.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.roster.Capabilities;
import dev.roster.Invitation;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProjectGrant;
import dev.roster.RosterException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract's groups for creating and reading invitations: invite, find, list and pagination,
 * findByEmail. Part of {@link InvitationProviderContract} (see {@link ContractSupport} for why it
 * is split into several files); not meant to be extended on its own.
 */
abstract class InviteAndReadGroups extends ContractSupport {

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
        @DisplayName("stamps a creation time close to when it was invited (within a day), alike in invite, find and "
                + "findByEmail, and an expiry after it")
        void timestamps() {
            String email = newEmail("timestamps");
            Instant before = Instant.now();
            Invitation invitation = provider.invite(InvitationRequest.of(email));
            expectCreatedAround(invitation, "invite()", before, Instant.now());
            provider.find(invitation.id()).ifPresent(found -> expectCreatedAround(found, "find()", before, Instant.now()));
            provider.findByEmail(email).ifPresent(found -> expectCreatedAround(found, "findByEmail()", before, Instant.now()));
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

        @TestFactory
        @DisplayName("walks every page without losing or repeating an invitation, each cursor leading to at least one "
                + "more invitation, the last page having none")
        Stream<DynamicTest> walksEveryPage() {
            int max = provider.info().capabilities().maxPageSize();
            return IntStream.of(1, 2, 3, max).filter(size -> size <= max).distinct().mapToObj(size -> dynamicTest(
                    size == max ? "pages of " + size + ", the provider's maximum" : "pages of " + size, () -> walk(size)));
        }

        private void walk(int size) {
            Set<String> emails = inviteSeveral("page" + size, 7);
            List<Page<Invitation>> pages = pages(size);
            if (endsHollow(pages)) {
                // Another test sharing the backend may have deleted the invitations after the cursor
                // between two requests; a second walk tells that apart from an adapter that always does it.
                pages = pages(size);
            }
            if (endsHollow(pages)) {
                Page<Invitation> last = pages.get(pages.size() - 2);
                throw failure("with pages of " + size + ", list() returned a cursor on page " + (pages.size() - 1)
                                + " (" + last.items().size() + " items), and the page it led to was empty, twice",
                        "a cursor only when at least one more invitation follows: an exactly full last page has no cursor",
                        "how the adapter decides there is a next page (the vendor's has_more or next link, not \"the page "
                                + "is full\")", null);
            }
            Map<String, Integer> seenIds = new HashMap<>();
            Map<String, Integer> ourEmails = new HashMap<>();
            for (Page<Invitation> page : pages) {
                expectTrue(page.items().size() <= size, "list(size " + size + ") returned " + page.items().size() + " items",
                        "at most " + size + " items per page", "that the page size is sent to the vendor ("
                                + "limit/page_size) and the adapter does not merge pages");
                for (Invitation item : page.items()) {
                    seenIds.merge(item.id(), 1, Integer::sum);
                    emails.stream().filter(e -> sameEmail(e, item.email())).forEach(e -> ourEmails.merge(e, 1, Integer::sum));
                }
            }
            List<String> repeated = seenIds.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .sorted().collect(Collectors.toList());
            expectTrue(repeated.isEmpty(), "with pages of " + size + ", these ids came more than once: " + repeated,
                    "every invitation exactly once across pages", "how the next cursor is derived from a page");
            Set<String> missing = new HashSet<>(emails);
            missing.removeAll(ourEmails.keySet());
            expectTrue(missing.isEmpty(), "with pages of " + size + ", these invited emails never showed up: " + missing,
                    "every invitation on some page", "that no item of a page is dropped and the cursor skips nothing");
        }

        /** Whether a cursor led to nothing: the walk has pages after the first, and the last is empty. */
        private boolean endsHollow(List<Page<Invitation>> pages) {
            return pages.size() > 1 && pages.get(pages.size() - 1).items().isEmpty();
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

    private static String nonDefaultRole(Capabilities caps) {
        return caps.roles().stream().filter(r -> !caps.defaultRole().map(r::equals).orElse(false)).sorted().findFirst()
                .orElse(caps.defaultRole().orElseThrow());
    }
}
