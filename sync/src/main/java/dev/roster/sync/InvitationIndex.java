package dev.roster.sync;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.StandingInvitation;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A connection's invitations by email, read in one pass over {@link InvitationProvider#stream()}.
 * Where an address has several, the one that stands for it is chosen by {@link StandingInvitation},
 * the rule {@link InvitationProvider#findByEmail} follows too: the pending one, else the most
 * recently created, ties going to the greater id whatever the vendor's order.
 */
final class InvitationIndex {

    private final Map<String, Invitation> byEmail;

    private InvitationIndex(Map<String, Invitation> byEmail) {
        this.byEmail = Collections.unmodifiableMap(byEmail);
    }

    /** Lists every invitation once, lazily, page by page. */
    static InvitationIndex read(InvitationProvider provider) {
        try (Stream<Invitation> all = provider.stream()) {
            return of(all.iterator());
        }
    }

    static InvitationIndex of(Iterator<Invitation> invitations) {
        Map<String, Invitation> byEmail = new HashMap<>();
        invitations.forEachRemaining(candidate -> byEmail.merge(Checks.emailKey(candidate.email()), candidate,
                StandingInvitation::of));
        return new InvitationIndex(byEmail);
    }

    Optional<Invitation> find(String email) {
        return Optional.ofNullable(byEmail.get(Checks.emailKey(email)));
    }

    /** Every address's invitation, keyed by the lower-cased address. */
    Map<String, Invitation> all() {
        return byEmail;
    }
}
