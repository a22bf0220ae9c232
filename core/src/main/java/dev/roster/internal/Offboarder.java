package dev.roster.internal;

import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.Member;
import dev.roster.MemberCapabilities;
import dev.roster.Members;
import dev.roster.Offboarding;
import dev.roster.ProviderUnavailableException;
import dev.roster.spi.InputRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link InvitationProvider#offboard} for any provider, made of its own calls (so through core's
 * policy every step has the policy's retries and look-ups): revoke the address's pending invitations
 * one by one until {@code findByEmail} shows none, then remove its members until
 * {@code members().findByEmail} shows none. Each loop refuses to act twice on one id: an invitation
 * still pending after its revoke, or a member still there after its removal, stops the call with an
 * unknown outcome rather than looping.
 */
public final class Offboarder {

    private Offboarder() {}

    /**
     * Offboards an address.
     *
     * @param provider the provider, whose calls do each step
     * @param email the address as the caller gave it
     * @return what was done
     */
    public static Offboarding offboard(InvitationProvider provider, String email) {
        String wanted = InputRules.email(email);
        String providerId = provider.info().id();
        List<Invitation> revoked = new ArrayList<>();
        Set<String> tried = new HashSet<>();
        for (Optional<Invitation> pending = pending(provider, wanted); pending.isPresent(); pending = pending(provider, wanted)) {
            Invitation invitation = pending.get();
            if (!tried.add(invitation.id())) {
                throw stuck(providerId, "invitation " + invitation.id() + " of " + InputRules.quote(wanted)
                        + " is still pending after it was revoked", revoked.size() + " invitations revoked");
            }
            if (provider.revoke(invitation.id())) {
                revoked.add(invitation);
            }
        }
        MemberCapabilities can = provider.info().capabilities().members();
        if (!can.findByEmail() || !can.remove()) {
            return new Offboarding(providerId, wanted, revoked, Offboarding.Membership.NOT_CHECKED, List.of(),
                    Optional.of(notChecked(provider.info().displayName(), can)));
        }
        Members members = provider.members();
        List<Member> removed = new ArrayList<>();
        Set<String> removing = new HashSet<>();
        for (Optional<Member> member = members.findByEmail(wanted); member.isPresent(); member = members.findByEmail(wanted)) {
            if (!removing.add(member.get().id())) {
                throw stuck(providerId, "member " + member.get().id() + " (" + InputRules.quote(wanted)
                        + ") is still there after it was removed", revoked.size() + " invitations revoked, "
                        + removed.size() + " members removed");
            }
            if (members.remove(member.get().id())) {
                removed.add(member.get());
            }
        }
        return new Offboarding(providerId, wanted, revoked,
                removed.isEmpty() ? Offboarding.Membership.NOT_A_MEMBER : Offboarding.Membership.REMOVED, removed);
    }

    /** Why the membership was not checked, and what the caller can do instead. */
    static String notChecked(String vendor, MemberCapabilities can) {
        if (!can.findByEmail() && can.remove()) {
            return vendor + " does not reveal members' email addresses, so Roster cannot tell whether this address is a "
                    + "member; any membership is untouched. Remove it by the member's id: members().remove(id)"
                    + (can.list() ? " (members().stream() lists the ids)" : "") + ".";
        }
        return vendor + " cannot " + (can.findByEmail() ? "remove members" : "look members up by email or remove them")
                + " through Roster; any membership is untouched: remove it in " + vendor + "'s own console.";
    }

    private static Optional<Invitation> pending(InvitationProvider provider, String email) {
        Optional<Invitation> found = provider.findByEmail(email);
        return found == null ? Optional.empty() : found.filter(Invitation::isPending);
    }

    private static ProviderUnavailableException stuck(String providerId, String what, String done) {
        return new ProviderUnavailableException("Offboarding stopped: " + what + " (the vendor answered the call "
                + "as done, yet still shows it), so it was not sent again. Done so far: " + done + ". Calling offboard "
                + "again is safe once the vendor shows the change.", ErrorDetails.of(providerId), null);
    }
}
