package dev.roster.github;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.Member;
import dev.roster.Members;
import dev.roster.NotFoundException;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.UnsupportedCapabilityException;
import dev.roster.ErrorDetails;
import dev.roster.provider.support.FeignCalls;
import dev.roster.provider.support.FeignClients;
import dev.roster.spi.InputRules;
import dev.roster.spi.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * GitHub's organization members, known by login ({@link Member#id()} is the login):
 * <ul>
 *   <li>{@link #list} and {@link #stream()} read {@code GET /orgs/{org}/members}, paged by number with a
 *       {@code Link} header behind an opaque cursor ({@code members:PAGE:SIZE}). The list names no role,
 *       so listed members have none: reading each one's membership for it would cost a request per
 *       member, and the list's {@code role} filter would need two walks that a promotion between them
 *       could make miss someone. Ask {@link #find} for a member's role.</li>
 *   <li>{@link #find} reads {@code GET /orgs/{org}/memberships/{username}}: an active membership is the
 *       member, with its role ({@code admin}, {@code member}, {@code billing_manager}); a pending one
 *       is an invitation, not a member (empty); a 404 is no member (empty).</li>
 *   <li>{@link #remove} reads the membership first, then, only for an active one, sends
 *       {@code DELETE /orgs/{org}/memberships/{username}} (204: true; 404: false). For a pending
 *       invitee GitHub's delete would cancel the invitation, so it answers false without sending it:
 *       revoking an invitation is {@code revoke}'s job, and {@code offboard}'s.</li>
 *   <li>{@link #findByEmail} is unsupported: GitHub does not reveal members' addresses
 *       ({@link dev.roster.MemberCapabilities#findByEmail()} is false), so {@code offboard(email)}
 *       revokes the address's pending invitations and leaves any membership to a removal by login.</li>
 * </ul>
 * Listed users with {@code type: Bot} are service accounts. Thread-safe: it holds no per-call state.
 */
final class GitHubMembers implements Members {

    private static final TypeReference<List<GitHubJson.User>> USERS = new TypeReference<>() {};

    private final GitHubApi api;
    private final String org;
    private final FeignCalls calls;
    private final GitHubErrors errors;
    private final Redactor redactor;
    private final Consumer<String> requireOpen;
    private final ObjectMapper json = FeignClients.lenientJson();

    GitHubMembers(GitHubApi api, String org, FeignCalls calls, GitHubErrors errors, Redactor redactor,
            Consumer<String> requireOpen) {
        this.api = api;
        this.org = org;
        this.calls = calls;
        this.errors = errors;
        this.redactor = redactor;
        this.requireOpen = requireOpen;
    }

    @Override
    public Optional<Member> find(String memberId) {
        String login = InputRules.memberId(memberId);
        requireOpen.accept("find a member");
        return membership(login);
    }

    /** GitHub does not reveal members' addresses: there is nothing to look an address up in. */
    @Override
    public Optional<Member> findByEmail(String email) {
        InputRules.email(email);
        throw new UnsupportedCapabilityException("GitHub does not reveal its members' email addresses, so a member cannot "
                + "be found by email; find them by login with members().find(login), or list them with members().stream().",
                ErrorDetails.of(GitHubProviderFactory.ID), null);
    }

    @Override
    public Page<Member> list(PageRequest request) {
        GitHubCursor position = request.cursor().map(GitHubCursor::parseMembers).orElseGet(() -> new GitHubCursor(
                GitHubCursor.Lists.MEMBERS, 1, Math.min(request.size(), GitHubInvitationProvider.MAX_PAGE_SIZE)));
        requireOpen.accept("list members");
        return calls.read("list GitHub members", () -> GitHubInvitationProvider.listing(
                () -> api.members(org, position.perPage(), position.page()), GitHubErrors.Operation.MEMBERS, errors, redactor),
                listing -> page(listing, position));
    }

    @Override
    public boolean remove(String memberId) {
        String login = InputRules.memberId(memberId);
        requireOpen.accept("remove a member");
        if (membership(login).isEmpty()) {
            return false; // no member: none at all, or only invited (GitHub's delete would cancel the invitation)
        }
        try {
            return calls.run("remove a GitHub member", () -> {
                api.removeMembership(org, login);
                return true;
            });
        } catch (NotFoundException gone) {
            return false; // left, or removed by someone else, since it was read
        }
    }

    @Override
    public String toString() {
        return "GitHubMembers[" + calls.baseUri() + ", org " + org + "]";
    }

    private Optional<Member> membership(String login) {
        try {
            return calls.read("read a GitHub membership", () -> api.membership(org, login), GitHubMemberMapping::membership);
        } catch (NotFoundException none) {
            return Optional.empty();
        }
    }

    private Page<Member> page(GitHubInvitationProvider.Listing listing, GitHubCursor position) {
        List<GitHubJson.User> users = json.convertValue(GitHubInvitationProvider.array(json, listing, "a list of members"), USERS);
        List<Member> items = new ArrayList<>();
        users.forEach(user -> items.add(GitHubMemberMapping.listed(user)));
        OptionalInt next = GitHubMapping.nextPage(listing.link(), position.page());
        return next.isPresent() ? Page.of(items, position.atPage(next.getAsInt()).toString()) : Page.last(items);
    }
}
