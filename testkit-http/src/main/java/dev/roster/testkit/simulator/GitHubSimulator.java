package dev.roster.testkit.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.ProviderConfig;
import dev.roster.Secret;
import dev.roster.testkit.openapi.OpenApiValidation;
import dev.roster.testkit.openapi.VendorSpecs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A stateful fake of GitHub's organization invitations and memberships, as its REST API description
 * ({@code github-org-invitations.openapi.yaml}) describes them, on a free port of 127.0.0.1:
 * {@code GET/POST /orgs/{org}/invitations}, {@code GET /orgs/{org}/failed_invitations},
 * {@code DELETE /orgs/{org}/invitations/{invitation_id}}, {@code GET /orgs/{org}/members} and
 * {@code GET/DELETE /orgs/{org}/memberships/{username}}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GitHubSimulator github = new GitHubSimulator().validatedAgainstSpec();
 *
 * InvitationProvider provider = InvitationProviders.load("github", github.config());
 * }</pre>
 *
 * <p>Behaviour, following the contract where it speaks and GitHub's observed answers where it does not:
 * <ul>
 *   <li>Every request needs {@code Authorization: Bearer <the token>} (or {@code token <the token>}):
 *       without one, 401 "Requires authentication"; with another, 401 "Bad credentials". An
 *       {@code X-GitHub-Api-Version} other than {@value #API_VERSION} or {@code 2026-03-10} is a 400.
 *       Another organization than the simulator's is a 404, as GitHub answers for one it will not show.</li>
 *   <li>Both lists are in creation order, {@code per_page} 1 to 100 (default 30, more is taken as 100),
 *       {@code page} from 1, with GitHub's {@code Link} header ({@code prev}, {@code next},
 *       {@code last}, {@code first}) whenever there is more than one page.</li>
 *   <li>Invitations have numeric ids and carry {@code failed_at}/{@code failed_reason} (null while
 *       pending), {@code team_count} and {@code invitation_teams_url}, but not the teams themselves.</li>
 *   <li><b>Lifecycle, as GitHub's.</b> {@link #accept} makes the invitee a member and the invitation
 *       leaves both lists; {@link #expire} moves it to the failed list with {@code failed_reason}
 *       {@value GitHubInvitationStore#EXPIRED_REASON}. A cancelled invitation leaves both lists too.</li>
 *   <li><b>Creating</b> for an email with a pending invitation answers 201 with that same invitation
 *       (GitHub is idempotent here) unless {@link #acceptDuplicateInvites(boolean)}; for a member's
 *       email, 422 "A user with this email address is already a part of this organization"; over
 *       {@link #invitationQuota(int) the invitation quota}, 422 "Over invitation rate limit"; a bad
 *       {@code email}, {@code role} or unknown team in {@code team_ids}, 422 naming the field, in
 *       GitHub's {@code validation-error} body.</li>
 *   <li><b>Cancelling</b> a pending invitation, or one already cancelled, answers 204 (GitHub repeats
 *       it); an accepted, failed or unknown one, 404.</li>
 *   <li><b>Members</b> are known by login and list in joining order, paged like the invitations, as
 *       {@code simple-user}s without their address. The organization starts with its owner
 *       {@code roster-owner} (role {@code admin}). A person who accepts an invitation, or {@link #join}s,
 *       becomes a member with a login derived from their address ({@link #join} says how); {@link #addBot}
 *       adds a {@code type: Bot} account. A membership reads {@code active} with the member's role; for a
 *       pending invitee, by the login their address derives, {@code pending}; otherwise 404. Removing a
 *       membership answers 204 and, for a pending invitee, cancels the invitation, as GitHub does; 404 for
 *       anyone else; 403 for the last owner.</li>
 *   <li>Every answer carries {@code x-github-request-id} and GitHub's {@code x-ratelimit-*} headers.
 *       Rate-limit answers (the {@link #rateLimit(int)} knob, injected 429s) are 429 with
 *       {@code x-ratelimit-remaining: 0}, {@code x-ratelimit-reset} in epoch seconds and
 *       {@code retry-after} in whole seconds (0 for "at once"); 503s carry {@code retry-after}.</li>
 * </ul>
 *
 * <p>{@link #validatedAgainstSpec()} checks every exchange against GitHub's description, from the
 * specs folder the build names, if it names one ({@link #specValidation()}, {@link VendorSpecs}).
 */
public final class GitHubSimulator extends VendorSimulator {

    /** GitHub's description of these endpoints, found in the specs folder the build names (see {@link VendorSpecs}). */
    public static final String SPEC_FILE = "github-org-invitations.openapi.yaml";
    /** The token the no-argument constructor expects. Not a real token. */
    public static final String DEFAULT_TOKEN = "ghp_RosterSimulatorToken0000000000000000";
    /** The organization the no-argument constructor serves. */
    public static final String DEFAULT_ORG = "roster-sim";
    /** The teams the simulated organization has, unless {@link #teams(long...)} says otherwise. */
    public static final Set<Long> DEFAULT_TEAMS = Set.of(12L, 26L);
    /** The REST API version the simulator speaks (and the one GitHub's adapter pins). */
    public static final String API_VERSION = "2022-11-28";

    private static final Set<String> API_VERSIONS = Set.of(API_VERSION, "2026-03-10");
    private static final Set<String> ROLES = Set.of("direct_member", "admin", "billing_manager");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int DEFAULT_PER_PAGE = 30;
    private static final int MAX_PER_PAGE = 100;
    private static final String DOCS = "https://docs.github.com/rest/orgs/members";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final String org;
    private final Clock clock;
    /** Guards the store; not {@code this}, whose monitor the base class holds while stopping the server. */
    private final Object lock = new Object();
    private final GitHubInvitationStore store;
    private volatile int quota = Integer.MAX_VALUE;
    private volatile Set<Long> teams = DEFAULT_TEAMS;

    /** A simulator of {@link #DEFAULT_ORG} expecting {@link #DEFAULT_TOKEN}, on the system clock. */
    public GitHubSimulator() {
        this(DEFAULT_TOKEN, DEFAULT_ORG, Clock.systemUTC());
    }

    /**
     * A simulator of an organization expecting a token, stamping times from a clock.
     *
     * @param token the only token it accepts
     * @param org the organization it serves
     * @param clock the clock for {@code created_at}, {@code failed_at}, the quota and rate-limit resets
     */
    public GitHubSimulator(String token, String org, Clock clock) {
        if (token == null || token.isBlank() || org == null || org.isBlank()) {
            throw new IllegalArgumentException("The simulator needs a non-blank token to expect and an organization.");
        }
        this.token = token;
        this.org = org;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new GitHubInvitationStore(clock);
    }

    /**
     * The validation of GitHub's description, {@value #SPEC_FILE}, read from the specs folder the
     * build names ({@link VendorSpecs}; never copied into the project). Undeclared error answers are
     * checked against its {@code basic-error} schema, and {@code Accept: application/vnd.github+json},
     * which GitHub asks clients to send, is taken as its documented {@code application/json}.
     *
     * @return the validation; one that checks nothing when no specs folder is set
     * @throws IllegalStateException if a specs folder is set but the file is not in it, naming both
     */
    public static OpenApiValidation specValidation() {
        return OpenApiValidation.vendorSpec(SPEC_FILE).basePath("").errorSchema("basic-error")
                .jsonMediaType("application/vnd.github+json").build();
    }

    /**
     * Checks every exchange against GitHub's description ({@link #specValidation()}): see
     * {@link VendorSimulator}.
     *
     * @return this simulator
     */
    public GitHubSimulator validatedAgainstSpec() {
        return validatedAgainst(specValidation());
    }

    @Override
    public GitHubSimulator validatedAgainst(OpenApiValidation validation) {
        super.validatedAgainst(validation);
        return this;
    }

    /**
     * The organization this simulator serves.
     *
     * @return its login
     */
    public String org() {
        return org;
    }

    /**
     * A configuration for the {@code github} provider pointing at this simulator: its root as the
     * base URI, its token as {@value ProviderConfig#GITHUB_TOKEN}, its organization as {@code github.org}.
     *
     * @return the configuration
     */
    @Override
    public ProviderConfig config() {
        return ProviderConfig.builder()
                .baseUri(rootUri())
                .credential(ProviderConfig.GITHUB_TOKEN, Secret.of(token))
                .property(ProviderConfig.KNOWN_SETTINGS.get(ProviderConfig.GITHUB_ORG), org)
                .build();
    }

    /** {@inheritDoc} */
    @Override
    public String providerId() {
        return "github";
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ProviderConfig.GITHUB_TOKEN, token);
        env.put(ProviderConfig.GITHUB_ORG, org);
        return env;
    }

    /**
     * Sets GitHub's invitation quota: at most this many invitations created in any 24 hours (GitHub:
     * 50, or 500 for an organization older than a month or on a paid plan). Unlimited by default, so
     * that long test runs are not cut short; cleared by {@link #reset()}.
     *
     * @param perDay invitations per 24 hours
     * @return this simulator
     */
    public GitHubSimulator invitationQuota(int perDay) {
        if (perDay < 0) {
            throw new IllegalArgumentException("The quota cannot be negative; got " + perDay);
        }
        this.quota = perDay;
        return this;
    }

    /**
     * Sets the teams of the organization, the only {@code team_ids} an invitation may name;
     * {@link #DEFAULT_TEAMS} until set, and again after {@link #reset()}.
     *
     * @param ids the team ids
     * @return this simulator
     */
    public GitHubSimulator teams(long... ids) {
        Set<Long> set = new LinkedHashSet<>();
        for (long id : ids) {
            set.add(id);
        }
        this.teams = Set.copyOf(set);
        return this;
    }

    /**
     * Makes an email a member of the organization, as if they had joined before: inviting it then
     * answers GitHub's 422 for a member.
     *
     * @param email the member's address
     * @return this simulator
     */
    public GitHubSimulator addMember(String email) {
        join(email);
        return this;
    }

    /**
     * Makes the address a member (role {@code member}) without an invitation, as {@link #addMember} does.
     * Its login is derived from the address: the part before {@code @}, lower-cased, each run of other
     * characters than letters and digits one hyphen, at most 39 characters, with {@code -2}, {@code -3}...
     * added when another member has it ({@code Ada.Lovelace@example.com}: {@code ada-lovelace}). An
     * accepted invitation makes its invitee a member the same way.
     *
     * @param email the new member's address
     * @return the member's login
     */
    @Override
    public String join(String email) {
        Objects.requireNonNull(email, "email");
        synchronized (lock) {
            return store.join(email, "member");
        }
    }

    /**
     * The login of the member who joined with this address (GitHub shows members by login only).
     *
     * @param email the address the person was invited by or joined with
     * @return the login, or empty if no member joined with the address
     */
    @Override
    public Optional<String> memberId(String email) {
        Objects.requireNonNull(email, "email");
        synchronized (lock) {
            return store.memberByEmail(email).map(GitHubInvitationStore.Member::login);
        }
    }

    /**
     * Adds a GitHub App's bot account to the members ({@code type: Bot}, which Roster reports as a
     * service account).
     *
     * @param login the bot's login, such as {@code deploy-bot}
     * @return this simulator
     */
    public GitHubSimulator addBot(String login) {
        Objects.requireNonNull(login, "login");
        synchronized (lock) {
            store.addBot(login);
        }
        return this;
    }

    /** Accepts a pending invitation: the invitee becomes a member, and the invitation leaves both lists, as at GitHub. */
    @Override
    public void accept(String invitationId) {
        synchronized (lock) {
            store.accept(invitationId);
        }
    }

    /** Expires a pending invitation: it moves to the failed list with GitHub's expiry reason. */
    @Override
    public void expire(String invitationId) {
        synchronized (lock) {
            store.expire(invitationId);
        }
    }

    @Override
    public Map<String, Integer> invitationsCreatedByEmail() {
        synchronized (lock) {
            return store.createdByEmail();
        }
    }

    @Override
    protected void clearState() {
        synchronized (lock) {
            store.clear();
        }
        quota = Integer.MAX_VALUE;
        teams = DEFAULT_TEAMS;
    }

    @Override
    protected SimulatedResponse handle(SimulatedRequest request) {
        Optional<SimulatedResponse> refused = authenticate(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        String[] segments = request.rawPath().split("/", -1);
        // "", "orgs", org, "invitations" | "failed_invitations" [, id]
        if (segments.length >= 4 && segments[0].isEmpty() && segments[1].equals("orgs")
                && SimulatedRequest.decode(segments[2]).equalsIgnoreCase(org)) {
            String method = request.method();
            if (segments.length == 4 && segments[3].equals("invitations")) {
                if (method.equals("GET")) {
                    return list(request, GitHubInvitationStore.State.PENDING, "invitations");
                }
                if (method.equals("POST")) {
                    return create(request);
                }
            } else if (segments.length == 4 && segments[3].equals("failed_invitations") && method.equals("GET")) {
                return list(request, GitHubInvitationStore.State.FAILED, "failed_invitations");
            } else if (segments.length == 5 && segments[3].equals("invitations") && method.equals("DELETE")) {
                return cancel(segments[4]);
            } else if (segments.length == 4 && segments[3].equals("members") && method.equals("GET")) {
                return members(request);
            } else if (segments.length == 5 && segments[3].equals("memberships") && method.equals("GET")) {
                return membership(SimulatedRequest.decode(segments[4]));
            } else if (segments.length == 5 && segments[3].equals("memberships") && method.equals("DELETE")) {
                return removeMembership(SimulatedRequest.decode(segments[4]));
            }
        }
        return error(404, "Not Found");
    }

    @Override
    protected SimulatedResponse error(int status, String message) {
        ObjectNode body = JSON.createObjectNode()
                .put("message", message)
                .put("documentation_url", "https://docs.github.com/rest")
                .put("status", Integer.toString(status));
        return common(SimulatedResponse.json(status, body.toString()));
    }

    @Override
    protected SimulatedResponse retryLater(int status, Duration wait) {
        long seconds = wholeSeconds(wait);
        if (status == 429) {
            long reset = clock.instant().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
            return error(429, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.")
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader("x-ratelimit-reset", Long.toString(reset))
                    .withHeader("retry-after", Long.toString(seconds));
        }
        return error(status, "Service temporarily unavailable.").withHeader("retry-after", Long.toString(seconds));
    }

    /**
     * GitHub's primary rate-limit headers saying where the client stands with the configured limit,
     * on every answer: {@code x-ratelimit-limit}, {@code x-ratelimit-remaining}, {@code x-ratelimit-used}
     * and {@code x-ratelimit-reset} (epoch seconds, rounded up, by this simulator's clock); they replace
     * the fixed values an unlimited simulator sends.
     */
    @Override
    protected SimulatedResponse rateLimitHeaders(SimulatedResponse response, long limit, long remaining, Duration resetIn) {
        long reset = clock.instant().plus(resetIn).plusNanos(999_999_999L).getEpochSecond();
        return response.withHeader("x-ratelimit-limit", Long.toString(limit))
                .withHeader("x-ratelimit-remaining", Long.toString(remaining))
                .withHeader("x-ratelimit-used", Long.toString(Math.max(0, limit - remaining)))
                .withHeader("x-ratelimit-reset", Long.toString(reset))
                .withHeader("x-ratelimit-resource", "core");
    }

    // ---------------------------------------------------------------------------------------
    // Operations

    private Optional<SimulatedResponse> authenticate(SimulatedRequest request) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.of(error(401, "Requires authentication"));
        }
        String value = header.get().strip();
        String given = value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip()
                : value.regionMatches(true, 0, "token ", 0, 6) ? value.substring(6).strip() : "";
        if (!given.equals(token)) {
            return Optional.of(error(401, "Bad credentials"));
        }
        Optional<String> version = request.header("X-GitHub-Api-Version");
        if (version.isPresent() && !API_VERSIONS.contains(version.get().strip())) {
            return Optional.of(error(400, "API version " + version.get().strip() + " is not supported."));
        }
        return Optional.empty();
    }

    private SimulatedResponse list(SimulatedRequest request, GitHubInvitationStore.State state, String path) {
        int perPage = Math.min(MAX_PER_PAGE, positive(request.queryParameter("per_page"), DEFAULT_PER_PAGE));
        int page = positive(request.queryParameter("page"), 1);
        GitHubInvitationStore.Page<GitHubInvitationStore.Invitation> found;
        synchronized (lock) {
            found = store.list(state, perPage, page);
        }
        ArrayNode body = JSON.createArrayNode();
        found.items().forEach(invitation -> body.add(toJson(invitation)));
        SimulatedResponse response = common(SimulatedResponse.json(200, body.toString()));
        if (found.lastPage() > 1) {
            response = response.withHeader("Link", link(path, perPage, page, found.lastPage()));
        }
        return response;
    }

    /** GitHub's Link header: prev and first before page 1's successors, next and last before the end. */
    private String link(String path, int perPage, int page, int lastPage) {
        String base = rootUri() + "/orgs/" + org + "/" + path + "?per_page=" + perPage + "&page=";
        List<String> parts = new ArrayList<>();
        if (page > 1) {
            parts.add("<" + base + Math.min(page - 1, lastPage) + ">; rel=\"prev\"");
        }
        if (page < lastPage) {
            parts.add("<" + base + (page + 1) + ">; rel=\"next\"");
            parts.add("<" + base + lastPage + ">; rel=\"last\"");
        }
        if (page > 1) {
            parts.add("<" + base + 1 + ">; rel=\"first\"");
        }
        return String.join(", ", parts);
    }

    private SimulatedResponse create(SimulatedRequest request) {
        JsonNode body;
        try {
            body = request.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return error(400, "Problems parsing JSON");
        }
        if (body.has("invitee_id")) {
            return invalid("invitee_id", "invalid", "The simulator invites by email only.");
        }
        JsonNode email = body.get("email");
        if (email == null || !email.isTextual() || !EMAIL.matcher(email.asText()).matches()) {
            return invalid("email", email == null ? "missing_field" : "invalid", null);
        }
        JsonNode roleNode = body.get("role");
        String role = roleNode == null ? "direct_member" : roleNode.asText();
        if (roleNode != null && (!roleNode.isTextual() || !ROLES.contains(role))) {
            return invalid("role", "invalid", null);
        }
        List<Long> teamIds = new ArrayList<>();
        JsonNode teamsNode = body.get("team_ids");
        if (teamsNode != null) {
            if (!teamsNode.isArray()) {
                return invalid("team_ids", "invalid", null);
            }
            for (JsonNode team : teamsNode) {
                if (!team.canConvertToLong() || !team.isIntegralNumber() || !teams.contains(team.asLong())) {
                    return invalid("team_ids", "invalid", "Team " + team + " is not a team of " + org + ".");
                }
                teamIds.add(team.asLong());
            }
        }
        GitHubInvitationStore.Invitation created;
        synchronized (lock) {
            if (store.isMember(email.asText())) {
                return invalid("data", "custom", "A user with this email address is already a part of this organization");
            }
            Optional<GitHubInvitationStore.Invitation> pending = store.pendingFor(email.asText());
            if (pending.isPresent() && !acceptsDuplicateInvites()) {
                // GitHub answers a repeated invitation by email with the one already pending.
                return common(SimulatedResponse.json(201, toJson(pending.get()).toString()));
            }
            if (store.overQuota(quota)) {
                return invalid("data", "unprocessable", "Over invitation rate limit");
            }
            created = store.create(email.asText(), role, teamIds);
        }
        return common(SimulatedResponse.json(201, toJson(created).toString()));
    }

    private SimulatedResponse members(SimulatedRequest request) {
        int perPage = Math.min(MAX_PER_PAGE, positive(request.queryParameter("per_page"), DEFAULT_PER_PAGE));
        int page = positive(request.queryParameter("page"), 1);
        GitHubInvitationStore.Page<GitHubInvitationStore.Member> found;
        synchronized (lock) {
            found = store.members(perPage, page);
        }
        ArrayNode body = JSON.createArrayNode();
        found.items().forEach(m -> body.add(GitHubUserJson.simpleUser(rootUri(), m.id(), m.login(), m.type())));
        SimulatedResponse response = common(SimulatedResponse.json(200, body.toString()));
        if (found.lastPage() > 1) {
            response = response.withHeader("Link", link("members", perPage, page, found.lastPage()));
        }
        return response;
    }

    /** A member's membership is active; a pending invitee's, by the login its address derives, pending. */
    private SimulatedResponse membership(String login) {
        ObjectNode json;
        synchronized (lock) {
            Optional<GitHubInvitationStore.Member> member = store.member(login);
            if (member.isPresent()) {
                GitHubInvitationStore.Member m = member.get();
                json = GitHubUserJson.membership(rootUri(), org, m.login(), "active", m.role(),
                        GitHubUserJson.simpleUser(rootUri(), m.id(), m.login(), m.type()));
            } else {
                Optional<GitHubInvitationStore.Invitation> invited = store.pendingForLogin(login);
                if (invited.isEmpty()) {
                    return error(404, "Not Found");
                }
                String role = invited.get().role().equals("direct_member") ? "member" : invited.get().role();
                json = GitHubUserJson.membership(rootUri(), org, login, "pending", role,
                        GitHubUserJson.simpleUser(rootUri(), 900_000 + invited.get().id(), login, "User"));
            }
        }
        return common(SimulatedResponse.json(200, json.toString()));
    }

    /** Removes a member (403 for the last owner), or cancels a pending invitee's invitation, as GitHub does. */
    private SimulatedResponse removeMembership(String login) {
        synchronized (lock) {
            Optional<GitHubInvitationStore.Member> member = store.member(login);
            if (member.isPresent()) {
                if (store.lastOwner(member.get())) {
                    return error(403, "You cannot remove the last owner of an organization.");
                }
                store.removeMember(login);
                return common(SimulatedResponse.empty(204));
            }
            Optional<GitHubInvitationStore.Invitation> invited = store.pendingForLogin(login);
            if (invited.isEmpty()) {
                return error(404, "Not Found");
            }
            store.cancel(invited.get().id());
        }
        return common(SimulatedResponse.empty(204));
    }

    private SimulatedResponse cancel(String rawId) {
        Optional<Long> id = GitHubInvitationStore.number(SimulatedRequest.decode(rawId));
        synchronized (lock) {
            Optional<GitHubInvitationStore.Invitation> invitation = id.flatMap(store::find);
            if (invitation.isEmpty() || invitation.get().state() == GitHubInvitationStore.State.ACCEPTED
                    || invitation.get().state() == GitHubInvitationStore.State.FAILED) {
                return error(404, "Not Found");
            }
            store.cancel(id.get());
        }
        return common(SimulatedResponse.empty(204));
    }

    // ---------------------------------------------------------------------------------------
    // Wire format

    private ObjectNode toJson(GitHubInvitationStore.Invitation invitation) {
        ObjectNode json = JSON.createObjectNode()
                .put("id", invitation.id())
                .put("node_id", "OI_simulated" + invitation.id())
                .putNull("login")
                .put("email", invitation.email())
                .put("role", invitation.role())
                .put("created_at", invitation.createdAt().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("failed_at", invitation.failedAt() == null ? null
                        : invitation.failedAt().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("failed_reason", invitation.failedReason());
        json.set("inviter", inviter());
        json.put("team_count", invitation.teamIds().size())
                .put("invitation_teams_url", rootUri() + "/organizations/1/invitations/" + invitation.id() + "/teams")
                .put("invitation_source", "member");
        return json;
    }

    /** The organization owner who sent every invitation: a {@code simple-user} with every field GitHub requires. */
    private ObjectNode inviter() {
        return GitHubUserJson.simpleUser(rootUri(), 1, GitHubInvitationStore.OWNER, "User");
    }

    /** GitHub's 422: {@code validation-error}, one error naming the field. */
    private SimulatedResponse invalid(String field, String code, String message) {
        ObjectNode body = JSON.createObjectNode().put("message", "Validation Failed");
        ObjectNode error = body.putArray("errors").addObject()
                .put("resource", "OrganizationInvitation")
                .put("code", code)
                .put("field", field);
        if (message != null) {
            error.put("message", message);
        }
        body.put("documentation_url", DOCS + "#create-an-organization-invitation");
        return common(SimulatedResponse.json(422, body.toString()));
    }

    /** The headers GitHub puts on every answer: a request id and the primary rate limit's state. */
    private SimulatedResponse common(SimulatedResponse response) {
        SimulatedResponse with = response.withHeader("x-github-request-id",
                UUID.randomUUID().toString().toUpperCase(Locale.ROOT).substring(0, 23).replace('-', ':'));
        if (with.headers().containsKey("x-ratelimit-remaining")) {
            return with;
        }
        Instant reset = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        return with.withHeader("x-ratelimit-limit", "5000")
                .withHeader("x-ratelimit-remaining", "4999")
                .withHeader("x-ratelimit-used", "1")
                .withHeader("x-ratelimit-reset", Long.toString(reset.getEpochSecond()))
                .withHeader("x-ratelimit-resource", "core");
    }

    private static int positive(Optional<String> raw, int fallback) {
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get().strip());
            return value < 1 ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
