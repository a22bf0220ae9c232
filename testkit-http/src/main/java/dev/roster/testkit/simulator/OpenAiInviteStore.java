package dev.roster.testkit.simulator;

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
 * The organisation state behind {@link OpenAiSimulator}: invites in creation order and the users
 * (members) who accepted one or joined otherwise, in joining order. Deleted invites and users stay as
 * tombstones, hidden from reads, so that an {@code after} cursor naming a since-deleted one still
 * marks a place in its list. Not thread-safe on its own: the simulator guards it.
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

    /** One page of a list. */
    record Page<T>(List<T> items, boolean hasMore) {}

    /** One organisation user as OpenAI describes it; {@code addedAt} in Unix seconds. */
    record User(String id, String email, String role, long addedAt, boolean deleted) {}

    /** Why an invite could not be created, if it could not. */
    enum Refusal { PENDING_INVITE_EXISTS, ALREADY_MEMBER }

    private final Clock clock;
    private final Map<String, Invite> invites = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();

    OpenAiInviteStore(Clock clock) {
        this.clock = clock;
    }

    void clear() {
        invites.clear();
        users.clear();
    }

    Optional<Refusal> refusalFor(String email) {
        String key = key(email);
        if (member(email).isPresent()) {
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

    Page<Invite> list(int limit, Optional<String> after) {
        return page(invites.values(), limit, after, Invite::id, invite -> !invite.deleted());
    }

    /** The live users after {@code after} whose address is one of {@code emails} (any case), or all if none given. */
    Page<User> users(int limit, Optional<String> after, List<String> emails) {
        Set<String> wanted = new HashSet<>();
        emails.forEach(email -> wanted.add(key(email)));
        return page(users.values(), limit, after, User::id,
                user -> !user.deleted() && (wanted.isEmpty() || wanted.contains(key(user.email()))));
    }

    private static <T> Page<T> page(java.util.Collection<T> all, int limit, Optional<String> after,
            java.util.function.Function<T, String> id, java.util.function.Predicate<T> shown) {
        List<T> visible = new ArrayList<>();
        boolean started = after.isEmpty();
        for (T item : all) {
            if (!started) {
                started = id.apply(item).equals(after.get());
                continue;
            }
            if (shown.test(item)) {
                visible.add(item);
            }
        }
        boolean more = visible.size() > limit;
        return new Page<>(List.copyOf(more ? visible.subList(0, limit) : visible), more);
    }

    /** Whether the user id was ever issued, deleted or not: a valid {@code after} cursor for users. */
    boolean userIssued(String id) {
        return users.containsKey(id);
    }

    Optional<User> user(String id) {
        return Optional.ofNullable(users.get(id)).filter(u -> !u.deleted());
    }

    /** Removes a user from the organisation; their accepted invite stays accepted, and they may be invited again. */
    void deleteUser(String id) {
        User user = users.get(id);
        users.put(id, new User(user.id(), user.email(), user.role(), user.addedAt(), true));
    }

    Optional<User> member(String email) {
        return users.values().stream().filter(u -> !u.deleted() && key(u.email()).equals(key(email))).findFirst();
    }

    void delete(String id) {
        Invite invite = invites.get(id);
        invites.put(id, invite.with(invite.status(), invite.expiresAt(), invite.acceptedAt(), true));
    }

    Invite accept(String id) {
        Invite invite = require(id);
        Invite accepted = invite.with("accepted", invite.expiresAt(), now(), false);
        invites.put(id, accepted);
        if (member(invite.email()).isEmpty()) {
            addMember(invite.email(), invite.role());
        }
        return accepted;
    }

    Invite expire(String id) {
        Invite invite = require(id);
        Invite expired = invite.with("expired", Math.max(invite.createdAt(), now()), null, false);
        invites.put(id, expired);
        return expired;
    }

    User addMember(String email, String role) {
        return member(email).orElseGet(() -> {
            User user = new User("user-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), email, role, now(),
                    false);
            users.put(user.id(), user);
            return user;
        });
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
