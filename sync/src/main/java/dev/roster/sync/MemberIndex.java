package dev.roster.sync;

import dev.roster.Capabilities;
import dev.roster.InvitationProvider;
import dev.roster.Member;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A connection's members by email, read in one pass over {@code members().stream()}, where the provider
 * can list members and match them to addresses ({@link #readable}); members whose address the vendor does
 * not tell cannot be matched to anyone, so they are left out (and so never pruned). A vendor that reveals
 * no member's address (GitHub: {@code MemberCapabilities.findByEmail()} false) is not read at all: its
 * listing could match no one.
 */
final class MemberIndex {

    private final Map<String, Member> byEmail;

    private MemberIndex(Map<String, Member> byEmail) {
        this.byEmail = Collections.unmodifiableMap(byEmail);
    }

    /**
     * Whether the planner reads members at a connection with these capabilities: it can list them, and
     * they carry their addresses ({@code findByEmail}, which a vendor that hides addresses does not declare).
     */
    static boolean readable(Capabilities capabilities) {
        return capabilities.members().list() && capabilities.members().findByEmail();
    }

    /** Whether a connection with these capabilities may prune members: it can read them by address and remove them. */
    static boolean prunable(Capabilities capabilities) {
        return readable(capabilities) && capabilities.members().remove();
    }

    /** The connection's members, or empty when its provider cannot list them. */
    static Optional<MemberIndex> read(InvitationProvider provider) {
        if (!readable(provider.info().capabilities())) {
            return Optional.empty();
        }
        try (Stream<Member> all = provider.members().stream()) {
            return Optional.of(of(all.iterator()));
        }
    }

    static MemberIndex of(Iterator<Member> members) {
        Map<String, Member> byEmail = new HashMap<>();
        // Two members with one address should not happen; if it does, the one a person reads first stays.
        members.forEachRemaining(member -> member.email().filter(e -> !e.isBlank())
                .ifPresent(email -> byEmail.putIfAbsent(Checks.emailKey(email), member)));
        return new MemberIndex(byEmail);
    }

    Optional<Member> find(String email) {
        return Optional.ofNullable(byEmail.get(Checks.emailKey(email)));
    }

    /** Every member with an address, keyed by the lower-cased address. */
    Map<String, Member> all() {
        return byEmail;
    }
}
