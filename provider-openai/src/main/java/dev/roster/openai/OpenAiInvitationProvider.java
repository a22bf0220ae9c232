package dev.roster.openai;

import dev.roster.Capabilities;
import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.Member;
import dev.roster.MemberCapabilities;
import dev.roster.Members;
import dev.roster.NotFoundException;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProjectGrant;
import dev.roster.ProviderInfo;
import dev.roster.ProviderUnavailableException;
import dev.roster.provider.support.FeignCalls;
import dev.roster.provider.support.RateLimitFeed;
import dev.roster.spi.HttpEndpoints;
import dev.roster.spi.InputRules;
import dev.roster.spi.RateLimitReporting;
import dev.roster.spi.RateLimitStatus;
import dev.roster.spi.Redactor;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The OpenAI adapter: translates between Roster's model and OpenAI's organization invites, and
 * nothing more (core's policy validates, retries and makes invites idempotent).
 *
 * <p>On create, the role defaults to {@code reader} (OpenAI requires one); projects left unspecified
 * in the request are left out of the JSON, so OpenAI grants its default project, while an explicit
 * list, even empty, is sent as it is. Unknown ids are an empty {@link #find} and a {@code false}
 * {@link #revoke}. Thread-safe: it holds no per-call state.
 *
 * <p>{@code findByEmail} first reads again the invitation this adapter last saw pending for the
 * address ({@link PendingInvites}), then falls back to the interface's default, a scan of
 * {@code stream()} that stops at the first pending match, because nothing cheaper is correct at OpenAI: its invites list has no email
 * filter and takes only {@code limit} and {@code after} (OpenAI's OpenAPI file, commit
 * {@code f85dbe2}, and its SDKs' {@code InviteListParams}), and neither the contract nor the API
 * reference says in which order it lists, so walking "newest first" would be a guess (OpenAI's admin
 * API keys list, by contrast, takes {@code order}). Its 409 for an address with a pending invite
 * names no invitation either. A re-invite of an address the adapter has not seen therefore costs one
 * page per 100 invitations listed before the pending one; of one it has seen, two requests.
 */
final class OpenAiInvitationProvider implements InvitationProvider, RateLimitReporting {

    static final String DEFAULT_ROLE = "reader";
    static final int MAX_PAGE_SIZE = 100;

    static final ProviderInfo INFO = new ProviderInfo(OpenAiProviderFactory.ID, "OpenAI",
            Capabilities.builder()
                    .roles(DEFAULT_ROLE, "owner")
                    .projectGrants("member", "owner")
                    .revokeAccepted(false)
                    .maxPageSize(MAX_PAGE_SIZE)
                    .members(MemberCapabilities.all())
                    .build());

    private final OpenAiApi api;
    private final FeignCalls calls;
    private final Members members = new OpenAiMembers();
    private final PendingInvites pending = new PendingInvites();
    private final RateLimitFeed rateLimits;

    /** An adapter whose client reports no rate limits (for tests that build the client themselves). */
    OpenAiInvitationProvider(OpenAiApi api, URI baseUri, Redactor redactor) {
        this(api, baseUri, redactor, new RateLimitFeed(OpenAiRateLimits::read));
    }

    /** An adapter whose client hands every answer's headers to {@code rateLimits}. */
    OpenAiInvitationProvider(OpenAiApi api, URI baseUri, Redactor redactor, RateLimitFeed rateLimits) {
        this(api, new FeignCalls("OpenAI", OpenAiProviderFactory.ID, baseUri, redactor), rateLimits);
    }

    /** An adapter running its calls through {@code calls}, whose closing also closes the client's connections. */
    OpenAiInvitationProvider(OpenAiApi api, FeignCalls calls, RateLimitFeed rateLimits) {
        this.api = Objects.requireNonNull(api, "api");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** OpenAI's {@code x-ratelimit-*-requests} headers, from every answer, pace core's calls (see {@link OpenAiRateLimits}). */
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
        List<OpenAiJson.Project> projects = request.projects()
                .map(grants -> grants.stream().map(OpenAiInvitationProvider::project).collect(Collectors.toList()))
                .orElse(null);
        OpenAiJson.InviteRequest body = new OpenAiJson.InviteRequest(request.email(), request.role().orElse(DEFAULT_ROLE), projects);
        return seen(calls.read("send an invite", () -> api.create(body), InviteMapping::invitation));
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        String id = InputRules.invitationId(invitationId);
        try {
            return Optional.of(seen(calls.read("find invite " + id, () -> api.retrieve(id), InviteMapping::invitation)));
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public Page<Invitation> list(PageRequest request) {
        int limit = Math.min(request.size(), MAX_PAGE_SIZE);
        String after = request.cursor().map(HttpEndpoints::percentEncode).orElse(null);
        Page<Invitation> page = calls.read("list invites", () -> api.list(limit, after), InviteMapping::page);
        page.items().forEach(pending::saw);
        return page;
    }

    /**
     * The pending invitation for the address: first the one this adapter last saw pending for it, read
     * again with one {@code find} (see {@link PendingInvites}), else the interface's walk of every page
     * up to the first pending match, which also teaches the adapter every invitation it passes.
     */
    @Override
    public Optional<Invitation> findByEmail(String email) {
        String wanted = InputRules.email(email);
        Optional<String> remembered = pending.idFor(wanted);
        if (remembered.isPresent()) {
            Optional<Invitation> now;
            try {
                now = find(remembered.get());
            } catch (InvalidRequestException notAnIdRosterSends) {
                now = Optional.empty(); // the vendor's id, which Roster would not put in a path: walk instead
            }
            if (now.isPresent() && now.get().isPending() && InputRules.sameEmail(now.get().email(), wanted)) {
                return now;
            }
            pending.forget(wanted, remembered.get());
        }
        return InvitationProvider.super.findByEmail(wanted);
    }

    private Invitation seen(Invitation invitation) {
        pending.saw(invitation);
        return invitation;
    }

    @Override
    public boolean revoke(String invitationId) {
        String id = InputRules.invitationId(invitationId);
        try {
            return calls.read("revoke invite " + id, () -> api.delete(id), InviteMapping::deleted);
        } catch (NotFoundException unknown) {
            return false;
        }
    }

    /** The organization's users: {@code /organization/users}. */
    @Override
    public Members members() {
        return members;
    }

    /** Members are OpenAI's organization users; a user id that OpenAI does not know is an empty find and a false remove. */
    private final class OpenAiMembers implements Members {

        @Override
        public Optional<Member> find(String memberId) {
            String id = InputRules.memberId(memberId);
            try {
                return Optional.of(calls.read("find member " + id, () -> api.retrieveUser(id), UserMapping::member));
            } catch (NotFoundException unknown) {
                return Optional.empty();
            }
        }

        /**
         * Asks OpenAI's {@code emails} filter for the address as given and in lower case (OpenAI does not
         * document whether the filter ignores case), then compares case-insensitively, following the
         * pages of the filtered list.
         */
        @Override
        public Optional<Member> findByEmail(String email) {
            String wanted = InputRules.email(email);
            List<String> spellings = List.of(wanted, wanted.toLowerCase(Locale.ROOT)).stream().distinct()
                    .map(HttpEndpoints::percentEncode).collect(Collectors.toList());
            Set<String> seen = new HashSet<>();
            String after = null;
            while (true) {
                String cursor = after;
                Page<Member> page = calls.read("look a member up by email", () -> api.listUsers(MAX_PAGE_SIZE, cursor, spellings),
                        UserMapping::page);
                Optional<Member> match = page.items().stream()
                        .filter(m -> m.email().filter(e -> InputRules.sameEmail(e, wanted)).isPresent()).findFirst();
                if (match.isPresent() || page.nextCursor().isEmpty()) {
                    return match;
                }
                if (!seen.add(page.nextCursor().get())) {
                    throw new ProviderUnavailableException("OpenAI returned the users cursor " + InputRules.quote(
                            page.nextCursor().get()) + " twice while looking a member up by email, so the look-up would "
                            + "never end; stopped. Try again later.", ErrorDetails.of(OpenAiProviderFactory.ID), null);
                }
                after = HttpEndpoints.percentEncode(page.nextCursor().get());
            }
        }

        @Override
        public Page<Member> list(PageRequest request) {
            int limit = Math.min(request.size(), MAX_PAGE_SIZE);
            String after = request.cursor().map(HttpEndpoints::percentEncode).orElse(null);
            return calls.read("list members", () -> api.listUsers(limit, after, null), UserMapping::page);
        }

        @Override
        public boolean remove(String memberId) {
            String id = InputRules.memberId(memberId);
            try {
                return calls.read("remove member " + id, () -> api.deleteUser(id), UserMapping::deleted);
            } catch (NotFoundException unknown) {
                return false;
            }
        }
    }

    /** Refuses every later call and closes the client's idle connections. */
    @Override
    public void close() {
        calls.close();
    }

    @Override
    public String toString() {
        return "OpenAiInvitationProvider[" + calls.baseUri() + "]";
    }

    private static OpenAiJson.Project project(ProjectGrant grant) {
        return new OpenAiJson.Project(grant.projectId(), grant.role());
    }
}
