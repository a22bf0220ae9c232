package dev.roster.openai;

import dev.roster.Invitation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ids of the pending invitations this adapter has read, by address: what makes a re-invite cheap
 * at OpenAI, whose invites list has no email filter (a lookup by address otherwise reads every page
 * up to the invitation, one request per 100). Filled from every invitation the adapter reads (a page,
 * a {@code find}, an invite's answer), so a re-invite after the organisation was listed (as the
 * roster file's plan does before apply) or after an earlier lookup costs one {@code find} of the
 * remembered id. A hint, never an answer: the adapter reads the invitation again and uses it only if
 * it is still pending and for the same address; anything else is forgotten and the pages are walked.
 * Holds at most {@value #CAPACITY} addresses, the least recently used dropped first (about 1 MB).
 * Thread-safe.
 */
final class PendingInvites {

    static final int CAPACITY = 10_000;

    private final Map<String, String> idsByAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Remembers a pending invitation's id for its address, or forgets one that is no longer pending. */
    synchronized void saw(Invitation invitation) {
        String address = key(invitation.email());
        if (invitation.isPending()) {
            idsByAddress.put(address, invitation.id());
        } else {
            idsByAddress.remove(address, invitation.id());
        }
    }

    /** The id last seen pending for the address, if any. */
    synchronized Optional<String> idFor(String email) {
        return Optional.ofNullable(idsByAddress.get(key(email)));
    }

    /** Forgets the address's id, if it is still this one. */
    synchronized void forget(String email, String id) {
        idsByAddress.remove(key(email), id);
    }

    /** How many addresses are remembered, for tests. */
    synchronized int size() {
        return idsByAddress.size();
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
