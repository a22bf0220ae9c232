package dev.roster.openai;

import dev.roster.Capabilities;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.NotFoundException;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProjectGrant;
import dev.roster.ProviderInfo;
import dev.roster.provider.support.FeignCalls;
import dev.roster.provider.support.RateLimitFeed;
import dev.roster.spi.HttpEndpoints;
import dev.roster.spi.InputRules;
import dev.roster.spi.RateLimitReporting;
import dev.roster.spi.RateLimitStatus;
import dev.roster.spi.Redactor;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
                    .build());

    private final OpenAiApi api;
    private final FeignCalls calls;
    private final RateLimitFeed rateLimits;

    /** An adapter whose client reports no rate limits (for tests that build the client themselves). */
    OpenAiInvitationProvider(OpenAiApi api, URI baseUri, Redactor redactor) {
        this(api, baseUri, redactor, new RateLimitFeed(OpenAiRateLimits::read));
    }

    /** An adapter whose client hands every answer's headers to {@code rateLimits}. */
    OpenAiInvitationProvider(OpenAiApi api, URI baseUri, Redactor redactor, RateLimitFeed rateLimits) {
        this.api = Objects.requireNonNull(api, "api");
        this.calls = new FeignCalls("OpenAI", OpenAiProviderFactory.ID, baseUri, redactor);
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
        return calls.read("send an invite", () -> api.create(body), InviteMapping::invitation);
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        String id = InputRules.invitationId(invitationId);
        try {
            return Optional.of(calls.read("find invite " + id, () -> api.retrieve(id), InviteMapping::invitation));
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public Page<Invitation> list(PageRequest request) {
        int limit = Math.min(request.size(), MAX_PAGE_SIZE);
        String after = request.cursor().map(HttpEndpoints::percentEncode).orElse(null);
        return calls.read("list invites", () -> api.list(limit, after), InviteMapping::page);
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

    /**
     * Refuses every later call. Nothing else to release on Java 17: the JDK's {@code HttpClient}
     * gives its pooled connections back when it becomes unreachable ({@code HttpClient.close()}
     * arrives only with Java 21).
     */
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
