package dev.roster.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.roster.ProviderConfig;
import feign.Feign;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The JDK transport: one reused connection, whole answers, bounded")
class JdkHttpTransportTest {

    interface Things {
        @RequestLine("GET /things/{id}")
        Thing find(@Param("id") String id);
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
        server = new HttpServerStub("{\"id\":\"t-1\",\"note\":\"" + note + "\"}" + " ".repeat(3_000));
        Things things = client(ProviderConfig.builder().build());
        for (int i = 0; i < 50; i++) {
            assertThat(things.find("t-1")).isEqualTo(new Thing("t-1", note));
        }
        assertThat(server.requestLines).hasSize(50).allMatch(line -> line.equals("GET /things/t-1 HTTP/1.1"));
        assertThat(server.connections.get()).as("connections opened for 50 sequential calls").isEqualTo(1);
    }

    @Test
    @DisplayName("sends the caller's headers but none the JDK sets itself, and no upgrade or Expect")
    void headers() throws IOException {
        server = new HttpServerStub("{\"id\":\"t-1\"}");
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
        server = new HttpServerStub("{\"id\":\"" + "y".repeat(JdkHttpTransport.MAX_BODY_BYTES) + "\"}");
        Things things = client(ProviderConfig.builder().readTimeout(Duration.ofSeconds(30)).build());
        Throwable failure = catchThrowable(() -> things.find("t-1"));
        assertThat(failure).isInstanceOf(feign.RetryableException.class)
                .hasMessageContaining("longer than " + JdkHttpTransport.MAX_BODY_BYTES + " bytes");
    }

    /** A keep-alive HTTP/1.1 server on 127.0.0.1 answering every GET with one JSON body; it counts connections. */
    static final class HttpServerStub implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
        final List<String> headerLines = Collections.synchronizedList(new ArrayList<>());
        private final ServerSocket socket;
        private final byte[] answer;

        HttpServerStub(String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            answer = new byte[head.length + bytes.length];
            System.arraycopy(head, 0, answer, 0, head.length);
            System.arraycopy(bytes, 0, answer, head.length, bytes.length);
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
                    while (!(line = in.readLine()).isEmpty()) {
                        headerLines.add(line);
                    }
                    out.write(answer);
                    out.flush();
                }
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
