package dev.roster.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loopback server every benchmark talks to: the JDK's {@code HttpServer} on 127.0.0.1 only, a fixed
 * pool of threads, answers rendered once per tenant and kept as {@code byte[]}. It speaks enough of
 * OpenAI's {@code /v1/organization/invites} and Confluent's {@code /iam/v2/invitations} for find, list
 * (Confluent's exact-match {@code email} filter included), create (409 for an address with a pending
 * invitation; Confluent's names it in {@code Location}) and a rate limit (429 with {@code Retry-After}
 * and OpenAI's {@code retry-after-ms}, and where the limiter says so OpenAI's
 * {@code x-ratelimit-*-requests} headers on every answer); {@code GET /__stats[/tenant]} reports what it
 * received, and the CPU time it spent, so its own cost can be reported beside the clients'.
 *
 * <p>Run it as a process of its own ({@link #main}), so that its allocations and threads do not count
 * against the client being measured.
 */
public final class LoopbackServer implements AutoCloseable {

    /** The OpenAI admin key the server accepts: a fake, never a real credential. */
    static final String ADMIN_KEY = "sk-admin-benchmark-not-a-secret";
    /** The Confluent Cloud API key id the server accepts. */
    static final String CONFLUENT_KEY = "BENCHKEY0000";
    /** The Confluent Cloud API secret the server accepts. */
    static final String CONFLUENT_SECRET = "bench-secret-not-a-secret";

    private static final byte[] OPENAI_NOT_FOUND = json("{\"error\":{\"message\":\"No such invite\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"not_found\"}}");
    private static final byte[] OPENAI_EXISTS = json("{\"error\":{\"message\":\"An invite for this email already exists\",\"type\":\"invalid_request_error\",\"param\":\"email\",\"code\":\"invite_already_exists\"}}");
    private static final byte[] OPENAI_THROTTLED = json("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
    private static final byte[] OPENAI_UNAUTHORIZED = json("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
    private static final byte[] CONFLUENT_NOT_FOUND = json("{\"errors\":[{\"id\":\"bench\",\"status\":\"404\",\"code\":\"not_found\",\"title\":\"Not Found\",\"detail\":\"Invitation not found\"}]}");
    private static final byte[] CONFLUENT_UNAUTHORIZED = json("{\"errors\":[{\"id\":\"bench\",\"status\":\"401\",\"code\":\"user_unauthenticated\",\"title\":\"Authentication Required\",\"detail\":\"The API key is invalid\"}]}");
    private static final byte[] BAD_REQUEST = json("{\"error\":{\"message\":\"Bad request\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");

    private static final String OPENAI_AUTH = "Bearer " + ADMIN_KEY;
    private static final String CONFLUENT_AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (CONFLUENT_KEY + ":" + CONFLUENT_SECRET).getBytes(StandardCharsets.UTF_8));
    private static final String OPENAI_INVITES = "/v1/organization/invites";
    private static final String CONFLUENT_INVITATIONS = "/iam/v2/invitations";

    private final HttpServer server;
    private final ExecutorService pool;
    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();

    /**
     * Binds a free port of 127.0.0.1 and starts serving.
     *
     * @param threadCount the size of the server's fixed thread pool
     * @throws IOException if the port cannot be bound
     */
    public LoopbackServer(int threadCount) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 512);
        pool = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * The server's root, {@code http://127.0.0.1:<port>}.
     *
     * @return the root URI, without a trailing slash
     */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    /**
     * Runs the server until its standard input ends (the parent process closed it, or died), after
     * printing {@code listening http://127.0.0.1:<port>} on one line.
     *
     * @param args optionally the thread count (default 8)
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int threadCount = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        try (LoopbackServer server = new LoopbackServer(threadCount)) {
            System.out.println("listening " + server.root());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // Nothing to read: waiting for the parent to close the pipe.
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long cpuStart = threads.getCurrentThreadCpuTime();
        try {
            route(exchange);
        } catch (RuntimeException e) {
            send(exchange, 500, json("{\"error\":{\"message\":\"" + e.getClass().getSimpleName()
                    + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"));
        } finally {
            exchange.close();
            requests.incrementAndGet();
            cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith("/__stats")) {
            String tenantName = path.length() > "/__stats/".length() ? path.substring("/__stats/".length()) : "";
            Tenant tenant = tenantName.isEmpty() ? null : tenants.get(tenantName);
            send(exchange, 200, json(tenant == null
                    ? "{\"requests\":" + requests + ",\"cpuNanos\":" + cpuNanos + "}" : tenant.statsJson()));
            return;
        }
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            send(exchange, 404, OPENAI_NOT_FOUND);
            return;
        }
        Tenant tenant = tenants.computeIfAbsent(path.substring(1, slash), Tenant::parse);
        String rest = path.substring(slash);
        tenant.requests.incrementAndGet();
        boolean openAi = rest.startsWith(OPENAI_INVITES);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!(openAi ? OPENAI_AUTH : CONFLUENT_AUTH).equals(auth)) {
            send(exchange, 401, openAi ? OPENAI_UNAUTHORIZED : CONFLUENT_UNAUTHORIZED);
            return;
        }
        if (tenant.limiter != null) {
            RateLimiter.Verdict verdict = tenant.limiter.tryAcquire();
            long waitNanos = verdict.waitNanos();
            if (tenant.limiter.sendsHeaders()) {
                // As OpenAI does, on every answer: the bucket's size, what is left, and when it is full again.
                exchange.getResponseHeaders().set("x-ratelimit-limit-requests", Long.toString(verdict.limit()));
                exchange.getResponseHeaders().set("x-ratelimit-remaining-requests", Long.toString(verdict.remaining()));
                exchange.getResponseHeaders().set("x-ratelimit-reset-requests", RateLimiter.goDuration(verdict.resetNanos()));
            }
            if (waitNanos > 0) {
                tenant.throttled.incrementAndGet();
                // As OpenAI does: retry-after-ms says the wait exactly (rounded up to a millisecond),
                // Retry-After in whole seconds, rounded up, so never below 1.
                long seconds = (waitNanos + 999_999_999L) / 1_000_000_000L;
                exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
                exchange.getResponseHeaders().set("retry-after-ms", Long.toString((waitNanos + 999_999L) / 1_000_000L));
                send(exchange, 429, OPENAI_THROTTLED);
                return;
            }
        }
        String method = exchange.getRequestMethod();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (openAi) {
            openAi(exchange, tenant, method, rest.substring(OPENAI_INVITES.length()), query);
        } else if (rest.startsWith(CONFLUENT_INVITATIONS)) {
            confluent(exchange, tenant, method, rest.substring(CONFLUENT_INVITATIONS.length()), query, path.substring(0, slash));
        } else {
            send(exchange, 404, OPENAI_NOT_FOUND);
        }
    }

    private void openAi(HttpExchange exchange, Tenant tenant, String method, String rest, Map<String, String> query)
            throws IOException {
        if (rest.isEmpty() && method.equals("GET")) {
            tenant.lists.incrementAndGet();
            int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
            if (limit < 1 || limit > 100) {
                send(exchange, 400, BAD_REQUEST);
                return;
            }
            send(exchange, 200, tenant.openAiList(limit, query.get("after")));
        } else if (rest.isEmpty() && method.equals("POST") && tenant.mutable) {
            JsonNode body = mapper.readTree(exchange.getRequestBody());
            JsonNode email = body == null ? null : body.get("email");
            if (email == null || !email.isTextual()) {
                send(exchange, 400, BAD_REQUEST);
                return;
            }
            byte[] created = tenant.create(email.asText());
            send(exchange, created == null ? 409 : 200, created == null ? OPENAI_EXISTS : created);
        } else if (rest.startsWith("/") && method.equals("GET")) {
            tenant.finds.incrementAndGet();
            byte[] found = tenant.openAiFind(rest.substring(1));
            send(exchange, found == null ? 404 : 200, found == null ? OPENAI_NOT_FOUND : found);
        } else {
            send(exchange, 405, BAD_REQUEST);
        }
    }

    private void confluent(HttpExchange exchange, Tenant tenant, String method, String rest, Map<String, String> query,
            String tenantPath) throws IOException {
        String root = root() + tenantPath;
        if (rest.isEmpty() && method.equals("GET")) {
            tenant.lists.incrementAndGet();
            int size = Integer.parseInt(query.getOrDefault("page_size", "10"));
            String token = query.get("page_token");
            int from = token == null ? 0 : Integer.parseInt(token.substring("tok".length()));
            if (size < 1 || size > 100) {
                send(exchange, 400, CONFLUENT_NOT_FOUND);
                return;
            }
            String email = query.get("email");
            send(exchange, 200, email != null ? tenant.confluentListByEmail(email, size, root) : tenant.confluentList(size, from, root));
        } else if (rest.isEmpty() && method.equals("POST") && tenant.mutable) {
            JsonNode body = mapper.readTree(exchange.getRequestBody());
            JsonNode email = body == null ? null : body.get("email");
            if (email == null || !email.isTextual()) {
                send(exchange, 422, CONFLUENT_NOT_FOUND);
                return;
            }
            Integer created = tenant.createIndex(email.asText());
            // As Roster's ConfluentSimulator does: a 409 for a pending address names that invitation in Location.
            int index = created != null ? created : tenant.pendingIndex(email.asText());
            String id = Tenant.confluentId(index);
            exchange.getResponseHeaders().set("Location", root + CONFLUENT_INVITATIONS + "/" + id);
            send(exchange, created != null ? 201 : 409, created != null ? tenant.confluentFind(id, root) : json(
                    "{\"errors\":[{\"id\":\"bench\",\"status\":\"409\",\"code\":\"resource_already_exists\",\"title\":\"Invitation Already Exists\",\"detail\":\"An invitation for this email is already pending\"}]}"));
        } else if (rest.startsWith("/") && method.equals("GET")) {
            tenant.finds.incrementAndGet();
            byte[] found = tenant.confluentFind(rest.substring(1), root);
            send(exchange, found == null ? 404 : 200, found == null ? CONFLUENT_NOT_FOUND : found);
        } else {
            send(exchange, 405, CONFLUENT_NOT_FOUND);
        }
    }

    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && eq < pair.length() - 1) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
