package dev.roster.openai;

import dev.roster.Capabilities;
import dev.roster.ErrorDetails;
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
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderInfo;
import dev.roster.ProviderUnavailableException;
import dev.roster.spi.HttpEndpoints;
import dev.roster.spi.InputRules;
import dev.roster.spi.Redactor;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
final class OpenAiInvitationProvider implements InvitationProvider {

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
    private volatile boolean closed;

    OpenAiInvitationProvider(OpenAiApi api, URI baseUri, Redactor redactor) {
        this.api = Objects.requireNonNull(api, "api");
        this.calls = new FeignCalls(baseUri, redactor);
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
        requireOpen("invite");
        OpenAiJson.InviteRequest body = new OpenAiJson.InviteRequest(request.email(), request.role().orElse(DEFAULT_ROLE), projects);
        return calls.read("invite", () -> api.create(body), InviteMapping::invitation);
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        String id = InputRules.invitationId(invitationId);
        requireOpen("find");
        try {
            return Optional.of(calls.read("find", () -> api.retrieve(id), InviteMapping::invitation));
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public Page<Invitation> list(PageRequest request) {
        requireOpen("list");
        int limit = Math.min(request.size(), MAX_PAGE_SIZE);
        String after = request.cursor().map(HttpEndpoints::percentEncode).orElse(null);
        return calls.read("list", () -> api.list(limit, after), InviteMapping::page);
    }

    @Override
    public boolean revoke(String invitationId) {
        String id = InputRules.invitationId(invitationId);
        requireOpen("revoke");
        try {
            return calls.read("revoke", () -> api.delete(id), InviteMapping::deleted);
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
            requireOpen("find a member");
            try {
                return Optional.of(calls.read("members().find", () -> api.retrieveUser(id), UserMapping::member));
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
            requireOpen("find a member");
            List<String> spellings = List.of(wanted, wanted.toLowerCase(Locale.ROOT)).stream().distinct()
                    .map(HttpEndpoints::percentEncode).collect(Collectors.toList());
            Set<String> seen = new HashSet<>();
            String after = null;
            while (true) {
                String cursor = after;
                Page<Member> page = calls.read("members().findByEmail", () -> api.listUsers(MAX_PAGE_SIZE, cursor, spellings),
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
            requireOpen("list members");
            int limit = Math.min(request.size(), MAX_PAGE_SIZE);
            String after = request.cursor().map(HttpEndpoints::percentEncode).orElse(null);
            return calls.read("members().list", () -> api.listUsers(limit, after, null), UserMapping::page);
        }

        @Override
        public boolean remove(String memberId) {
            String id = InputRules.memberId(memberId);
            requireOpen("remove a member");
            try {
                return calls.read("members().remove", () -> api.deleteUser(id), UserMapping::deleted);
            } catch (NotFoundException unknown) {
                return false;
            }
        }
    }

    /**
     * Refuses every later call. Nothing else to release on Java 17: the JDK's {@code HttpClient}
     * gives its pooled connections back when it becomes unreachable ({@code HttpClient.close()}
     * arrives only with Java 21).
     */
    @Override
    public void close() {
        closed = true;
    }

    private void requireOpen(String operation) {
        if (closed) {
            throw new ProviderConfigurationException("This OpenAI provider was closed; load a new one to " + operation + ".",
                    ErrorDetails.of(OpenAiProviderFactory.ID), null);
        }
    }

    @Override
    public String toString() {
        return "OpenAiInvitationProvider[" + calls.baseUri() + "]";
    }

    private static OpenAiJson.Project project(ProjectGrant grant) {
        return new OpenAiJson.Project(grant.projectId(), grant.role());
    }
}
