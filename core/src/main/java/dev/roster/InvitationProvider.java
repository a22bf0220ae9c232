package dev.roster;

import dev.roster.internal.Offboarder;
import dev.roster.internal.Pagination;
import dev.roster.spi.InputRules;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Invitations into one vendor's organisation: what applications call, and what adapters
 * implement.
 *
 * <p>Obtain one from {@link InvitationProviders}, which wraps the adapter in core's policy: every
 * argument is checked before any I/O (a bad one is an {@link InvalidRequestException} or
 * {@link UnsupportedCapabilityException}), and {@link #invite} is idempotent for pending
 * invitations. Instances are thread-safe and meant to be shared; {@link #close()} one when done.
 *
 * <pre>{@code
 * try (InvitationProvider invitations = InvitationProviders.loadDefault(ProviderConfig.fromEnvironment())) {
 *     Invitation sent = invitations.invite(InvitationRequest.of("ada@example.com"));
 *     invitations.stream().filter(Invitation::isPending).forEach(System.out::println);
 *     invitations.revoke(sent.id());
 * }
 * }</pre>
 *
 * <p>Every failure is a {@link RosterException}.
 */
public interface InvitationProvider extends AutoCloseable {

    /**
     * Who this provider is and what it can do.
     *
     * @return the provider's id, name and capabilities
     */
    ProviderInfo info();

    /**
     * Invites a person. Through core's policy this is idempotent for pending invitations: inviting
     * an email that already has one returns that invitation as it is (its role and projects
     * unchanged) instead of sending a second.
     *
     * @param request who to invite, and how
     * @return the pending invitation
     * @throws ConflictException with {@link ConflictException.Reason#ALREADY_MEMBER} if the person is
     *     already a member
     * @throws UnsupportedCapabilityException if the request asks for a role, project or attribute
     *     the provider does not support
     */
    Invitation invite(InvitationRequest request);

    /**
     * Looks an invitation up by id.
     *
     * @param invitationId an id a provider returned
     * @return the invitation, or empty if the vendor has no such invitation
     * @throws InvalidRequestException if the id is malformed (see {@link InputRules#invitationId})
     */
    Optional<Invitation> find(String invitationId);

    /**
     * Fetches one page of invitations.
     *
     * @param request the page size and the previous page's cursor
     * @return the page, with a cursor to the next unless it is the last
     */
    Page<Invitation> list(PageRequest request);

    /**
     * Withdraws a pending invitation.
     *
     * <p>Through core's policy this holds even when the vendor fails mid-call: with retries on, the
     * invitation is looked up first, so that a delete whose answer was lost can be told apart from
     * one for an id the vendor never had. An unknown id is never answered {@code true}, and an
     * invitation the look-up found and this call revoked never {@code false}. A failure that
     * outlasts the retries is thrown (a {@link ProviderUnavailableException}); calling again is safe.
     *
     * <p>Revoking is safe to repeat, and never throws for a pending, expired or already revoked
     * invitation. {@code false} means only that the vendor has no such invitation: it never had it,
     * or it deleted the invitation outright on an earlier revoke. Otherwise the answer is
     * {@code true}: a second revoke answers {@code true} where the vendor keeps revoked invitations
     * and {@code false} where it deletes them, and revoking an expired invitation answers
     * {@code true}. Afterwards {@link #find} shows the invitation gone,
     * {@link InvitationStatus#REVOKED} or (if it had expired) {@link InvitationStatus#EXPIRED}, never
     * {@link InvitationStatus#PENDING}.
     *
     * @param invitationId an id a provider returned
     * @return false only if the vendor has no such invitation (never had it, or deleted it on an
     *     earlier revoke); true otherwise
     * @throws ConflictException with {@link ConflictException.Reason#ACCEPTED_CANNOT_BE_REVOKED} if it
     *     was already accepted and the provider cannot revoke accepted invitations
     * @throws InvalidRequestException if the id is malformed
     */
    boolean revoke(String invitationId);

    /**
     * Every invitation, fetched lazily page by page (the provider's largest page) as the stream is
     * consumed: {@code stream().findFirst()} makes exactly one request.
     *
     * @return the invitations in the vendor's order
     * @throws RosterException while consuming, if a page fails or the provider returns the same
     *     cursor twice
     */
    default Stream<Invitation> stream() {
        return Pagination.stream(this::list, info().capabilities().maxPageSize(), info().id());
    }

    /**
     * The invitation for an email address, compared case-insensitively: the pending one if there is
     * one, otherwise the most recently created, as {@link StandingInvitation} rules. This default
     * scans {@link #stream()} and stops at the first pending match; adapters
     * override it where the vendor can filter by email on its side, and must keep that choice: core's
     * idempotent {@link #invite} answers a duplicate with the pending invitation this finds, so an
     * older expired one returned instead turns a re-invite into a {@link ConflictException}.
     *
     * @param email the address
     * @return the invitation, or empty if the address was never invited
     * @throws InvalidRequestException if the address is malformed
     */
    default Optional<Invitation> findByEmail(String email) {
        String wanted = InputRules.email(email);
        try (Stream<Invitation> all = stream()) {
            return StandingInvitation.in(all, wanted);
        }
    }

    /**
     * The organisation's members: the people who accepted. What the provider can do there is
     * declared in {@link Capabilities#members()}. Through core's policy this view is always returned,
     * and each call the provider does not support is an {@link UnsupportedCapabilityException} before
     * any I/O; this default, for adapters without members, throws it at once.
     *
     * @return the members view
     * @throws UnsupportedCapabilityException if the provider knows only invitations (bare adapter)
     */
    default Members members() {
        throw new UnsupportedCapabilityException("The " + info().displayName() + " provider does not manage members; "
                + "only invitations. Check info().capabilities().members() before asking.",
                ErrorDetails.of(info().id()), null);
    }

    /**
     * Ends a person's access, whatever state it is in: every pending invitation of the address is
     * revoked, then the membership (if any) removed, each step reported. Safe to repeat: a second call
     * finds nothing to do. When the provider cannot look members up by email or remove them (see
     * {@link MemberCapabilities}), only the invitations are revoked and the result says the membership
     * was {@link Offboarding.Membership#NOT_CHECKED not checked}. Through core's policy every step is
     * retried as the single calls are, and a failure part-way leaves what was done done: call again.
     *
     * @param email the person's address, compared case-insensitively
     * @return what was done at each step
     * @throws InvalidRequestException if the address is malformed
     */
    default Offboarding offboard(String email) {
        return Offboarder.offboard(this, email);
    }

    /**
     * Releases the connections and threads this provider holds. It throws nothing checked, and a
     * second call does nothing. Afterwards {@link #invite}, {@link #find}, {@link #list},
     * {@link #revoke}, {@link #findByEmail}, {@link #offboard}, the {@link #members()} calls and
     * {@link #stream} (when consumed) throw
     * {@link ProviderConfigurationException}: load a new provider instead.
     */
    @Override
    void close();
}
