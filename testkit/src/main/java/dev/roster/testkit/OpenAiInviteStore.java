package dev.roster.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation state behind {@link OpenAiSimulator}: invites in creation order and the members
 * who accepted one. Deleted invites stay as tombstones, hidden from reads, so that an {@code after}
 * cursor naming a since-deleted invite still marks a place in the list. Not thread-safe on its own:
 * the simulator guards it.
 */
final class OpenAiInviteStore {

    /** How long an invite stays acceptable: the simulator's choice, OpenAI does not document it. */
    static final Duration VALIDITY = Duration.ofDays(7);

    /** One invite as OpenAI describes it; times in Unix seconds. */
    record Invite(String id, String email, String role, String status, long createdAt, Long expiresAt, Long acceptedAt,
            List<Grant> projects, boolean deleted) {

        Invite with(String newStatus, Long newExpiresAt, Long newAcceptedAt, boolean nowDeleted) {
            return new Invite(id, email, role, newStatus, createdAt, newExpiresAt, newAcceptedAt, projects, nowDeleted);
        }
    }

    /** A project grant: the project's id and the role in it. */
    record Grant(String id, String role) {}

    /** One page of the list. */
    record Page(List<Invite> items, boolean hasMore) {}

    /** Why an invite could not be created, if it could not. */
    enum Refusal { PENDING_INVITE_EXISTS, ALREADY_MEMBER }

    private final Clock clock;
    private final Map<String, Invite> invites = new LinkedHashMap<>();
    private final Set<String> members = new HashSet<>();

    OpenAiInviteStore(Clock clock) {
        this.clock = clock;
    }

    void clear() {
        invites.clear();
        members.clear();
    }

    Optional<Refusal> refusalFor(String email) {
        String key = key(email);
        if (members.contains(key)) {
            return Optional.of(Refusal.ALREADY_MEMBER);
        }
        boolean pending = invites.values().stream()
                .anyMatch(i -> !i.deleted() && i.status().equals("pending") && key(i.email()).equals(key));
        return pending ? Optional.of(Refusal.PENDING_INVITE_EXISTS) : Optional.empty();
    }

    Invite create(String email, String role, List<Grant> projects) {
        long now = now();
        String id = "invite-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Invite invite = new Invite(id, email, role, "pending", now, now + VALIDITY.toSeconds(), null, List.copyOf(projects), false);
        invites.put(id, invite);
        return invite;
    }

    /** How many invites were ever created per lower-cased address, deleted ones included. */
    Map<String, Integer> createdByEmail() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        invites.values().forEach(invite -> counts.merge(key(invite.email()), 1, Integer::sum));
        return counts;
    }

    Optional<Invite> find(String id) {
        return Optional.ofNullable(invites.get(id)).filter(i -> !i.deleted());
    }

    /** Whether the id was ever issued, deleted or not: a valid {@code after} cursor. */
    boolean issued(String id) {
        return invites.containsKey(id);
    }

    Page list(int limit, Optional<String> after) {
        List<Invite> visible = new ArrayList<>();
        boolean started = after.isEmpty();
        for (Invite invite : invites.values()) {
            if (!started) {
                started = invite.id().equals(after.get());
                continue;
            }
            if (!invite.deleted()) {
                visible.add(invite);
            }
        }
        boolean more = visible.size() > limit;
        return new Page(List.copyOf(more ? visible.subList(0, limit) : visible), more);
    }

    void delete(String id) {
        Invite invite = invites.get(id);
        invites.put(id, invite.with(invite.status(), invite.expiresAt(), invite.acceptedAt(), true));
    }

    Invite accept(String id) {
        Invite invite = require(id);
        Invite accepted = invite.with("accepted", invite.expiresAt(), now(), false);
        invites.put(id, accepted);
        members.add(key(invite.email()));
        return accepted;
    }

    Invite expire(String id) {
        Invite invite = require(id);
        Invite expired = invite.with("expired", Math.max(invite.createdAt(), now()), null, false);
        invites.put(id, expired);
        return expired;
    }

    void addMember(String email) {
        members.add(key(email));
    }

    private Invite require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "The OpenAI simulator has no invite with id " + id + " (known: " + invites.keySet() + ")."));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
