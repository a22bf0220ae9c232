package dev.roster.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LoopbackServer} in a process of its own, started from this JVM's class path and stopped by
 * closing its standard input (so it also ends if this JVM dies).
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final String root;
    private final HttpClient statsClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();

    private ServerProcess(Process process, String root) {
        this.process = process;
        this.root = root;
    }

    static ServerProcess start() {
        try {
            Process process = new ProcessBuilder(Java.command(List.of("-Xmx1g", "-XX:+UseParallelGC",
                    // The JDK server writes headers and body separately: without TCP_NODELAY, Nagle and
                    // delayed ACKs add ~40 ms to every answer.
                    "-Dsun.net.httpserver.nodelay=true"),
                    LoopbackServer.class.getName(), List.of("8")))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("listening http://127.0.0.1:")) {
                process.destroy();
                throw new IllegalStateException("the loopback server did not start; it said: " + line);
            }
            return new ServerProcess(process, line.substring("listening ".length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/<tenant>}: the root of one organisation. */
    String tenantRoot(String tenant) {
        return root + "/" + tenant;
    }

    /** What the server counted for a tenant, or for itself (requests, cpuNanos) with an empty name. */
    JsonNode stats(String tenant) {
        try {
            HttpResponse<byte[]> response = statsClient.send(
                    HttpRequest.newBuilder(URI.create(root + "/__stats/" + tenant)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
