package dev.roster.internal;

import dev.roster.Invitation;
import dev.roster.spi.InputRules;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/** Picks the invitation that stands for an email address among several. */
public final class EmailLookup {

    private static final Comparator<Invitation> OLDEST_FIRST = Comparator.comparing(
            (Invitation i) -> i.createdAt().orElse(Instant.MIN));

    private EmailLookup() {}

    /**
     * The pending invitation for the email if any (stopping at the first), otherwise the newest.
     *
     * @param invitations the candidates, consumed only as far as needed
     * @param email a valid address
     * @return the best match
     */
    public static Optional<Invitation> bestMatch(Stream<Invitation> invitations, String email) {
        Invitation newest = null;
        Iterator<Invitation> it = invitations.iterator();
        while (it.hasNext()) {
            Invitation candidate = it.next();
            if (!InputRules.sameEmail(candidate.email(), email)) {
                continue;
            }
            if (candidate.isPending()) {
                return Optional.of(candidate);
            }
            if (newest == null || OLDEST_FIRST.compare(candidate, newest) >= 0) {
                newest = candidate;
            }
        }
        return Optional.ofNullable(newest);
    }
}
