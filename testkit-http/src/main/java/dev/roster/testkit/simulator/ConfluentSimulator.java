package dev.roster.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.ProviderConfig;
import dev.roster.Secret;
import dev.roster.testkit.openapi.OpenApiValidation;
import dev.roster.testkit.openapi.VendorSpecs;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stateful fake of Confluent Cloud's IAM v2 invitations and users APIs ({@code /iam/v2/invitations},
 * {@code /iam/v2/users}), as {@code confluent-iam-invitations.openapi.yaml} and
 * {@code confluent-iam-users.openapi.yaml} describe them, on WireMock at 127.0.0.1.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConfluentSimulator confluent = new ConfluentSimulator();
 *
 * InvitationProvider provider = InvitationProviders.load("confluent", confluent.config());
 * }</pre>
 *
 * <p>What it does, operation by operation:
 * <ul>
 *   <li>Every request needs HTTP Basic credentials equal to {@link #apiKey()}:{@link #apiSecret()};
 *       otherwise 401 with {@code WWW-Authenticate}. Every response carries {@code X-Request-Id}.</li>
 *   <li>{@code POST} creates an {@code INVITE_STATUS_SENT} invitation: 201 with {@code Location}.
 *       {@code auth_type} defaults to {@code AUTH_TYPE_LOCAL} ({@code AUTH_TYPE_SSO} after
 *       {@link #ssoOrganization(boolean) ssoOrganization(true)}). Emails compare case-insensitively.
 *       An address that is already a member (an accepted invitation, or {@link #addMember}) gets
 *       409 "User already exists in the organization". <b>An address with a pending invitation gets
 *       409 too</b>, code {@code resource_already_exists}, detail "An invitation for … is already
 *       pending", and {@code Location} naming the pending invitation (the spec's 409 declares that
 *       header); Confluent's published contract and docs do not say, so this is the simulator's
 *       choice, distinguishable from the member case. A missing or malformed email, or an unknown
 *       {@code auth_type}, is 422 with {@code source.pointer}.</li>
 *   <li>{@code GET} lists in creation order (oldest first: Confluent calls its list "sorted" without
 *       saying by what, so this is the simulator's choice and adapters must not depend on it), filtered by {@code email}, {@code status},
 *       {@code user} and {@code creator}, each an exact match as the spec says ("Filter the results
 *       by exact match for email"): {@code Ada@example.com} does not find {@code ada@example.com},
 *       although creating either conflicts with a pending invitation of the other;
 *       {@code page_size} defaults to 10, at most
 *       100 (more, or not a number, is 400 with {@code source.parameter}). {@code metadata.next} is
 *       a full URL whose {@code page_token} contains {@code +}, {@code /} and {@code =}, so it needs
 *       decoding; it is absent on the last page. {@code metadata.total_size} counts every match.
 *       A token from another filter, or a forged one, is 400.</li>
 *   <li>{@code GET /{id}} returns the invitation or 404.</li>
 *   <li>{@code DELETE /{id}} deactivates a sent, staged or expired invitation
 *       ({@code INVITE_STATUS_DEACTIVATED}, 204); <b>deleting a deactivated one is 204 again</b>
 *       (the simulator's choice: delete is idempotent, as the contract's revoke expects); an
 *       accepted one is 400 "already accepted"; an unknown id is 404.</li>
 *   <li><b>Users.</b> Inviting an address creates its user (the invitation's {@code user.id}), once
 *       per mailbox: {@code GET /iam/v2/users} ({@code page_size} as above, {@code page_token}, no
 *       filters, creation order) lists every user, invited, deactivated or member alike, as
 *       Confluent's users list has no status. A user is a member when one of its invitations was
 *       accepted ({@link #accept}) or it was {@link #addMember added directly}. {@code GET /{id}} reads
 *       one or 404; {@code DELETE /{id}} deletes it (204; unknown is 404), deactivating a pending
 *       invitation of it; the address may then be invited again, as a new user.</li>
 * </ul>
 *
 * <p>Timestamps have microseconds, as Confluent's do; {@code accepted_at} is omitted, not null,
 * until an invitation is accepted. Rate-limit and 503 answers add {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (relative seconds; under a
 * {@link #rateLimit(int) rate limit}, on every answer, saying what is left of it) to
 * {@code Retry-After} (whole seconds, rounded up, at least 1; "retry at once",
 * {@link #retryAfter(Duration) retryAfter(ZERO)}, is {@code X-RateLimit-Reset: 0} without
 * {@code Retry-After}); a 429 has no body, as the spec declares none. Thread-safe.
 *
 * <p>{@link #validatedAgainstSpec()} checks every exchange against the contract, from
 * the specs folder the build names, if it names one ({@link #specValidation()}, {@link VendorSpecs}).
 */
public final class ConfluentSimulator extends VendorSimulator {

    /** Confluent's IAM v2 contract, found in the specs folder the build names (see {@link VendorSpecs}). */
    public static final String SPEC_FILE = "confluent-iam-invitations.openapi.yaml";
    /** Confluent's users contract, checked together with {@link #SPEC_FILE} ({@link #specValidation()}). */
    public static final String USERS_SPEC_FILE = "confluent-iam-users.openapi.yaml";

    /** The API key the simulator accepts unless constructed with another. */
    public static final String DEFAULT_API_KEY = "SIMULATEDKEY0001";

    /** The API secret the simulator accepts unless constructed with another. */
    public static final String DEFAULT_API_SECRET = "simulated+Secret/0001=";

    /** How long after creation an invitation's {@code expires_at} lies. */
    public static final Duration VALIDITY = Duration.ofDays(30);

    /** The organization the simulated CRNs name. */
    static final String ORGANIZATION = "9bb441c4-edef-46ac-8a41-c49e44a3fd9a";

    private static final String COLLECTION = "/iam/v2/invitations";
    private static final Pattern ITEM = Pattern.compile("/iam/v2/invitations/([^/]+)");
    private static final String USERS = "/iam/v2/users";
    private static final Pattern USER = Pattern.compile("/iam/v2/users/([^/]+)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> AUTH_TYPES = Set.of("AUTH_TYPE_LOCAL", "AUTH_TYPE_SSO");
    private static final String SENT = "INVITE_STATUS_SENT";
    private static final String STAGED = "INVITE_STATUS_STAGED";
    private static final String ACCEPTED = "INVITE_STATUS_ACCEPTED";
    private static final String EXPIRED = "INVITE_STATUS_EXPIRED";
    private static final String DEACTIVATED = "INVITE_STATUS_DEACTIVATED";
    private static final String TOKEN_PREFIX = "v1+/";
    private static final String TOKEN_SUFFIX = "==";
    private static final int DEFAULT_PAGE_SIZE = 10;
    private static final int MAX_PAGE_SIZE = 100;
    private static final int RATE_LIMIT = 300;
    private static final String CREATOR_ID = "sa-r0st3r";

    private final ObjectMapper json = new ObjectMapper();
    private final String apiKey;
    private final String apiSecret;
    private final String expectedAuthorization;
    /** Guards the state below; not {@code this}, whose monitor the base class holds while the server stops. */
    private final Object lock = new Object();
    /** Every invitation, in creation order. Guarded by {@link #lock}. */
    private final Map<String, Stored> invitations = new LinkedHashMap<>();
    /** Ids of users who joined without an invitation we hold. Guarded by {@link #lock}. */
    private final Set<String> directMembers = new java.util.HashSet<>();
    /** The users: one per mailbox, created when it is first invited. Guarded by {@link #lock}. */
    private final ConfluentUsers users = new ConfluentUsers();
    private long sequence;
    private boolean ssoOrganization;

    /** One invitation as the vendor holds it. */
    private static final class Stored {
        final String id;
        final String email;
        final String authType;
        final String userId;
        final Instant createdAt;
        final Instant expiresAt;
        String status = SENT;
        Instant updatedAt;
        Instant acceptedAt;

        Stored(String id, String email, String authType, String userId, Instant createdAt) {
            this.id = id;
            this.email = email;
            this.authType = authType;
            this.userId = userId;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.expiresAt = createdAt.plus(VALIDITY);
        }

        boolean pending() {
            return status.equals(SENT) || status.equals(STAGED);
        }
    }

    /** A simulator accepting {@link #DEFAULT_API_KEY} and {@link #DEFAULT_API_SECRET}. */
    public ConfluentSimulator() {
        this(DEFAULT_API_KEY, DEFAULT_API_SECRET);
    }

    /**
     * A simulator accepting the given Cloud API key.
     *
     * @param apiKey the key id (the Basic user name)
     * @param apiSecret the key secret (the Basic password)
     */
    public ConfluentSimulator(String apiKey, String apiSecret) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret");
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The validation of Confluent's IAM v2 contract, {@value #SPEC_FILE}, read from the specs folder
     * the build names ({@link VendorSpecs}; never copied into the project). Confluent documents its
     * error body per operation as
     * {@code Failure}; statuses an operation does not list (a gateway's 503, say) are checked
     * against it too.
     *
     * @return the validation; one that checks nothing and counts what it is shown as unchecked when
     *     no specs folder is set ({@link OpenApiValidation#isChecking()})
     * @throws IllegalStateException if a specs folder is set but the file is not in it, naming both
     */
    public static OpenApiValidation specValidation() {
        return OpenApiValidation.vendorSpecs(List.of(SPEC_FILE, USERS_SPEC_FILE)).errorSchema("Failure").build();
    }

    /**
     * Checks every exchange against Confluent's contract ({@link #specValidation()}): see
     * {@link VendorSimulator}.
     *
     * @return this simulator
     */
    public ConfluentSimulator validatedAgainstSpec() {
        return validatedAgainst(specValidation());
    }

    @Override
    public ConfluentSimulator validatedAgainst(OpenApiValidation validation) {
        super.validatedAgainst(validation);
        return this;
    }

    /**
     * A configuration for this simulator: its root URI and its key and secret.
     *
     * @return the configuration, for {@code InvitationProviders.load("confluent", config())}
     */
    @Override
    public ProviderConfig config() {
        return ProviderConfig.builder()
                .baseUri(rootUri())
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_KEY, Secret.of(apiKey))
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, Secret.of(apiSecret))
                .build();
    }

    /**
     * The Cloud API key id this simulator accepts.
     *
     * @return the key id
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The Cloud API key secret this simulator accepts.
     *
     * @return the secret
     */
    public String apiSecret() {
        return apiSecret;
    }

    /** {@inheritDoc} */
    @Override
    public String providerId() {
        return "confluent";
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put(ProviderConfig.CONFLUENT_CLOUD_API_KEY, apiKey);
        env.put(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, apiSecret);
        return env;
    }

    // ---------------------------------------------------------------------------------------
    // Acting as the organization's people

    @Override
    public void accept(String invitationId) {
        synchronized (lock) {
            Stored stored = require(invitationId);
            stored.status = ACCEPTED;
            stored.acceptedAt = now();
            stored.updatedAt = stored.acceptedAt;
        }
    }

    @Override
    public void expire(String invitationId) {
        synchronized (lock) {
            Stored stored = require(invitationId);
            stored.status = EXPIRED;
            stored.updatedAt = now();
        }
    }

    /**
     * Sets an invitation's raw status, such as {@code INVITE_STATUS_STAGED} or a value Confluent
     * may add in future, to test how adapters map it.
     *
     * @param invitationId the invitation's id
     * @param rawStatus the status to report
     * @throws IllegalArgumentException if there is no such invitation
     */
    public void forceStatus(String invitationId, String rawStatus) {
        synchronized (lock) {
            Stored stored = require(invitationId);
            stored.status = Objects.requireNonNull(rawStatus, "rawStatus");
            stored.updatedAt = now();
        }
    }

    /**
     * Makes an address a member of the organization without an invitation, as if it had joined
     * long ago: inviting it is then a 409.
     *
     * @param email the member's address
     * @return this simulator
     */
    public ConfluentSimulator addMember(String email) {
        synchronized (lock) {
            directMembers.add(users.forEmail(email, ssoOrganization ? "AUTH_TYPE_SSO" : "AUTH_TYPE_LOCAL", now()).id());
            return this;
        }
    }

    /** Whether a user is a member: it joined directly, or one of its invitations was accepted. */
    private boolean isMember(String userId) {
        return directMembers.contains(userId)
                || invitations.values().stream().anyMatch(s -> s.userId.equals(userId) && s.status.equals(ACCEPTED));
    }

    /**
     * Makes the organization use single sign-on, so invitations default to {@code AUTH_TYPE_SSO}.
     *
     * @param enabled true for an SSO organization
     * @return this simulator
     */
    public ConfluentSimulator ssoOrganization(boolean enabled) {
        synchronized (lock) {
            this.ssoOrganization = enabled;
            return this;
        }
    }

    /**
     * How many invitations the simulator holds, whatever their status.
     *
     * @return the count
     */
    public int invitationCount() {
        synchronized (lock) {
            return invitations.size();
        }
    }

    @Override
    public Map<String, Integer> invitationsCreatedByEmail() {
        synchronized (lock) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            invitations.values().forEach(stored -> counts.merge(stored.email.toLowerCase(Locale.ROOT), 1, Integer::sum));
            return counts;
        }
    }

    @Override
    protected void clearState() {
        synchronized (lock) {
            invitations.clear();
            directMembers.clear();
            users.clear();
            ssoOrganization = false;
        }
    }

    // ---------------------------------------------------------------------------------------
    // HTTP

    @Override
    protected SimulatedResponse handle(SimulatedRequest request) {
        if (!request.header("Authorization").map(expectedAuthorization::equals).orElse(false)) {
            return error(401, "user_unauthenticated", "Authentication Required",
                    "Valid authentication credentials must be provided")
                    .withHeader("WWW-Authenticate", "Basic error=\"invalid_key\", error_description=\"The API Key is invalid\"");
        }
        String path = request.rawPath();
        if (path.equals(COLLECTION)) {
            switch (request.method()) {
                case "GET":
                    return ok(list(request));
                case "POST":
                    return ok(create(request));
                default:
                    return methodNotAllowed(request);
            }
        }
        if (path.equals(USERS)) {
            return request.method().equals("GET") ? ok(listUsers(request)) : methodNotAllowed(request);
        }
        Matcher user = USER.matcher(path);
        if (user.matches()) {
            String id = SimulatedRequest.decode(user.group(1));
            switch (request.method()) {
                case "GET":
                    return ok(getUser(id));
                case "DELETE":
                    return ok(deleteUser(id));
                default:
                    return methodNotAllowed(request);
            }
        }
        Matcher item = ITEM.matcher(path);
        if (item.matches()) {
            String id = SimulatedRequest.decode(item.group(1));
            switch (request.method()) {
                case "GET":
                    return ok(get(id));
                case "DELETE":
                    return ok(delete(id));
                default:
                    return methodNotAllowed(request);
            }
        }
        return error(404, null, "Not Found", "No route for " + request.method() + " " + path);
    }

    @Override
    protected SimulatedResponse error(int status, String message) {
        switch (status) {
            case 429:
                return error(status, "too_many_requests", "Too Many Requests", message);
            case 503:
                return error(status, "service_unavailable", "Service Unavailable", message);
            default:
                return error(status, status >= 500 ? "internal_error" : "error", status >= 500 ? "Internal Server Error" : "Error",
                        message);
        }
    }

    @Override
    protected SimulatedResponse retryLater(int status, Duration wait) {
        long seconds = wholeSeconds(wait);
        // The spec's 429 has headers only, no body; a 503 (not in the spec) gets the error body.
        SimulatedResponse response = status == 429
                ? retryAfterHeader(wait).map(s -> SimulatedResponse.empty(429).withHeader("Retry-After", s))
                        .orElseGet(() -> SimulatedResponse.empty(429)).withHeader("X-Request-Id", requestId())
                : super.retryLater(status, wait);
        return response
                .withHeader("X-RateLimit-Limit", Integer.toString(RATE_LIMIT))
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(seconds));
    }

    /**
     * Confluent's {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}
     * (relative seconds, rounded up, as its contract declares them) saying where the client stands
     * with the configured limit, on every answer; they replace the fixed values an unlimited
     * simulator sends.
     */
    @Override
    protected SimulatedResponse rateLimitHeaders(SimulatedResponse response, long limit, long remaining, Duration resetIn) {
        return response.withHeader("X-RateLimit-Limit", Long.toString(limit))
                .withHeader("X-RateLimit-Remaining", Long.toString(remaining))
                .withHeader("X-RateLimit-Reset", Long.toString(wholeSeconds(resetIn)));
    }

    private SimulatedResponse error(int status, String code, String title, String detail) {
        ObjectNode error = json.createObjectNode();
        error.put("id", UUID.randomUUID().toString());
        error.put("status", Integer.toString(status));
        if (code != null) {
            error.put("code", code);
        }
        error.put("title", title);
        if (detail != null) {
            error.put("detail", detail);
        }
        return failure(status, error);
    }

    private SimulatedResponse failure(int status, ObjectNode error) {
        ObjectNode body = json.createObjectNode();
        body.putArray("errors").add(error);
        return SimulatedResponse.json(status, body.toString()).withHeader("X-Request-Id", requestId());
    }

    private SimulatedResponse invalidParameter(String parameter, String detail) {
        ObjectNode error = errorNode(400, "invalid_parameter", "Invalid Parameter", detail);
        error.putObject("source").put("parameter", parameter);
        return failure(400, error);
    }

    private SimulatedResponse invalidProperty(String pointer, String detail) {
        ObjectNode error = errorNode(422, "invalid_configuration", "Validation Failed", detail);
        error.putObject("source").put("pointer", pointer);
        return failure(422, error);
    }

    private ObjectNode errorNode(int status, String code, String title, String detail) {
        ObjectNode error = json.createObjectNode();
        error.put("id", UUID.randomUUID().toString());
        error.put("status", Integer.toString(status));
        error.put("code", code);
        error.put("title", title);
        error.put("detail", detail);
        return error;
    }

    private SimulatedResponse methodNotAllowed(SimulatedRequest request) {
        return error(405, "method_not_allowed", "Method Not Allowed", request.method() + " is not supported on " + request.rawPath());
    }

    /** Adds the headers every successful Confluent response has. */
    private SimulatedResponse ok(SimulatedResponse response) {
        if (response.status() >= 300) {
            return response;
        }
        return response.withHeader("X-Request-Id", requestId())
                .withHeader("X-RateLimit-Limit", Integer.toString(RATE_LIMIT))
                .withHeader("X-RateLimit-Remaining", Integer.toString(RATE_LIMIT - 1))
                .withHeader("X-RateLimit-Reset", "60");
    }

    // ---------------------------------------------------------------------------------------
    // Operations

    private SimulatedResponse create(SimulatedRequest request) {
        synchronized (lock) {
            JsonNode body;
            try {
                body = json.readTree(request.body());
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                return error(400, "invalid_body", "Bad Request", "The request body must be a JSON object");
            }
            JsonNode emailNode = body.get("email");
            if (emailNode == null || !emailNode.isTextual() || !EMAIL.matcher(emailNode.asText()).matches()) {
                return invalidProperty("/email", "The property '/email' must be a valid email address");
            }
            JsonNode authNode = body.get("auth_type");
            if (authNode != null && !authNode.isNull() && !(authNode.isTextual() && AUTH_TYPES.contains(authNode.asText()))) {
                return invalidProperty("/auth_type", "The property '/auth_type' must be one of " + AUTH_TYPES.stream().sorted()
                        .collect(Collectors.joining(", ")));
            }
            String email = emailNode.asText();
            String key = email.toLowerCase(Locale.ROOT);
            boolean member = users.byEmail(email).map(user -> isMember(user.id())).orElse(false);
            Stored pending = null;
            for (Stored stored : invitations.values()) {
                if (stored.email.toLowerCase(Locale.ROOT).equals(key)) {
                    pending = stored.pending() ? stored : pending;
                }
            }
            if (member) {
                return error(409, "resource_already_exists", "User Already Exists", "User already exists in the organization");
            }
            if (pending != null && !acceptsDuplicateInvites()) {
                return error(409, "resource_already_exists", "Invitation Already Exists",
                        "An invitation for " + email + " is already pending (" + pending.id + "); delete it to send a new one")
                        .withHeader("Location", self(pending.id));
            }
            String authType = authNode == null || authNode.isNull()
                    ? (ssoOrganization ? "AUTH_TYPE_SSO" : "AUTH_TYPE_LOCAL") : authNode.asText();
            String userId = users.forEmail(email, authType, now()).id();
            Stored created = new Stored(String.format("i-%05d", ++sequence), email, authType, userId, now());
            invitations.put(created.id, created);
            return SimulatedResponse.json(201, render(created, false).toString()).withHeader("Location", self(created.id));
        }
    }

    private SimulatedResponse get(String id) {
        synchronized (lock) {
            Stored stored = invitations.get(id);
            if (stored == null) {
                return notFound();
            }
            return SimulatedResponse.json(200, render(stored, true).toString());
        }
    }

    private SimulatedResponse delete(String id) {
        synchronized (lock) {
            Stored stored = invitations.get(id);
            if (stored == null) {
                return notFound();
            }
            if (stored.status.equals(ACCEPTED)) {
                return error(400, "invalid_operation", "Bad Request",
                        "Invitation " + id + " has already been accepted and cannot be deleted");
            }
            if (!stored.status.equals(DEACTIVATED)) {
                stored.status = DEACTIVATED;
                stored.updatedAt = now();
            }
            return SimulatedResponse.empty(204);
        }
    }

    private SimulatedResponse getUser(String id) {
        synchronized (lock) {
            Optional<ConfluentUsers.User> user = users.find(id);
            return user.isEmpty() ? notFound() : SimulatedResponse.json(200, ConfluentUsers.render(json, user.get(),
                    rootUri().toString(), ORGANIZATION).toString());
        }
    }

    /**
     * Deletes a user: its membership ends, and a pending invitation of it is deactivated (the user it
     * would have joined as is gone). Its invitations stay readable, naming the deleted user.
     */
    private SimulatedResponse deleteUser(String id) {
        synchronized (lock) {
            if (!users.delete(id)) {
                return notFound();
            }
            directMembers.remove(id);
            invitations.values().stream().filter(s -> s.userId.equals(id) && s.pending()).forEach(s -> {
                s.status = DEACTIVATED;
                s.updatedAt = now();
            });
            return SimulatedResponse.empty(204);
        }
    }

    private SimulatedResponse listUsers(SimulatedRequest request) {
        synchronized (lock) {
            Optional<String> sizeParameter = request.queryParameter("page_size");
            Optional<SimulatedResponse> bad = badPageSize(sizeParameter);
            if (bad.isPresent()) {
                return bad.get();
            }
            int pageSize = sizeParameter.map(Integer::parseInt).orElse(DEFAULT_PAGE_SIZE);
            List<ConfluentUsers.User> all = users.all();
            int start = 0;
            Optional<String> token = request.queryParameter("page_token");
            if (token.isPresent()) {
                Optional<ConfluentUsers.User> after = readToken(token.get(), Map.of()).flatMap(users::find);
                if (after.isEmpty()) {
                    return invalidParameter("page_token", "The page token is invalid or its user was deleted");
                }
                start = all.indexOf(after.get()) + 1;
            }
            int end = Math.min(all.size(), start + pageSize);
            List<ConfluentUsers.User> page = all.subList(Math.min(start, end), end);
            ObjectNode body = json.createObjectNode();
            body.put("api_version", "iam/v2");
            body.put("kind", "UserList");
            ObjectNode metadata = body.putObject("metadata");
            metadata.put("first", rootUri() + USERS + "?page_size=" + pageSize);
            if (end < all.size()) {
                metadata.put("next", rootUri() + USERS + "?page_size=" + pageSize + "&page_token="
                        + encode(writeToken(page.get(page.size() - 1).id(), Map.of())));
            }
            metadata.put("total_size", all.size());
            com.fasterxml.jackson.databind.node.ArrayNode data = body.putArray("data");
            page.forEach(user -> data.add(ConfluentUsers.render(json, user, rootUri().toString(), ORGANIZATION)));
            return SimulatedResponse.json(200, body.toString());
        }
    }

    /** The 400 answer to a {@code page_size} that is not 1 to 100; empty when it is fine or absent. */
    private Optional<SimulatedResponse> badPageSize(Optional<String> sizeParameter) {
        if (sizeParameter.isEmpty()) {
            return Optional.empty();
        }
        int pageSize;
        try {
            pageSize = Integer.parseInt(sizeParameter.get());
        } catch (NumberFormatException e) {
            return Optional.of(invalidParameter("page_size", "page_size must be an integer"));
        }
        return pageSize < 1 || pageSize > MAX_PAGE_SIZE
                ? Optional.of(invalidParameter("page_size", "page_size must be between 1 and " + MAX_PAGE_SIZE))
                : Optional.empty();
    }

    private SimulatedResponse notFound() {
        return error(404, null, "Not Found", null);
    }

    private SimulatedResponse list(SimulatedRequest request) {
        synchronized (lock) {
            Optional<String> sizeParameter = request.queryParameter("page_size");
            Optional<SimulatedResponse> bad = badPageSize(sizeParameter);
            if (bad.isPresent()) {
                return bad.get();
            }
            int pageSize = sizeParameter.map(Integer::parseInt).orElse(DEFAULT_PAGE_SIZE);
            Map<String, String> filters = new LinkedHashMap<>();
            for (String name : List.of("email", "status", "user", "creator")) {
                request.queryParameter(name).filter(v -> !v.isEmpty()).ifPresent(v -> filters.put(name, v));
            }
            List<Stored> matching = invitations.values().stream().filter(s -> matches(s, filters)).collect(Collectors.toList());
            int start = 0;
            Optional<String> token = request.queryParameter("page_token");
            if (token.isPresent()) {
                Optional<String> after = readToken(token.get(), filters);
                if (after.isEmpty() || !invitations.containsKey(after.get())) {
                    return invalidParameter("page_token", "The page token is invalid or was issued for other filters");
                }
                // The matches up to and including the token's invitation, in one pass: they come before this page.
                for (Stored stored : invitations.values()) {
                    if (matches(stored, filters)) {
                        start++;
                    }
                    if (stored.id.equals(after.get())) {
                        break;
                    }
                }
            }
            int end = Math.min(matching.size(), start + pageSize);
            List<Stored> page = matching.subList(Math.min(start, end), end);

            ObjectNode body = json.createObjectNode();
            body.put("api_version", "iam/v2");
            body.put("kind", "InvitationList");
            ObjectNode metadata = body.putObject("metadata");
            metadata.put("first", listUrl(filters, pageSize, null));
            if (end < matching.size()) {
                metadata.put("next", listUrl(filters, pageSize, writeToken(page.get(page.size() - 1).id, filters)));
            }
            metadata.put("total_size", matching.size());
            page.forEach(stored -> body.withArray("data").add(render(stored, true)));
            if (page.isEmpty()) {
                body.putArray("data");
            }
            return SimulatedResponse.json(200, body.toString());
        }
    }

    private static boolean matches(Stored stored, Map<String, String> filters) {
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String value = filter.getValue();
            boolean ok;
            switch (filter.getKey()) {
                case "email":
                    ok = stored.email.equals(value);
                    break;
                case "status":
                    ok = stored.status.equals(value);
                    break;
                case "user":
                    ok = stored.userId.equals(value);
                    break;
                case "creator":
                    ok = CREATOR_ID.equals(value);
                    break;
                default:
                    ok = true;
                    break;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------
    // Rendering

    private ObjectNode render(Stored stored, boolean withKind) {
        ObjectNode node = json.createObjectNode();
        if (withKind) {
            node.put("api_version", "iam/v2");
            node.put("kind", "Invitation");
        }
        node.put("id", stored.id);
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("self", self(stored.id));
        metadata.put("resource_name", "crn://confluent.cloud/organization=" + ORGANIZATION + "/invitation=" + stored.id);
        metadata.put("created_at", timestamp(stored.createdAt));
        metadata.put("updated_at", timestamp(stored.updatedAt));
        node.put("email", stored.email);
        node.put("auth_type", stored.authType);
        node.put("status", stored.status);
        if (stored.acceptedAt != null) {
            node.put("accepted_at", timestamp(stored.acceptedAt));
        }
        node.put("expires_at", timestamp(stored.expiresAt));
        node.set("user", reference("users", stored.userId, "user=" + stored.userId));
        node.set("creator", reference("service-accounts", CREATOR_ID, "service-account=" + CREATOR_ID));
        return node;
    }

    private ObjectNode reference(String collection, String id, String crnSuffix) {
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        node.put("related", rootUri() + "/iam/v2/" + collection + "/" + id);
        node.put("resource_name", "crn://confluent.cloud/organization=" + ORGANIZATION + "/" + crnSuffix);
        return node;
    }

    private String self(String id) {
        return rootUri() + COLLECTION + "/" + id;
    }

    private String listUrl(Map<String, String> filters, int pageSize, String pageToken) {
        StringBuilder url = new StringBuilder(rootUri().toString()).append(COLLECTION).append("?page_size=").append(pageSize);
        filters.forEach((name, value) -> url.append('&').append(name).append('=').append(encode(value)));
        if (pageToken != null) {
            url.append("&page_token=").append(encode(pageToken));
        }
        return URI.create(url.toString()).toString();
    }

    /**
     * A page token: opaque to clients, and built so that it needs URL-encoding ({@code +}, {@code /},
     * {@code =}), as real tokens may. It names the last invitation served and the filters in force.
     */
    private static String writeToken(String afterId, Map<String, String> filters) {
        String payload = afterId + "\n" + fingerprint(filters);
        return TOKEN_PREFIX + Base64.getEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + TOKEN_SUFFIX;
    }

    private static Optional<String> readToken(String token, Map<String, String> filters) {
        if (!token.startsWith(TOKEN_PREFIX) || !token.endsWith(TOKEN_SUFFIX)
                || token.length() < TOKEN_PREFIX.length() + TOKEN_SUFFIX.length()) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getDecoder().decode(
                    token.substring(TOKEN_PREFIX.length(), token.length() - TOKEN_SUFFIX.length())), StandardCharsets.UTF_8);
            int newline = payload.indexOf('\n');
            if (newline < 0 || !payload.substring(newline + 1).equals(fingerprint(filters))) {
                return Optional.empty();
            }
            return Optional.of(payload.substring(0, newline));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static String fingerprint(Map<String, String> filters) {
        return filters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining("&"));
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, as Go's url package does for these values. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String timestamp(Instant instant) {
        return instant.toString();
    }

    private static Instant now() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Instant.toString drops a zero fraction; keep the microsecond form Confluent sends.
        return now.getNano() == 0 ? now.plusNanos(1000) : now;
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }

    private Stored require(String invitationId) {
        Stored stored = invitations.get(invitationId);
        if (stored == null) {
            throw new IllegalArgumentException("No invitation with id " + invitationId + " in " + this);
        }
        return stored;
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "ConfluentSimulator[" + invitations.size() + " invitations]";
        }
    }
}
