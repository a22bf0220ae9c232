package dev.roster.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.models.admin.organization.invites.InviteCreateParams;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * 1,000 invites from 8 threads through one client against a server allowing 200 requests a second
 * (429 with {@code Retry-After} beyond it), with three limiters: none, bursty (token bucket, burst 200)
 * and strict (no burst). The limited ones run twice: answering with OpenAI's {@code x-ratelimit-*-requests}
 * headers on every answer, as OpenAI does, and without them (only the 429s and their waits), so that both
 * ways Roster learns the pace are measured. Roster and the official SDK, each with its defaults. The
 * server counts what it received: requests, 429s sent, invitations created, creates refused as
 * duplicates. Writes {@code bulk.md} to the results folder.
 */
public final class BulkRunner {

    private static final int INVITES = 1000;
    private static final int THREADS = 8;
    private static final int RATE = 200;
    /** A client that has not finished by then is reported as such, so one stuck client cannot stall the run. */
    private static final long DEADLINE_SECONDS = 60;

    private BulkRunner() {}

    /**
     * Runs the bulk comparison.
     *
     * @param args the results folder; optionally, for a run while developing, the limiters and then the
     *     clients to run, each comma-separated (such as {@code strict,strictbare roster})
     * @throws Exception if a run is interrupted or a task fails outside the client's own errors
     */
    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        String[] limiters = args.length > 1 ? args[1].split(",") : new String[] {"none", "bursty", "burstybare", "strict", "strictbare"};
        String[] clients = args.length > 2 ? args[2].split(",") : new String[] {"roster", "sdk"};
        double bound = (double) INVITES / RATE;
        StringBuilder md = new StringBuilder();
        md.append(Results.f("### Bulk: %,d invites from %d threads through one client, server allowing %d requests/s%n%n",
                INVITES, THREADS, RATE));
        md.append("Bound: 1,000 requests at 200/s = 5 s (a burst of 200 lets the first 200 through at once, so 4 s is "
                + "reachable there). Counted at the server. `none` is the same job with no limit (the no-limit baseline). "
                + "Rate-limit headers: `OpenAI` is OpenAI's `x-ratelimit-limit/remaining/reset-requests` on every answer; "
                + "`none` is only the 429s with `Retry-After` and `retry-after-ms`.\n\n");
        md.append("| limiter | rate-limit headers | client | invites done | failures | wall time | vs 5 s bound | requests sent | 429s sent | 429s / request | invitations created | duplicates refused |\n");
        md.append("|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        try (ServerProcess server = ServerProcess.start()) {
            for (String client : clients) {
                run(server, client, "none", "warm", 200); // warm-up: JIT, connections, class loading
            }
            for (String limiter : limiters) {
                for (String client : clients) {
                    Outcome o = run(server, client, limiter, "run", INVITES);
                    JsonNode stats = server.stats(o.tenant);
                    long requests = stats.get("requests").asLong();
                    long throttled = stats.get("throttled").asLong();
                    md.append(Results.f("| %s | %s | %s | %,d | %s | %s | %s | %,d | %,d | %.1f%% | %,d | %,d |%n",
                            limiter.replace("bare", ""), limiter.equals("none") ? "-" : limiter.endsWith("bare") ? "none" : "OpenAI",
                            client.equals("roster") ? "Roster" : "openai-java", o.done, o.failures(),
                            o.wall(), limiter.equals("none") ? "(no limit)"
                                    : Results.ratio(o.seconds, bound) + (o.done < INVITES ? " (gave up on some)" : ""),
                            requests, throttled, requests == 0 ? 0.0 : 100.0 * throttled / requests,
                            stats.get("created").asLong(), stats.get("duplicates").asLong()));
                }
            }
        }
        md.append('\n');
        Results.write(results, "bulk.md", md.toString());
        System.exit(0);
    }

    private record Outcome(String tenant, int done, Map<String, Integer> failureCounts, double seconds, boolean timedOut) {
        String wall() {
            return timedOut ? Results.f("> %d s (stopped)", DEADLINE_SECONDS) : Results.f("%.2f s", seconds);
        }

        String failures() {
            if (failureCounts.isEmpty()) {
                return "0";
            }
            StringBuilder text = new StringBuilder();
            new TreeMap<>(failureCounts).forEach((type, n) -> text.append(text.length() == 0 ? "" : ", ").append(n).append(' ').append(type));
            return text.toString();
        }
    }

    private static Outcome run(ServerProcess server, String client, String limiter, String tag, int count) throws Exception {
        String tenant = "m_" + limiter + "_0_" + tag + client;
        String root = server.tenantRoot(tenant);
        InvitationProvider roster = client.equals("roster") ? Clients.rosterOpenAi(root) : null;
        OpenAIClient sdk = client.equals("sdk") ? Clients.sdk(root) : null;
        Consumer<String> invite = roster != null
                ? email -> roster.invite(InvitationRequest.of(email))
                : email -> sdk.admin().organization().invites().create(InviteCreateParams.builder()
                        .email(email).role(InviteCreateParams.Role.READER).build());
        AtomicInteger done = new AtomicInteger();
        boolean timedOut = false;
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            Future<?>[] futures = new Future<?>[count];
            for (int i = 0; i < count; i++) {
                String email = tag + client + i + "@example.com";
                futures[i] = pool.submit(() -> {
                    try {
                        invite.accept(email);
                        done.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                });
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            for (Future<?> future : futures) {
                try {
                    future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    timedOut = true;
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.println(Results.f("bulk %s %s %s: %d done, %s failed, %.2f s%s", tag, client, limiter, done.get(), failures, seconds,
                timedOut ? " (stopped at the deadline)" : ""));
        if (roster != null) {
            roster.close();
        } else {
            sdk.close();
        }
        return new Outcome(tenant, done.get(), failures, seconds, timedOut);
    }
}
