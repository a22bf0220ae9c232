package dev.roster.sync;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A connection's invitations by email, read in one pass over {@link InvitationProvider#stream()}.
 * Where an address has several, the one that stands for it is chosen as
 * {@link InvitationProvider#findByEmail} does: the pending one, else the most recently created.
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
                InvitationIndex::standsFor));
        return new InvitationIndex(byEmail);
    }

    /** Of two invitations for one address, the one that stands for it; on a tie, the later one seen. */
    private static Invitation standsFor(Invitation current, Invitation candidate) {
        if (current.isPending()) {
            return current;
        }
        if (candidate.isPending()) {
            return candidate;
        }
        Instant currentAt = current.createdAt().orElse(Instant.MIN);
        return candidate.createdAt().orElse(Instant.MIN).compareTo(currentAt) >= 0 ? candidate : current;
    }

    Optional<Invitation> find(String email) {
        return Optional.ofNullable(byEmail.get(Checks.emailKey(email)));
    }

    /** Every address's invitation, keyed by the lower-cased address. */
    Map<String, Invitation> all() {
        return byEmail;
    }
}
