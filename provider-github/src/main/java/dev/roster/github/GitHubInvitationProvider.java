package dev.roster.github;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.Capabilities;
import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.NotFoundException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.MemberCapabilities;
import dev.roster.Members;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProjectGrant;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderInfo;
import dev.roster.provider.support.ErrorResponses;
import dev.roster.provider.support.FeignCalls;
import dev.roster.provider.support.FeignClients;
import dev.roster.provider.support.RateLimitFeed;
import dev.roster.spi.InputRules;
import dev.roster.spi.RateLimitReporting;
import dev.roster.spi.RateLimitStatus;
import dev.roster.spi.Redactor;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The GitHub adapter: translates between Roster's model and GitHub's organization invitations, and
 * nothing more (core's policy validates, retries and makes invites idempotent).
 *
 * <p><b>Two lists, one cursor.</b> GitHub keeps pending invitations and failed (expired) ones in two
 * lists, paged by number with a {@code Link} header. {@link #list} walks the pending list, then the
 * failed one, behind one opaque cursor ({@link GitHubCursor}); where the pending list ends, one
 * request to the failed list tells whether a cursor is due, so that a cursor always leads somewhere.
 *
 * <p><b>No read-one endpoint.</b> {@link #find} looks through the pending list, then the failed one,
 * page by page, and stops where it finds the id. {@link #revoke} does the same first: GitHub answers
 * 204 to cancelling an invitation that was cancelled before and 404 to one that was accepted, so
 * only the lists say whether there is something to revoke. A failed invitation is already closed:
 * revoking it answers {@code true} without a request. Ids are GitHub's numbers; an id that is not
 * one can name no invitation, so it is answered (empty, false) without any request. Thread-safe.
 *
 * <p><b>Members</b> are {@link GitHubMembers}: by login, through the members list and each user's
 * membership; GitHub does not reveal their addresses.
 */
final class GitHubInvitationProvider implements InvitationProvider, RateLimitReporting {

    static final String DEFAULT_ROLE = "direct_member";
    static final int MAX_PAGE_SIZE = 100;

    static final ProviderInfo INFO = new ProviderInfo(GitHubProviderFactory.ID, "GitHub",
            Capabilities.builder()
                    .roles(DEFAULT_ROLE, "admin", "billing_manager")
                    .projectGrants("member")
                    .revokeAccepted(false)
                    .acceptedObservable(false)
                    .maxPageSize(MAX_PAGE_SIZE)
                    .members(new MemberCapabilities(true, false, true))
                    .build());

    private static final TypeReference<List<GitHubJson.Invitation>> INVITATIONS = new TypeReference<>() {};

    /** The largest list body read: a page of 100 invitations is about 200 KB. */
    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final GitHubApi api;
    private final String org;
    private final FeignCalls calls;
    private final GitHubErrors errors;
    private final Redactor redactor;
    private final ObjectMapper json = FeignClients.lenientJson();
    private final RateLimitFeed rateLimits;
    private final GitHubMembers members;
    private volatile boolean closed;

    GitHubInvitationProvider(GitHubApi api, String org, FeignCalls calls, GitHubErrors errors, Redactor redactor,
            RateLimitFeed rateLimits) {
        this.api = api;
        this.org = org;
        this.calls = calls;
        this.errors = errors;
        this.redactor = redactor;
        this.rateLimits = rateLimits;
        this.members = new GitHubMembers(api, org, calls, errors, redactor, this::requireOpen);
    }

    /**
     * GitHub's {@code x-ratelimit-*} headers, from every answer, pace core's calls (see
     * {@link GitHubRateLimits}).
     *
     * @param listener core's pacer for this provider
     */
    @Override
    public void reportRateLimitsTo(Consumer<RateLimitStatus> listener) {
        rateLimits.reportTo(listener);
    }

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public Invitation invite(InvitationRequest request) {
        List<ProjectGrant> grants = request.projects().orElse(List.of());
        List<Long> teams = new ArrayList<>();
        grants.forEach(grant -> teams.add(teamId(grant.projectId())));
        requireOpen("invite");
        GitHubJson.CreateRequest body = new GitHubJson.CreateRequest(request.email(), request.role().orElse(DEFAULT_ROLE), teams);
        return calls.read("invite at GitHub", () -> api.create(org, body), created -> GitHubMapping.created(created, grants));
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        Optional<Long> number = number(InputRules.invitationId(invitationId));
        requireOpen("find");
        return number.flatMap(this::locate).map(Located::invitation);
    }

    @Override
    public Page<Invitation> list(PageRequest request) {
        GitHubCursor position = request.cursor().map(GitHubCursor::parse)
                .orElseGet(() -> GitHubCursor.first(Math.min(request.size(), MAX_PAGE_SIZE)));
        requireOpen("list");
        return page(position);
    }

    @Override
    public boolean revoke(String invitationId) {
        Optional<Long> number = number(InputRules.invitationId(invitationId));
        requireOpen("revoke");
        Optional<Located> located = number.flatMap(this::locate);
        if (located.isEmpty()) {
            return false;
        }
        if (located.get().list() == GitHubCursor.Lists.FAILED) {
            return true; // expired (or failed otherwise): there is nothing left to cancel
        }
        try {
            return calls.run("cancel a GitHub invitation", () -> {
                api.cancel(org, number.get());
                return true;
            });
        } catch (NotFoundException gone) {
            return false; // accepted or cancelled since it was listed: no pending invitation any more
        }
    }

    /**
     * The organization's members, by login: listed page by page, looked up and removed through their
     * membership. GitHub does not reveal members' addresses, so there is no look-up by email (see
     * {@link GitHubMembers}).
     */
    @Override
    public Members members() {
        return members;
    }

    /** Refuses every later call and closes the client's idle connections. */
    @Override
    public void close() {
        closed = true;
        calls.close();
    }

    @Override
    public String toString() {
        return "GitHubInvitationProvider[" + calls.baseUri() + ", org " + org + "]";
    }

    // ---------------------------------------------------------------------------------------

    /** Where an invitation was found. */
    private record Located(Invitation invitation, GitHubCursor.Lists list) {}

    /** One page as GitHub sent it: every item (login-only ones too), Roster's view of them, and the next page. */
    private record Fetched(List<GitHubJson.Invitation> raw, List<Invitation> items, OptionalInt next) {}

    private Page<Invitation> page(GitHubCursor position) {
        Fetched fetched = fetch(position);
        if (fetched.next().isPresent()) {
            return Page.of(fetched.items(), position.atPage(fetched.next().getAsInt()).toString());
        }
        Optional<GitHubCursor> following = position.nextList();
        if (following.isEmpty()) {
            return Page.last(fetched.items());
        }
        if (fetched.raw().isEmpty()) {
            return page(following.get()); // nothing (left) pending: the failed list's first page is this page
        }
        boolean failedOnes = !fetch(following.get()).raw().isEmpty();
        return Page.of(fetched.items(), failedOnes ? following.get().toString() : null);
    }

    /**
     * Looks through the pending list, then the failed one, page by page, until the id turns up. Pages
     * are numbered, so an invitation cancelled on an earlier page while the walk goes on shifts the
     * later ones back by one, and one could slip past between two pages: before answering "not there",
     * the pending pages are read once more from the last to the first, a walk such a shift cannot
     * outrun (it moves invitations towards the pages still to be read).
     */
    private Optional<Located> locate(long id) {
        GitHubCursor start = new GitHubCursor(GitHubCursor.Lists.PENDING, 1, MAX_PAGE_SIZE);
        int lastRead = start.page();
        for (GitHubCursor position = start; ; ) {
            Fetched fetched = fetch(position);
            Optional<Located> found = within(fetched, id, GitHubCursor.Lists.PENDING);
            if (found.isPresent() || fetched.next().isEmpty()) {
                if (found.isPresent()) {
                    return found;
                }
                lastRead = position.page();
                break;
            }
            position = position.atPage(fetched.next().getAsInt());
        }
        for (int page = lastRead; page >= 1; page--) {
            Optional<Located> found = within(fetch(start.atPage(page)), id, GitHubCursor.Lists.PENDING);
            if (found.isPresent()) {
                return found;
            }
        }
        for (GitHubCursor position = new GitHubCursor(GitHubCursor.Lists.FAILED, 1, MAX_PAGE_SIZE); ; ) {
            Fetched fetched = fetch(position);
            Optional<Located> found = within(fetched, id, GitHubCursor.Lists.FAILED);
            if (found.isPresent() || fetched.next().isEmpty()) {
                return found;
            }
            position = position.atPage(fetched.next().getAsInt());
        }
    }

    /** The invitation with this id on a page, if it is there (and is Roster's: sent to an email). */
    private static Optional<Located> within(Fetched fetched, long id, GitHubCursor.Lists list) {
        for (GitHubJson.Invitation item : fetched.raw()) {
            if (item != null && item.id() != null && item.id() == id) {
                return GitHubMapping.listed(item, list).map(found -> new Located(found, list));
            }
        }
        return Optional.empty();
    }

    private Fetched fetch(GitHubCursor position) {
        return calls.read("list GitHub invitations", () -> listing(position), listing -> parse(listing, position));
    }

    /** One list page as GitHub sent it: the body, read whole, and the Link header. */
    record Listing(String body, String link) {}

    private Listing listing(GitHubCursor position) {
        return listing(() -> position.list() == GitHubCursor.Lists.PENDING
                ? api.pending(org, position.perPage(), position.page())
                : api.failed(org, position.perPage(), position.page()), GitHubErrors.Operation.LIST, errors, redactor);
    }

    /**
     * Reads one page of a list GitHub answers with a {@code Link} header: anything but a success goes
     * through the error table; a success other than 200 with a body is unreadable.
     */
    static Listing listing(Supplier<Response> call, GitHubErrors.Operation operation, GitHubErrors errors, Redactor redactor) {
        try (Response response = call.get()) {
            if (response.status() < 200 || response.status() > 299) {
                throw errors.decode(operation, response);
            }
            if (response.status() != 200 || response.body() == null) {
                throw GitHubMapping.unreadable("HTTP " + response.status() + (response.body() == null ? " without a body" : "")
                        + " to " + operation.description + ", where its API description documents 200 with a JSON array");
            }
            try (InputStream in = response.body().asInputStream()) {
                return new Listing(new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8),
                        ErrorResponses.header(response, "Link", redactor).orElse(null));
            } catch (IOException broken) {
                throw GitHubMapping.unreadable(operation.description + " that broke off while it was read");
            }
        }
    }

    /** A listing's body as the JSON array its API description documents. */
    static JsonNode array(ObjectMapper json, Listing listing, String what) {
        JsonNode body;
        try {
            body = json.readTree(listing.body());
        } catch (IOException notJson) {
            throw GitHubMapping.unreadable(what + " that is not JSON");
        }
        if (body == null || !body.isArray()) {
            throw GitHubMapping.unreadable(what + " that is not a JSON array");
        }
        return body;
    }

    private Fetched parse(Listing listing, GitHubCursor position) {
        List<GitHubJson.Invitation> raw = json.convertValue(array(json, listing, "a list of invitations"), INVITATIONS);
        List<Invitation> items = new ArrayList<>();
        raw.forEach(item -> GitHubMapping.listed(item, position.list()).ifPresent(items::add));
        return new Fetched(raw, items, GitHubMapping.nextPage(listing.link(), position.page()));
    }

    /** A GitHub id: a positive number. Anything else names no invitation GitHub could have. */
    static Optional<Long> number(String id) {
        return id.matches("[1-9][0-9]{0,17}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }

    /** A team to join: GitHub's team ids are positive numbers. */
    private static long teamId(String projectId) {
        Optional<Long> id = number(projectId.strip());
        if (id.isEmpty()) {
            throw new InvalidRequestException("GitHub's project grants are teams, named by their numeric id, such as 12; "
                    + InputRules.quote(projectId) + " is not one. GET /orgs/{org}/teams lists an organization's teams and "
                    + "their ids. Nothing was sent.", ErrorDetails.of(GitHubProviderFactory.ID), null);
        }
        return id.get();
    }

    void requireOpen(String operation) {
        if (closed) {
            throw new ProviderConfigurationException("This GitHub provider was closed; load a new one to " + operation + ".",
                    ErrorDetails.of(GitHubProviderFactory.ID), null);
        }
    }
}
