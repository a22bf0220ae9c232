package dev.roster.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.roster.ProviderConfig;
import feign.Client;
import feign.Feign;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Retryer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The OkHttp transport: one reused connection, whole answers, bounded, nothing sent twice")
class OkHttpTransportTest {

    interface Things {
        @RequestLine("GET /things/{id}")
        Thing find(@Param("id") String id);

        @RequestLine("POST /things")
        @Headers("Content-Type: application/json")
        Thing create(String body);

        @RequestLine("DELETE /things/{id}")
        void delete(@Param("id") String id);
    }

    record Thing(String id, String note) {}

    private HttpServerStub server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private Things client(ProviderConfig config) {
        URI base = URI.create(server.root());
        return Feign.builder()
                .client(FeignClients.transport(config, base))
                .options(new Request.Options(config.connectTimeout(), config.readTimeout(), false))
                .retryer(Retryer.NEVER_RETRY)
                .decoder(new JsonBodyDecoder(FeignClients.lenientJson()))
                .target(Things.class, base.toString());
    }

    @Test
    @DisplayName("sends every call over one kept-alive connection, the JSON answer bound in full each time")
    void reusesOneConnection() throws IOException {
        // A body longer than Jackson's first read, with trailing whitespace after the JSON value: the
        // parser stops at the closing brace, before the end of the body.
        String note = "x".repeat(20_000);
        server = HttpServerStub.json("{\"id\":\"t-1\",\"note\":\"" + note + "\"}" + " ".repeat(3_000));
        Things things = client(ProviderConfig.builder().build());
        for (int i = 0; i < 50; i++) {
            assertThat(things.find("t-1")).isEqualTo(new Thing("t-1", note));
        }
        assertThat(server.requestLines).hasSize(50).allMatch(line -> line.equals("GET /things/t-1 HTTP/1.1"));
        assertThat(server.connections.get()).as("connections opened for 50 sequential calls").isEqualTo(1);
    }

    @Test
    @DisplayName("sends the caller's headers but none the transport sets itself, and no upgrade or Expect")
    void headers() throws IOException {
        server = HttpServerStub.json("{\"id\":\"t-1\"}");
        URI base = URI.create(server.root());
        Things things = Feign.builder()
                .client(FeignClients.transport(ProviderConfig.builder().build(), base))
                .retryer(Retryer.NEVER_RETRY)
                .requestInterceptor(t -> t.header("X-Test", "yes").header("Connection", "Upgrade").header("Expect", "100-continue"))
                .decoder(new JsonBodyDecoder(FeignClients.lenientJson()))
                .target(Things.class, base.toString());
        things.find("t-1");
        assertThat(server.headerLines).contains("X-Test: yes")
                .noneMatch(line -> line.startsWith("Upgrade") || line.startsWith("Expect") || line.startsWith("HTTP2-Settings")
                        || line.equals("Connection: Upgrade"));
    }

    @Test
    @DisplayName("refuses an answer longer than its bound, as an I/O failure, instead of filling the heap")
    void boundsTheAnswer() throws IOException {
        server = HttpServerStub.json("{\"id\":\"" + "y".repeat(OkHttpTransport.MAX_BODY_BYTES) + "\"}");
        Things things = client(ProviderConfig.builder().readTimeout(Duration.ofSeconds(30)).build());
        Throwable failure = catchThrowable(() -> things.find("t-1"));
        assertThat(failure).isInstanceOf(feign.RetryableException.class)
                .hasMessageContaining("longer than " + OkHttpTransport.MAX_BODY_BYTES + " bytes");
    }

    @Test
    @DisplayName("sends a create, a read and a delete once each when the connection drops before the answer: never again on its own")
    void neverResends() throws IOException {
        server = HttpServerStub.hangingUp();
        Things things = client(ProviderConfig.builder().build());
        assertThat(catchThrowable(() -> things.create("{\"id\":\"t-1\"}"))).isInstanceOf(feign.RetryableException.class);
        assertThat(catchThrowable(() -> things.find("t-1"))).isInstanceOf(feign.RetryableException.class);
        assertThat(catchThrowable(() -> things.delete("t-1"))).isInstanceOf(feign.RetryableException.class);
        assertThat(server.requestLines).as("every request the server read")
                .containsExactly("POST /things HTTP/1.1", "GET /things/t-1 HTTP/1.1", "DELETE /things/t-1 HTTP/1.1");
    }

    @Test
    @DisplayName("hands a redirect to Feign as it is, without following it")
    void followsNoRedirect() throws IOException {
        server = HttpServerStub.raw("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:9/elsewhere\r\nContent-Length: 0\r\n\r\n");
        URI base = URI.create(server.root());
        Client transport = FeignClients.transport(ProviderConfig.builder().build(), base);
        feign.Response answer = transport.execute(Request.create(Request.HttpMethod.GET, base + "/things/t-1", Map.of(), null,
                StandardCharsets.UTF_8, null), new Request.Options());
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.headers().get("location")).containsExactly("http://127.0.0.1:9/elsewhere");
        assertThat(server.requestLines).hasSize(1);
    }

    @Test
    @DisplayName("closes its idle connection when the adapter's calls are closed, and refuses calls after")
    void closedWithTheCalls() throws Exception {
        server = HttpServerStub.json("{\"id\":\"t-1\"}");
        URI base = URI.create(server.root());
        FeignCalls calls = new FeignCalls("Acme", "acme", base, dev.roster.spi.Redactor.of(List.of()));
        Things things = FeignClients.builder(ProviderConfig.builder().build(), base)
                .errorDecoder((key, response) -> new IllegalStateException("HTTP " + response.status()))
                .closedBy(calls)
                .target(Things.class);
        calls.run("find a thing", () -> things.find("t-1"));

        calls.close();

        assertThat(server.hungUp.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the server saw the connection closed").isTrue();
        assertThat(catchThrowable(() -> calls.run("find a thing", () -> things.find("t-1"))))
                .isInstanceOf(dev.roster.ProviderConfigurationException.class);
    }

    @Test
    @DisplayName("refuses a fixed header HTTP cannot carry when the client is built, naming the header and never its value")
    void unsendableHeader() {
        FeignClients.Builder builder = FeignClients.builder(ProviderConfig.builder().build(), URI.create("http://127.0.0.1:9"));
        for (String name : List.of("Authorization", "X-Api-Key")) {
            Throwable refused = catchThrowable(() -> builder.header(name, "sk-secret-0042\r\nX-Injected: yes"));
            assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasNoCause()
                    .hasMessageContaining("'" + name + "'").hasMessageNotContaining("sk-secret-0042");
        }
    }

    /** A keep-alive HTTP/1.1 server on 127.0.0.1 answering every GET with one JSON body; it counts connections. */
    static final class HttpServerStub implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        /** Counted down when a client closes a connection it had kept alive. */
        final java.util.concurrent.CountDownLatch hungUp = new java.util.concurrent.CountDownLatch(1);
        final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
        final List<String> headerLines = Collections.synchronizedList(new ArrayList<>());
        private final ServerSocket socket;
        private final byte[] answer;

        /** Answers every request with a 200 and this JSON body. */
        static HttpServerStub json(String body) throws IOException {
            return raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
        }

        /** Answers every request with these bytes, status line and head included. */
        static HttpServerStub raw(String answer) throws IOException {
            return new HttpServerStub(answer.getBytes(StandardCharsets.UTF_8));
        }

        /** Reads each request whole, then closes the connection without answering. */
        static HttpServerStub hangingUp() throws IOException {
            return new HttpServerStub(null);
        }

        private HttpServerStub(byte[] answer) throws IOException {
            this.answer = answer;
            socket = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
            Thread acceptor = new Thread(this::accept, "stub-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String root() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
                    Thread serving = new Thread(() -> serve(connection), "stub-serve");
                    serving.setDaemon(true);
                    serving.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection; BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                    StandardCharsets.ISO_8859_1)); OutputStream out = connection.getOutputStream()) {
                String line;
                while ((line = in.readLine()) != null) {
                    requestLines.add(line);
                    int length = 0;
                    while (!(line = in.readLine()).isEmpty()) {
                        headerLines.add(line);
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring("content-length:".length()).strip());
                        }
                    }
                    in.skip(length);
                    if (answer == null) {
                        return;
                    }
                    out.write(answer);
                    out.flush();
                }
                hungUp.countDown(); // the client closed its end between requests
            } catch (IOException | NullPointerException gone) {
                // The client closed the connection.
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
