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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A stateful fake of OpenAI's Admin API organisation invites and users, as its OpenAPI contracts
 * ({@code openai-invites.openapi.yaml}, {@code openai-users.openapi.yaml}) describe them, on a free
 * port of 127.0.0.1: {@code GET/POST /v1/organization/invites},
 * {@code GET/DELETE /v1/organization/invites/{invite_id}}, {@code GET /v1/organization/users} and
 * {@code GET/DELETE /v1/organization/users/{user_id}} (role changes, {@code POST} on a user, are not
 * simulated: 404).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OpenAiSimulator openai = new OpenAiSimulator();
 *
 * InvitationProvider provider = InvitationProviders.load("openai", openai.config());
 * }</pre>
 *
 * <p>Behaviour, following the contract where it speaks:
 * <ul>
 *   <li>Every request needs {@code Authorization: Bearer <the admin key>}: without one, or with
 *       another key, the answer is 401 with OpenAI's error body.</li>
 *   <li>Lists come in creation order (oldest first), {@code limit} 1 to 100 (default 20), {@code after}
 *       an invite id, with {@code first_id}, {@code last_id} and {@code has_more}. The order is the
 *       simulator's choice: OpenAI documents none for invites (its list takes only {@code limit} and
 *       {@code after}, unlike its admin API keys list, which takes {@code order}), so adapters must
 *       not depend on it.</li>
 *   <li>Invites always carry {@code created_at}, {@code expires_at} (7 days on) and {@code projects}
 *       (the contract requires it): omitting {@code projects} on create grants the organisation's
 *       default project ({@value #DEFAULT_PROJECT_ID}, role {@code member}), as OpenAI documents;
 *       {@code []} grants none.</li>
 *   <li><b>Users</b> are the members: accepting an invite ({@link #accept}) makes its address a user with the
 *       invite's role, once; {@link #addMember} and {@link #join} add one directly (role {@code reader}).
 *       Users list in joining order with {@code limit}/{@code after} as invites do, and the
 *       {@code emails} filter (repeatable) matches addresses in any case (the simulator's choice: OpenAI
 *       does not document it). Deleting a user ends the membership: the accepted invite stays accepted,
 *       and the address may be invited again.</li>
 *   <li>Unknown ids answer 404; unknown URLs 404 "Invalid URL", as OpenAI does; unknown body fields,
 *       a missing or invalid {@code email}/{@code role}/{@code projects}, an invalid {@code limit}
 *       or an {@code after} that was never an invite id answer 400.</li>
 * </ul>
 *
 * <p><b>Conflicts.</b> OpenAI's contract declares no error responses for invites, so these bodies are
 * the simulator's choice, in OpenAI's documented {@code {"error": {message, type, param, code}}}
 * envelope with its usual {@code invalid_request_error} type; adapters should key on the status and
 * {@code code} and read the message only as a hint:
 * <ul>
 *   <li>inviting an email (any case) with a pending invite: 409, code {@value #CODE_INVITE_EXISTS},
 *       naming no invitation (nothing OpenAI documents would);</li>
 *   <li>inviting a member (an email whose invite was accepted, or {@link #addMember}): 409, code
 *       {@value #CODE_ALREADY_MEMBER};</li>
 *   <li>deleting an accepted invite: 409, code {@value #CODE_INVITE_ACCEPTED} (the contract: "If the
 *       invite has already been accepted, it cannot be deleted").</li>
 * </ul>
 *
 * <p>Every response carries an {@code x-request-id}; 429 and 503 answers carry OpenAI's
 * {@code retry-after-ms} and {@code Retry-After} in whole seconds, rounded up: at least 1, as the
 * contract's {@code TooManyRequests} says, so a wait shorter than a second is exact only in
 * {@code retry-after-ms}, and "retry at once" ({@link #retryAfter(Duration) retryAfter(ZERO)}) is
 * {@code retry-after-ms: 0} without {@code Retry-After}. Under a {@link #rateLimit(int) rate limit}
 * every answer carries OpenAI's {@code x-ratelimit-*-requests} headers.
 *
 * <p>{@link #validatedAgainstSpec()} checks every exchange against the contract, from
 * the specs folder the build names, if it names one ({@link #specValidation()}, {@link VendorSpecs}).
 */
public final class OpenAiSimulator extends VendorSimulator {

    /** OpenAI's invite contract, found in the specs folder the build names (see {@link VendorSpecs}). */
    public static final String SPEC_FILE = "openai-invites.openapi.yaml";
    /** OpenAI's users contract, checked together with {@link #SPEC_FILE} ({@link #specValidation()}). */
    public static final String USERS_SPEC_FILE = "openai-users.openapi.yaml";

    /** The admin key the no-argument constructor expects. Not a real key. */
    public static final String DEFAULT_ADMIN_KEY = "sk-admin-roster-simulator-0000000000000000";
    /** The project an invite created without {@code projects} is granted. */
    public static final String DEFAULT_PROJECT_ID = "proj_default";
    /** The error code for inviting an email that has a pending invite. */
    public static final String CODE_INVITE_EXISTS = "invite_already_exists";
    /** The error code for inviting someone who is already a member of the organisation. */
    public static final String CODE_ALREADY_MEMBER = "user_already_member";
    /** The error code for deleting an invite that was accepted. */
    public static final String CODE_INVITE_ACCEPTED = "invite_already_accepted";

    private static final String INVITES = "/v1/organization/invites";
    private static final String USERS = "/v1/organization/users";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final Set<String> ROLES = Set.of("owner", "reader");
    private static final Set<String> PROJECT_ROLES = Set.of("member", "owner");
    private static final Set<String> REQUEST_FIELDS = Set.of("email", "role", "projects");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String adminKey;
    /** Guards the store; not {@code this}, whose monitor the base class holds while stopping the server. */
    private final Object lock = new Object();
    private final OpenAiInviteStore store;

    /** A simulator expecting {@link #DEFAULT_ADMIN_KEY}, on the system clock. */
    public OpenAiSimulator() {
        this(DEFAULT_ADMIN_KEY);
    }

    /**
     * A simulator expecting the given admin key, on the system clock.
     *
     * @param adminKey the only key it accepts
     */
    public OpenAiSimulator(String adminKey) {
        this(adminKey, Clock.systemUTC());
    }

    /**
     * A simulator expecting the given admin key, stamping times from the given clock.
     *
     * @param adminKey the only key it accepts
     * @param clock the clock for {@code created_at}, {@code accepted_at} and {@code expires_at}
     */
    public OpenAiSimulator(String adminKey, Clock clock) {
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException("The simulator needs a non-blank admin key to expect.");
        }
        this.adminKey = adminKey;
        this.store = new OpenAiInviteStore(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * The validation of OpenAI's invite and users contracts, {@value #SPEC_FILE} and
     * {@value #USERS_SPEC_FILE} checked as one, read from the specs folder the build names
     * ({@link VendorSpecs}; never copied into the project).
     *
     * @return the validation; one that checks nothing and counts what it is shown as unchecked when
     *     no specs folder is set ({@link OpenApiValidation#isChecking()})
     * @throws IllegalStateException if a specs folder is set but a file is not in it, naming both
     */
    public static OpenApiValidation specValidation() {
        return OpenApiValidation.vendorSpecs(List.of(SPEC_FILE, USERS_SPEC_FILE)).build();
    }

    /**
     * Checks every exchange against OpenAI's contract ({@link #specValidation()}): see
     * {@link VendorSimulator}.
     *
     * @return this simulator
     */
    public OpenAiSimulator validatedAgainstSpec() {
        return validatedAgainst(specValidation());
    }

    @Override
    public OpenAiSimulator validatedAgainst(OpenApiValidation validation) {
        super.validatedAgainst(validation);
        return this;
    }

    /**
     * Where OpenAI's API lives on this simulator: {@code rootUri() + "/v1"}.
     *
     * @return the base URI to configure a client with
     */
    public URI baseUri() {
        return URI.create(rootUri() + "/v1");
    }

    /**
     * A configuration for the {@code openai} provider pointing at this simulator, with its admin key.
     *
     * @return the configuration
     */
    @Override
    public ProviderConfig config() {
        return ProviderConfig.builder()
                .baseUri(baseUri())
                .credential(ProviderConfig.OPENAI_ADMIN_KEY, Secret.of(adminKey))
                .build();
    }

    /** {@inheritDoc} */
    @Override
    public String providerId() {
        return "openai";
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, String> environment() {
        return Map.of(ProviderConfig.OPENAI_ADMIN_KEY, adminKey);
    }

    /**
     * Makes an email a member of the organisation, as if they had joined before: inviting it then
     * answers with the already-a-member conflict.
     *
     * @param email the member's address
     * @return this simulator
     */
    public OpenAiSimulator addMember(String email) {
        join(email);
        return this;
    }

    /** Makes the address a user (role {@code reader}) without an invite, as {@link #addMember} does. */
    @Override
    public String join(String email) {
        Objects.requireNonNull(email, "email");
        synchronized (lock) {
            return store.addMember(email, "reader").id();
        }
    }

    @Override
    public void accept(String invitationId) {
        synchronized (lock) {
            store.accept(invitationId);
        }
    }

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
    }

    @Override
    protected SimulatedResponse handle(SimulatedRequest request) {
        Optional<SimulatedResponse> unauthenticated = authenticate(request);
        if (unauthenticated.isPresent()) {
            return unauthenticated.get();
        }
        String path = request.rawPath();
        String method = request.method();
        if (path.equals(INVITES)) {
            if (method.equals("GET")) {
                return list(request);
            }
            if (method.equals("POST")) {
                return create(request);
            }
        } else if (path.startsWith(INVITES + "/") && path.indexOf('/', INVITES.length() + 1) < 0
                && path.length() > INVITES.length() + 1) {
            String id = SimulatedRequest.decode(path.substring(INVITES.length() + 1));
            if (method.equals("GET")) {
                return retrieve(id);
            }
            if (method.equals("DELETE")) {
                return delete(id);
            }
        } else if (path.equals(USERS) && method.equals("GET")) {
            return listUsers(request);
        } else if (path.startsWith(USERS + "/") && path.indexOf('/', USERS.length() + 1) < 0 && path.length() > USERS.length() + 1) {
            String id = SimulatedRequest.decode(path.substring(USERS.length() + 1));
            if (method.equals("GET")) {
                return retrieveUser(id);
            }
            if (method.equals("DELETE")) {
                return deleteUser(id);
            }
        }
        return error(404, "Invalid URL (" + method + " " + path + ")");
    }

    @Override
    protected SimulatedResponse error(int status, String message) {
        return error(status, message, null, defaultCode(status));
    }

    @Override
    protected SimulatedResponse retryLater(int status, Duration wait) {
        return super.retryLater(status, wait).withHeader("retry-after-ms", Long.toString(wholeMillis(wait)));
    }

    /**
     * OpenAI's request rate-limit headers, as its rate-limit guide documents them on every answer:
     * {@code x-ratelimit-limit-requests}, {@code x-ratelimit-remaining-requests} and
     * {@code x-ratelimit-reset-requests}, the last a Go duration such as {@code 20ms} or {@code 1.5s}
     * (rounded up to the millisecond). The contract declares no headers on these answers, and extra
     * headers are allowed.
     */
    @Override
    protected SimulatedResponse rateLimitHeaders(SimulatedResponse response, long limit, long remaining, Duration resetIn) {
        long millis = wholeMillis(resetIn);
        String reset = millis < 1000 ? millis + "ms" : (millis / 1000) + (millis % 1000 == 0 ? "" : String.format(java.util.Locale.ROOT,
                ".%03d", millis % 1000).replaceAll("0+$", "")) + "s";
        return response.withHeader("x-ratelimit-limit-requests", Long.toString(limit))
                .withHeader("x-ratelimit-remaining-requests", Long.toString(remaining))
                .withHeader("x-ratelimit-reset-requests", reset);
    }

    // ---------------------------------------------------------------------------------------
    // Operations

    private Optional<SimulatedResponse> authenticate(SimulatedRequest request) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || !header.get().startsWith("Bearer ") || header.get().substring(7).isBlank()) {
            return Optional.of(error(401, "You didn't provide an API key. You need to provide your API key in an "
                    + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", null, null));
        }
        String key = header.get().substring(7).strip();
        if (!key.equals(adminKey)) {
            return Optional.of(error(401, "Incorrect API key provided: " + masked(key)
                    + ". You can find your API key at https://platform.openai.com/account/api-keys.", null, "invalid_api_key"));
        }
        return Optional.empty();
    }

    /** The {@code limit} parameter, or the 400 answer to a bad one (empty means: use the default). */
    private static Optional<SimulatedResponse> badLimit(Optional<String> rawLimit) {
        if (rawLimit.isEmpty()) {
            return Optional.empty();
        }
        int limit;
        try {
            limit = Integer.parseInt(rawLimit.get());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        return limit < 1 || limit > MAX_LIMIT ? Optional.of(error(400, "Invalid 'limit': expected an integer between 1 and "
                + MAX_LIMIT + ", but got '" + rawLimit.get() + "'.", "limit", "invalid_value")) : Optional.empty();
    }

    private SimulatedResponse list(SimulatedRequest request) {
        Optional<String> rawLimit = request.queryParameter("limit");
        Optional<SimulatedResponse> bad = badLimit(rawLimit);
        if (bad.isPresent()) {
            return bad.get();
        }
        int limit = rawLimit.map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        Optional<String> after = request.queryParameter("after");
        OpenAiInviteStore.Page<OpenAiInviteStore.Invite> page;
        synchronized (lock) {
            if (after.isPresent() && !store.issued(after.get())) {
                return error(400, "Invalid 'after': no invite with id '" + after.get() + "' in this organization.",
                        "after", "invalid_value");
            }
            page = store.list(limit, after);
        }
        return ok(listBody(page, OpenAiSimulator::toJson, OpenAiInviteStore.Invite::id));
    }

    private SimulatedResponse listUsers(SimulatedRequest request) {
        Optional<String> rawLimit = request.queryParameter("limit");
        Optional<SimulatedResponse> bad = badLimit(rawLimit);
        if (bad.isPresent()) {
            return bad.get();
        }
        int limit = rawLimit.map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        Optional<String> after = request.queryParameter("after");
        List<String> emails = request.query().getOrDefault("emails", List.of());
        OpenAiInviteStore.Page<OpenAiInviteStore.User> page;
        synchronized (lock) {
            if (after.isPresent() && !store.userIssued(after.get())) {
                return error(400, "Invalid 'after': no user with id '" + after.get() + "' in this organization.",
                        "after", "invalid_value");
            }
            page = store.users(limit, after, emails);
        }
        return ok(listBody(page, OpenAiSimulator::toJson, OpenAiInviteStore.User::id));
    }

    private static <T> ObjectNode listBody(OpenAiInviteStore.Page<T> page, java.util.function.Function<T, ObjectNode> json,
            java.util.function.Function<T, String> id) {
        ObjectNode body = JSON.createObjectNode().put("object", "list");
        ArrayNode data = body.putArray("data");
        List<T> items = page.items();
        items.forEach(item -> data.add(json.apply(item)));
        body.put("first_id", items.isEmpty() ? null : id.apply(items.get(0)));
        body.put("last_id", items.isEmpty() ? null : id.apply(items.get(items.size() - 1)));
        body.put("has_more", page.hasMore());
        return body;
    }

    private SimulatedResponse retrieveUser(String id) {
        synchronized (lock) {
            return store.user(id).map(user -> ok(toJson(user))).orElseGet(() -> userNotFound(id));
        }
    }

    private SimulatedResponse deleteUser(String id) {
        synchronized (lock) {
            if (store.user(id).isEmpty()) {
                return userNotFound(id);
            }
            store.deleteUser(id);
        }
        return ok(JSON.createObjectNode().put("object", "organization.user.deleted").put("id", id).put("deleted", true));
    }

    private SimulatedResponse userNotFound(String id) {
        return error(404, "No user found with id '" + id + "'.", null, null);
    }

    private SimulatedResponse create(SimulatedRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return error(400, "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.",
                    null, null);
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!REQUEST_FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            return error(400, "Unrecognized request argument supplied: " + String.join(", ", unknown), null, null);
        }
        JsonNode email = body.get("email");
        if (email == null || !email.isTextual() || !EMAIL.matcher(email.asText()).matches()) {
            return error(400, email == null ? "Missing required parameter: 'email'." : "Invalid 'email': expected an email address.",
                    "email", email == null ? "missing_required_parameter" : "invalid_value");
        }
        JsonNode role = body.get("role");
        if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
            return error(400, role == null ? "Missing required parameter: 'role'." : "Invalid 'role': expected 'owner' or 'reader'.",
                    "role", role == null ? "missing_required_parameter" : "invalid_value");
        }
        List<OpenAiInviteStore.Grant> grants;
        JsonNode projects = body.get("projects");
        if (projects == null) {
            grants = List.of(new OpenAiInviteStore.Grant(DEFAULT_PROJECT_ID, "member"));
        } else {
            Optional<List<OpenAiInviteStore.Grant>> parsed = grants(projects);
            if (parsed.isEmpty()) {
                return error(400, "Invalid 'projects': expected an array of objects with an 'id' and a 'role' of "
                        + "'member' or 'owner'.", "projects", "invalid_value");
            }
            grants = parsed.get();
        }
        OpenAiInviteStore.Invite created;
        synchronized (lock) {
            Optional<OpenAiInviteStore.Refusal> refusal = store.refusalFor(email.asText());
            boolean duplicateAccepted = acceptsDuplicateInvites()
                    && refusal.filter(OpenAiInviteStore.Refusal.PENDING_INVITE_EXISTS::equals).isPresent();
            if (refusal.isPresent() && !duplicateAccepted) {
                return refusal.get() == OpenAiInviteStore.Refusal.ALREADY_MEMBER
                        ? error(409, "This user is already a member of the organization.", "email", CODE_ALREADY_MEMBER)
                        : error(409, "An invite for this email address is already pending in this organization.", "email",
                                CODE_INVITE_EXISTS);
            }
            created = store.create(email.asText(), role.asText(), grants);
        }
        return ok(toJson(created));
    }

    private SimulatedResponse retrieve(String id) {
        synchronized (lock) {
            return store.find(id).map(invite -> ok(toJson(invite))).orElseGet(() -> notFound(id));
        }
    }

    private SimulatedResponse delete(String id) {
        synchronized (lock) {
            Optional<OpenAiInviteStore.Invite> invite = store.find(id);
            if (invite.isEmpty()) {
                return notFound(id);
            }
            if (invite.get().status().equals("accepted")) {
                return error(409, "Invite " + id + " has already been accepted and cannot be deleted. Remove the user "
                        + "from the organization instead.", null, CODE_INVITE_ACCEPTED);
            }
            store.delete(id);
        }
        return ok(JSON.createObjectNode().put("object", "organization.invite.deleted").put("id", id).put("deleted", true));
    }

    // ---------------------------------------------------------------------------------------
    // Wire format

    private static Optional<List<OpenAiInviteStore.Grant>> grants(JsonNode projects) {
        if (!projects.isArray()) {
            return Optional.empty();
        }
        List<OpenAiInviteStore.Grant> grants = new ArrayList<>();
        for (JsonNode project : projects) {
            JsonNode id = project.get("id");
            JsonNode role = project.get("role");
            if (!project.isObject() || project.size() != 2 || id == null || !id.isTextual() || id.asText().isBlank()
                    || role == null || !PROJECT_ROLES.contains(role.asText())) {
                return Optional.empty();
            }
            grants.add(new OpenAiInviteStore.Grant(id.asText(), role.asText()));
        }
        return Optional.of(grants);
    }

    private static ObjectNode toJson(OpenAiInviteStore.Invite invite) {
        ObjectNode json = JSON.createObjectNode()
                .put("object", "organization.invite")
                .put("id", invite.id())
                .put("email", invite.email())
                .put("role", invite.role())
                .put("status", invite.status())
                .put("created_at", invite.createdAt())
                .put("expires_at", invite.expiresAt())
                .put("accepted_at", invite.acceptedAt());
        ArrayNode projects = json.putArray("projects");
        invite.projects().forEach(p -> projects.addObject().put("id", p.id()).put("role", p.role()));
        return json;
    }

    private static ObjectNode toJson(OpenAiInviteStore.User user) {
        return JSON.createObjectNode()
                .put("object", "organization.user")
                .put("id", user.id())
                .put("name", user.email().substring(0, user.email().indexOf('@')))
                .put("email", user.email())
                .put("role", user.role())
                .put("added_at", user.addedAt())
                .put("is_service_account", false);
    }

    private SimulatedResponse notFound(String id) {
        return error(404, "No invite found with id '" + id + "'.", null, null);
    }

    private static SimulatedResponse ok(ObjectNode body) {
        return withRequestId(SimulatedResponse.json(200, body.toString()));
    }

    private static SimulatedResponse error(int status, String message, String param, String code) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error")
                .put("message", message)
                .put("type", status == 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error")
                .put("param", param)
                .put("code", code);
        return withRequestId(SimulatedResponse.json(status, body.toString()));
    }

    private static String defaultCode(int status) {
        switch (status) {
            case 404:
                return null;
            case 429:
                return "rate_limit_exceeded";
            default:
                return status >= 500 ? "server_error" : null;
        }
    }

    private static SimulatedResponse withRequestId(SimulatedResponse response) {
        return response.withHeader("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Shows a key the way OpenAI does: its first and last few characters only. */
    private static String masked(String key) {
        return key.length() <= 12 ? "*".repeat(key.length())
                : key.substring(0, 6) + "*".repeat(key.length() - 10) + key.substring(key.length() - 4);
    }
}
