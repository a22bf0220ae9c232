package dev.roster.testkit.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organization state behind {@link GitHubSimulator}: invitations in creation order, each pending,
 * failed (expired), cancelled or accepted, the members who accepted one, and the creations of the
 * last 24 hours that GitHub's invitation quota counts. Cancelled and accepted invitations stay as
 * records, hidden from both lists, as at GitHub. Not thread-safe on its own: the simulator guards it.
 */
final class GitHubInvitationStore {

    /** How long an invitation stays acceptable at GitHub. */
    static final Duration VALIDITY = Duration.ofDays(7);
    /** What GitHub writes in {@code failed_reason} when an invitation expired. */
    static final String EXPIRED_REASON = "Invitation expired. User did not accept this invite for 7 days";
    /** The window GitHub's invitation quota counts creations in. */
    static final Duration QUOTA_WINDOW = Duration.ofHours(24);

    /** Where an invitation stands. */
    enum State { PENDING, FAILED, CANCELLED, ACCEPTED }

    /** One invitation as GitHub describes it. */
    record Invitation(long id, String email, String role, List<Long> teamIds, Instant createdAt, State state,
            Instant failedAt, String failedReason) {

        Invitation with(State newState, Instant newFailedAt, String newFailedReason) {
            return new Invitation(id, email, role, teamIds, createdAt, newState, newFailedAt, newFailedReason);
        }
    }

    /** One page of a list, and whether more follow. */
    record Page(List<Invitation> items, int lastPage) {}

    private final Clock clock;
    private final Map<Long, Invitation> invitations = new LinkedHashMap<>();
    private final Set<String> members = new HashSet<>();
    private final Deque<Instant> recentCreations = new ArrayDeque<>();
    private long nextId = 4_200_001L;

    GitHubInvitationStore(Clock clock) {
        this.clock = clock;
    }

    void clear() {
        invitations.clear();
        members.clear();
        recentCreations.clear();
        nextId = 4_200_001L;
    }

    boolean isMember(String email) {
        return members.contains(key(email));
    }

    Optional<Invitation> pendingFor(String email) {
        return invitations.values().stream()
                .filter(i -> i.state() == State.PENDING && key(i.email()).equals(key(email)))
                .findFirst();
    }

    /** Whether one more creation would exceed the quota of {@code perDay} in the last 24 hours. */
    boolean overQuota(int perDay) {
        Instant now = clock.instant();
        while (!recentCreations.isEmpty() && !recentCreations.peekFirst().isAfter(now.minus(QUOTA_WINDOW))) {
            recentCreations.removeFirst();
        }
        return recentCreations.size() >= perDay;
    }

    Invitation create(String email, String role, List<Long> teamIds) {
        Instant now = clock.instant();
        Invitation invitation = new Invitation(nextId++, email, role, List.copyOf(teamIds), now, State.PENDING, null, null);
        invitations.put(invitation.id(), invitation);
        recentCreations.addLast(now);
        return invitation;
    }

    Optional<Invitation> find(long id) {
        return Optional.ofNullable(invitations.get(id));
    }

    void cancel(long id) {
        invitations.computeIfPresent(id, (k, i) -> i.with(State.CANCELLED, null, null));
    }

    /** One page of the pending or the failed list, {@code page} counted from 1, in creation order. */
    Page list(State state, int perPage, int page) {
        List<Invitation> all = new ArrayList<>();
        invitations.values().stream().filter(i -> i.state() == state).forEach(all::add);
        int from = (int) Math.min(all.size(), (long) (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        int lastPage = Math.max(1, (all.size() + perPage - 1) / perPage);
        return new Page(List.copyOf(all.subList(from, to)), lastPage);
    }

    /** How many invitations were ever created per lower-cased address, whatever became of them. */
    Map<String, Integer> createdByEmail() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        invitations.values().forEach(i -> counts.merge(key(i.email()), 1, Integer::sum));
        return counts;
    }

    void accept(String id) {
        Invitation invitation = requirePending(id, "accept");
        invitations.put(invitation.id(), invitation.with(State.ACCEPTED, null, null));
        members.add(key(invitation.email()));
    }

    void expire(String id) {
        Invitation invitation = requirePending(id, "expire");
        invitations.put(invitation.id(), invitation.with(State.FAILED, clock.instant(), EXPIRED_REASON));
    }

    void addMember(String email) {
        members.add(key(email));
    }

    private Invitation requirePending(String id, String action) {
        Long number = number(id).orElse(null);
        Invitation invitation = number == null ? null : invitations.get(number);
        if (invitation == null || invitation.state() != State.PENDING) {
            throw new IllegalArgumentException("The GitHub simulator cannot " + action + " invitation " + id + ": it holds "
                    + (invitation == null ? "no invitation with that id" : "it as " + invitation.state()) + " (pending: "
                    + invitations.values().stream().filter(i -> i.state() == State.PENDING).map(Invitation::id).toList() + ").");
        }
        return invitation;
    }

    /** A GitHub id: a positive decimal number without sign or leading zero. */
    static Optional<Long> number(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
