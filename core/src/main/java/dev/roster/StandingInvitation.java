package dev.roster;

import dev.roster.spi.InputRules;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which invitation stands for an email address when a vendor holds several for it: the one rule
 * that {@link InvitationProvider#findByEmail}, the adapters' own lookups, the sync engine and the
 * command line all apply, so that they never disagree about a person.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>a {@link InvitationStatus#PENDING pending} invitation beats every other; accepted,
 *       expired, revoked and unknown ones rank alike below it;</li>
 *   <li>then the most recently created wins; an invitation whose creation time the vendor did not
 *       say counts as older than any with one;</li>
 *   <li>then, on equal creation times (or none on either), the one whose id is greater in
 *       {@link String#compareTo} order: an arbitrary choice, but one that does not depend on the
 *       order in which the vendor listed them.</li>
 * </ol>
 * Addresses compare as {@link InputRules#sameEmail} does: trimmed and ignoring case.
 *
 * <pre>{@code
 * Map<String, Invitation> byEmail = new HashMap<>();
 * invitations.forEach(i -> byEmail.merge(i.email().strip().toLowerCase(Locale.ROOT), i, StandingInvitation::of));
 * }</pre>
 */
public final class StandingInvitation {

    private static final Comparator<Invitation> ORDER = Comparator
            .comparing(Invitation::isPending)
            .thenComparing(i -> i.createdAt().orElse(Instant.MIN))
            .thenComparing(Invitation::id);

    private StandingInvitation() {}

    /**
     * The rule as a comparator: of two invitations, the one that stands for the address is the
     * greater, so {@code max(order())} picks it.
     *
     * @return the comparator, consistent with {@link Invitation#equals} only up to the id
     */
    public static Comparator<Invitation> order() {
        return ORDER;
    }

    /**
     * Of two invitations for one address, the one that stands for it; a merge function for maps
     * keyed by address.
     *
     * @param first one invitation
     * @param second another, for the same address
     * @return {@code first} or {@code second}, whichever the rule prefers
     * @throws InvalidRequestException if either is null
     */
    public static Invitation of(Invitation first, Invitation second) {
        Checks.notNull(first, "The first invitation", "Pass two invitations to compare.", Checks.CALLER);
        Checks.notNull(second, "The second invitation", "Pass two invitations to compare.", Checks.CALLER);
        return ORDER.compare(second, first) > 0 ? second : first;
    }

    /**
     * The invitation that stands for an address among those listed, consuming the stream only as
     * far as needed: the first pending match ends the search, since a vendor holds at most one
     * pending invitation per address (a second invite for it is refused, and core answers that
     * refusal with the pending one). Should a vendor hold two, the first one listed is returned: any
     * pending invitation serves an idempotent invite, and reading on would cost every remaining page.
     * Without a pending match every invitation is read and the rule picks among the matches, so the
     * answer never depends on the vendor's order.
     *
     * @param invitations the candidates, in the vendor's order; not closed here
     * @param email the address, compared trimmed and ignoring case
     * @return the invitation that stands for the address, or empty if none is for it
     * @throws InvalidRequestException if an argument is null
     */
    public static Optional<Invitation> in(Stream<Invitation> invitations, String email) {
        Checks.notNull(invitations, "The stream of invitations", "Pass the stream of candidates, such as provider.stream().",
                Checks.CALLER);
        Checks.notNull(email, "The email address", "Pass the address to look for.", Checks.CALLER);
        Invitation best = null;
        Iterator<Invitation> it = invitations.iterator();
        while (it.hasNext()) {
            Invitation candidate = it.next();
            if (candidate == null || !InputRules.sameEmail(candidate.email(), email)) {
                continue;
            }
            if (candidate.isPending()) {
                return Optional.of(candidate);
            }
            best = best == null ? candidate : of(best, candidate);
        }
        return Optional.ofNullable(best);
    }
}
