package dev.roster.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * The loopback server's own CPU time per request, as the server counts it (thread CPU time around each
 * exchange), for the {@code find} and 100-item {@code list} answers the per-call benchmarks use, driven
 * by the raw-socket floor client. Writes {@code server.md} to the results folder.
 */
public final class ServerCostRunner {

    private static final int WARMUP = 3000;
    private static final int CALLS = 3000;

    private ServerCostRunner() {}

    /**
     * Measures the server's CPU time per request.
     *
     * @param args the results folder
     */
    public static void main(String[] args) {
        Path results = Path.of(args[0]);
        StringBuilder md = new StringBuilder("### The loopback server's own cost\n\n");
        md.append("JDK `HttpServer` on 127.0.0.1 in a process of its own, 8 threads, answers cached as `byte[]`. "
                + "CPU time it spent per request (its threads' CPU time around each exchange, so the kernel's "
                + "socket work outside the handler is not in it), driven by a raw socket:\n\n");
        md.append("| answer | server CPU per request | floor round trip (median wall time per call) |\n|---|---:|---:|\n");
        String openAiAuth = "Bearer " + LoopbackServer.ADMIN_KEY;
        try (ServerProcess server = ServerProcess.start()) {
            String root = server.tenantRoot("s_none_1000_cost");
            measure(md, server, "OpenAI `find`", new FloorClient(root + "/v1/organization/invites/" + Tenant.openAiId(42), openAiAuth));
            measure(md, server, "OpenAI `list` (100)", new FloorClient(root + "/v1/organization/invites?limit=100", openAiAuth));
        }
        md.append('\n');
        Results.write(results, "server.md", md.toString());
    }

    private static void measure(StringBuilder md, ServerProcess server, String label, FloorClient client) {
        try (client) {
            for (int i = 0; i < WARMUP; i++) {
                client.call();
            }
            JsonNode before = server.stats("");
            long[] wall = new long[CALLS];
            for (int i = 0; i < CALLS; i++) {
                long start = System.nanoTime();
                client.call();
                wall[i] = System.nanoTime() - start;
            }
            JsonNode after = server.stats("");
            // The two stats requests themselves are in the count: subtract them.
            long requests = after.get("requests").asLong() - before.get("requests").asLong() - 1;
            double cpuMicros = (after.get("cpuNanos").asLong() - before.get("cpuNanos").asLong()) / 1e3 / requests;
            java.util.Arrays.sort(wall);
            md.append(Results.f("| %s | %.1f µs | %.0f µs |%n", label, cpuMicros, wall[CALLS / 2] / 1e3));
        }
    }
}
