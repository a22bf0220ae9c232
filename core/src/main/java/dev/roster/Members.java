package dev.roster;

import dev.roster.internal.Pagination;
import dev.roster.spi.InputRules;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The members of a vendor's organisation: the people who accepted, as {@link InvitationProvider#members()}
 * shows them. What a provider can do here is declared in {@link Capabilities#members()}; through core's
 * policy a call the provider does not support is an {@link UnsupportedCapabilityException} before any
 * I/O, every argument is checked first, reads are retried, and {@link #remove} is safe to repeat.
 *
 * <pre>{@code
 * Members members = roster.members();
 * members.findByEmail("ada@example.com").ifPresent(ada -> members.remove(ada.id()));
 * members.stream().filter(m -> !m.serviceAccount()).forEach(System.out::println);
 * }</pre>
 *
 * <p>Adapters implement this view and return it from {@link InvitationProvider#members()}; the
 * defaults here are what an adapter gets when the vendor offers nothing better.
 */
public interface Members {

    /**
     * Looks a member up by the vendor's user id.
     *
     * @param memberId an id from {@link Member#id()}
     * @return the member, or empty if the vendor has no such member
     * @throws InvalidRequestException if the id is malformed (see {@link InputRules#memberId})
     * @throws UnsupportedCapabilityException if the provider cannot list members
     */
    Optional<Member> find(String memberId);

    /**
     * The member with an email address, compared case-insensitively. This default scans
     * {@link #stream()}; adapters override it where the vendor can filter by email.
     *
     * @param email the address
     * @return the member, or empty if no member has that address
     * @throws InvalidRequestException if the address is malformed
     * @throws UnsupportedCapabilityException if the provider cannot look members up by email (see
     *     {@link MemberCapabilities#findByEmail()}: GitHub does not reveal members' addresses)
     */
    default Optional<Member> findByEmail(String email) {
        String wanted = InputRules.email(email);
        try (Stream<Member> all = stream()) {
            return all.filter(m -> m.email().filter(e -> InputRules.sameEmail(e, wanted)).isPresent()).findFirst();
        }
    }

    /**
     * Fetches one page of members.
     *
     * @param request the page size and the previous page's cursor
     * @return the page, with a cursor to the next unless it is the last
     * @throws UnsupportedCapabilityException if the provider cannot list members
     */
    Page<Member> list(PageRequest request);

    /**
     * Every member, fetched lazily page by page as the stream is consumed. This default asks for
     * pages of 100; through core's policy the pages are the provider's largest.
     *
     * @return the members in the vendor's order
     * @throws RosterException while consuming, if a page fails or the provider returns the same
     *     cursor twice
     */
    default Stream<Member> stream() {
        return Pagination.stream(this::list, 100, "members");
    }

    /**
     * Removes a member from the organisation: their access ends. Safe to repeat. Through core's
     * policy this holds even when the vendor fails mid-call: the member is looked up first, and after a
     * removal whose answer was lost, a member gone afterwards is {@code true} (not an error), an unknown
     * id never {@code true}.
     *
     * @param memberId an id from {@link Member#id()}
     * @return true if removed; false if the vendor has no such member (never had, or already removed)
     * @throws InvalidRequestException if the id is malformed
     * @throws UnsupportedCapabilityException if the provider cannot remove members
     */
    boolean remove(String memberId);
}
