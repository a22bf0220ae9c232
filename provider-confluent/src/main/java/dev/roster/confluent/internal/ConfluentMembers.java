package dev.roster.confluent.internal;

import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.InvitationStatus;
import dev.roster.Member;
import dev.roster.Members;
import dev.roster.NotFoundException;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderUnavailableException;
import dev.roster.confluent.ConfluentCloud;
import dev.roster.spi.InputRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Confluent Cloud's members: its IAM v2 users who accepted. Confluent creates a user when it invites
 * an address (the invitation's {@code user.id}) and lists it whether or not the person accepted, with
 * no status of its own, so membership is read from the invitations: a user is a member when one of
 * its invitations is {@code INVITE_STATUS_ACCEPTED}, or when it has none at all (it joined another
 * way, such as the organization's creator). Pending, expired and deactivated (revoked) invitees are
 * not members. Costs: a page of members reads a page of users and every invitation (a page per 100);
 * a look-up by id or email reads the user's own invitations ({@code user} filter).
 *
 * <p>{@link #remove} deletes a member's user ({@code DELETE /iam/v2/users/{id}}), which Confluent says
 * also deletes the user's API keys; it answers false, deleting nothing, for a user that is not a
 * member (revoke its invitation instead).
 */
final class ConfluentMembers implements Members {

    /** The most pages one scan reads, as {@code findByEmail} guards its invitation look-up. */
    private static final int MAX_PAGES = 1000;

    private final ConfluentInvitationProvider owner;
    private final ConfluentApi api;

    ConfluentMembers(ConfluentInvitationProvider owner, ConfluentApi api) {
        this.owner = owner;
        this.api = api;
    }

    @Override
    public Optional<Member> find(String memberId) {
        String id = InputRules.memberId(memberId);
        Wire.User user;
        try {
            user = owner.read("read user " + id, () -> api.getUser(id), UserMapper::user);
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
        return asMember(user);
    }

    /** Confluent's users list has no email filter: the users are scanned, then the match's invitations read. */
    @Override
    public Optional<Member> findByEmail(String email) {
        String wanted = InputRules.email(email);
        Optional<String> token = Optional.empty();
        Set<String> seen = new HashSet<>();
        for (int pages = 1; ; pages++) {
            Page<Wire.User> page = usersPage(ConfluentInvitationProvider.CAPABILITIES.maxPageSize(), token);
            for (Wire.User user : page.items()) {
                if (InputRules.sameEmail(user.email(), wanted)) {
                    return asMember(user);
                }
            }
            token = page.nextCursor();
            if (token.isEmpty()) {
                return Optional.empty();
            }
            guard(seen, token.get(), pages, "users");
        }
    }

    @Override
    public Page<Member> list(PageRequest request) {
        int size = Math.min(request.size(), ConfluentInvitationProvider.CAPABILITIES.maxPageSize());
        Page<Wire.User> users = usersPage(size, request.cursor().map(ConfluentInvitationProvider::pageToken));
        Map<String, List<Invitation>> invitations = invitationsByUser(users.items().isEmpty());
        List<Member> members = new ArrayList<>();
        for (Wire.User user : users.items()) {
            List<Invitation> own = invitations.getOrDefault(user.id(), List.of());
            if (isMember(own)) {
                members.add(UserMapper.member(user, acceptedAt(own)));
            }
        }
        return new Page<>(members, users.nextCursor());
    }

    @Override
    public boolean remove(String memberId) {
        String id = InputRules.memberId(memberId);
        if (!isMember(invitationsOf(id))) {
            return false;
        }
        try {
            return owner.read("delete user " + id, () -> api.deleteUser(id), InvitationMapper::deleted);
        } catch (NotFoundException unknown) {
            return false;
        }
    }

    private Optional<Member> asMember(Wire.User user) {
        List<Invitation> own = invitationsOf(user.id());
        return isMember(own) ? Optional.of(UserMapper.member(user, acceptedAt(own))) : Optional.empty();
    }

    /** Member means accepted: an accepted invitation, or a user no invitation created. */
    private static boolean isMember(List<Invitation> invitations) {
        return invitations.isEmpty() || invitations.stream().anyMatch(i -> i.status() == InvitationStatus.ACCEPTED);
    }

    private static Optional<Instant> acceptedAt(List<Invitation> invitations) {
        return invitations.stream().filter(i -> i.status() == InvitationStatus.ACCEPTED)
                .flatMap(i -> i.acceptedAt().stream()).max(Instant::compareTo);
    }

    private Page<Wire.User> usersPage(int size, Optional<String> token) {
        String encoded = token.map(QueryValues::encode).orElse(null);
        return owner.read("list users", () -> api.listUsers(size, encoded), UserMapper::page);
    }

    /** The invitations Confluent holds for one user, every page. */
    private List<Invitation> invitationsOf(String userId) {
        String user = QueryValues.encode(userId);
        List<Invitation> found = new ArrayList<>();
        scan(token -> owner.read("look up the invitations of user " + userId, () -> api.listForUser(
                ConfluentInvitationProvider.CAPABILITIES.maxPageSize(), token.map(QueryValues::encode).orElse(null), user),
                InvitationMapper::page), "invitations of one user", page -> page.items().stream()
                .filter(i -> userId.equals(i.attributes().get(ConfluentCloud.USER_ID))).forEach(found::add));
        return found;
    }

    /** Every invitation, by the user it names; nothing is read for an empty page of users. */
    private Map<String, List<Invitation>> invitationsByUser(boolean nothingToDecide) {
        Map<String, List<Invitation>> byUser = new HashMap<>();
        if (nothingToDecide) {
            return byUser;
        }
        // Confluent's own tokens go back as given, not judged by the caller-input rules of PageRequest.after.
        scan(token -> owner.list(new PageRequest(ConfluentInvitationProvider.CAPABILITIES.maxPageSize(), token)), "invitations",
                page -> page.items().forEach(i -> {
                    String user = i.attributes().get(ConfluentCloud.USER_ID);
                    if (user != null) {
                        byUser.computeIfAbsent(user, k -> new ArrayList<>()).add(i);
                    }
                }));
        return byUser;
    }

    private static void scan(Function<Optional<String>, Page<Invitation>> fetch, String what,
            java.util.function.Consumer<Page<Invitation>> each) {
        Optional<String> token = Optional.empty();
        Set<String> seen = new HashSet<>();
        for (int pages = 1; ; pages++) {
            Page<Invitation> page = fetch.apply(token);
            each.accept(page);
            token = page.nextCursor();
            if (token.isEmpty()) {
                return;
            }
            guard(seen, token.get(), pages, what);
        }
    }

    /** A repeated page token, or too many pages, would loop or answer from part of the list: unreadable instead. */
    private static void guard(Set<String> seen, String token, int pages, String what) {
        if (!seen.add(token) || pages >= MAX_PAGES) {
            throw new ProviderUnavailableException("Could not read Confluent Cloud's " + what + ": it "
                    + (pages >= MAX_PAGES ? "still had more after " + MAX_PAGES + " pages" : "returned the page_token "
                    + InputRules.quote(token) + " twice") + ", so Roster stopped rather than decide membership from part "
                    + "of them. This is a fault on Confluent's side or in a proxy between; try again later.",
                    ErrorDetails.of(ConfluentCloud.ID), null);
        }
    }
}
