package dev.roster.testkit.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The organization state behind {@link GitHubSimulator}: invitations in creation order, each pending,
 * failed (expired), cancelled or accepted; the members in joining order, starting with the owner
 * {@value #OWNER}; and the creations of the last 24 hours that GitHub's invitation quota counts.
 * Cancelled and accepted invitations stay as records, hidden from both lists, as at GitHub. Not
 * thread-safe on its own: the simulator guards it.
 *
 * <p>Members are known by login. One who joined by email (an accepted invitation, {@link #join})
 * gets the login {@link #loginFor} derives from the address, with {@code -2}, {@code -3}... added when
 * another member has it; a pending invitee's membership answers to that same derived login.
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
    record Page<T>(List<T> items, int lastPage) {}

    /**
     * One member: GitHub's user id, login and type ({@code User} or {@code Bot}), the organization role
     * ({@code admin}, {@code member}, {@code billing_manager}), and the address they joined by (null
     * for a bot), which GitHub never shows.
     */
    record Member(long id, String login, String email, String role, String type) {}

    /** The organization's owner, who sent every invitation: a member (an admin) from the start. */
    static final String OWNER = "roster-owner";
    /** GitHub's longest login. */
    static final int MAX_LOGIN = 39;

    private final Clock clock;
    private final Map<Long, Invitation> invitations = new LinkedHashMap<>();
    /** By lower-cased login, in joining order. */
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Deque<Instant> recentCreations = new ArrayDeque<>();
    private long nextId = 4_200_001L;
    private long nextUserId = 2L;

    GitHubInvitationStore(Clock clock) {
        this.clock = clock;
        clear();
    }

    void clear() {
        invitations.clear();
        members.clear();
        recentCreations.clear();
        nextId = 4_200_001L;
        nextUserId = 2L;
        members.put(OWNER, new Member(1L, OWNER, null, "admin", "User"));
    }

    boolean isMember(String email) {
        return memberByEmail(email).isPresent();
    }

    Optional<Member> memberByEmail(String email) {
        return members.values().stream().filter(m -> m.email() != null && key(m.email()).equals(key(email))).findFirst();
    }

    Optional<Member> member(String login) {
        return Optional.ofNullable(members.get(key(login)));
    }

    /** The pending invitation of the person a login would be, by {@link #loginFor} of its address. */
    Optional<Invitation> pendingForLogin(String login) {
        return invitations.values().stream()
                .filter(i -> i.state() == State.PENDING && loginFor(i.email()).equalsIgnoreCase(login))
                .findFirst();
    }

    /** One page of the members, {@code page} counted from 1, in joining order. */
    Page<Member> members(int perPage, int page) {
        return page(List.copyOf(members.values()), perPage, page);
    }

    /** Makes the address a member by its derived login (unless it is one already): its login. */
    String join(String email, String role) {
        Optional<Member> already = memberByEmail(email);
        if (already.isPresent()) {
            return already.get().login();
        }
        String base = loginFor(email);
        String login = base;
        for (int n = 2; members.containsKey(key(login)); n++) {
            String suffix = "-" + n;
            login = base.substring(0, Math.min(base.length(), MAX_LOGIN - suffix.length())) + suffix;
        }
        members.put(key(login), new Member(nextUserId++, login, email, role, "User"));
        return login;
    }

    /** Adds an app's bot account as a member. */
    void addBot(String login) {
        members.putIfAbsent(key(login), new Member(nextUserId++, login, null, "member", "Bot"));
    }

    /** Whether removing this member would leave the organization without an owner, which GitHub refuses. */
    boolean lastOwner(Member member) {
        return member.role().equals("admin") && members.values().stream().filter(m -> m.role().equals("admin")).count() == 1;
    }

    void removeMember(String login) {
        members.remove(key(login));
    }

    /**
     * The login a person with this address gets: the part before {@code @}, lower-cased, each run of
     * characters other than letters and digits turned into one hyphen, without hyphens at either end,
     * at most {@value #MAX_LOGIN} characters ({@code Ada.Lovelace+gh@example.com}: {@code ada-lovelace-gh}).
     */
    static String loginFor(String email) {
        String local = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
        String login = local.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        login = login.length() > MAX_LOGIN ? login.substring(0, MAX_LOGIN).replaceAll("-+$", "") : login;
        return login.isEmpty() ? "user" : login;
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
    Page<Invitation> list(State state, int perPage, int page) {
        List<Invitation> all = new ArrayList<>();
        invitations.values().stream().filter(i -> i.state() == state).forEach(all::add);
        return page(all, perPage, page);
    }

    private static <T> Page<T> page(List<T> all, int perPage, int page) {
        int from = (int) Math.min(all.size(), (long) (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        int lastPage = Math.max(1, (all.size() + perPage - 1) / perPage);
        return new Page<>(List.copyOf(all.subList(from, to)), lastPage);
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
        join(invitation.email(), invitation.role().equals("direct_member") ? "member" : invitation.role());
    }

    void expire(String id) {
        Invitation invitation = requirePending(id, "expire");
        invitations.put(invitation.id(), invitation.with(State.FAILED, clock.instant(), EXPIRED_REASON));
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
