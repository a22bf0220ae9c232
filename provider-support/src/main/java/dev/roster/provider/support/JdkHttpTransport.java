package dev.roster.provider.support;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Feign's {@link Client} on one pooled JDK {@link HttpClient}, reading every answer whole before
 * {@code send} returns. That is what makes a call one round trip on a reused connection:
 * <ul>
 *   <li>feign-java11's {@code Http2Client} hands Feign the body as the JDK's streaming
 *       {@code InputStream}, and Jackson closes it as soon as the JSON value ends, usually before the
 *       JDK has seen the end of the body: the JDK then cancels the exchange and closes the
 *       connection, so one call in about seven paid a new TCP connection; and the caller's thread
 *       woke twice per call (headers, then body) instead of once;</li>
 *   <li>an answer is bounded at {@value #MAX_BODY_BYTES} bytes (a page of 100 invitations is
 *       about 50 KB), so a broken or hostile endpoint cannot fill the heap: a longer one is an
 *       {@link IOException}, which {@link FeignCalls} reports as a vendor-side failure;</li>
 *   <li>the read timeout is each request's {@link HttpRequest#timeout}; the connect timeout and the
 *       redirect policy (none followed) are the client's, fixed when it was built;</li>
 *   <li>headers the JDK sets itself ({@code Host}, {@code Content-Length}, {@code Connection},
 *       {@code Expect}, {@code Upgrade}) are not copied from Feign's request: the JDK refuses them.</li>
 * </ul>
 * The subscriber never blocks: {@link FeignClients#transport} runs the client's work on its selector
 * thread. Thread-safe, as the {@link HttpClient} is.
 */
final class JdkHttpTransport implements Client {

    /** The largest answer read: far above any page a vendor sends, far below a heap's worth. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final Set<String> SET_BY_THE_JDK = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient http;

    JdkHttpTransport(HttpClient http) {
        this.http = http;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(request.url()));
        } catch (IllegalArgumentException e) {
            throw new IOException("Invalid URI for " + request.httpMethod() + ": " + e.getMessage(), e);
        }
        builder.timeout(Duration.ofMillis(options.readTimeoutUnit().toMillis(options.readTimeout())));
        byte[] body = request.body();
        builder.method(request.httpMethod().name(), body == null || body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (!SET_BY_THE_JDK.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                }
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(builder.build(), info -> new BoundedBytes(MAX_BODY_BYTES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the answer to " + request.httpMethod(), e);
        }
        HttpHeaders headers = answer.headers();
        return Response.builder()
                .status(answer.statusCode())
                .headers(readOnly(headers.map()))
                .body(decoded(answer.body(), headers))
                .request(request)
                .protocolVersion(answer.version() == HttpClient.Version.HTTP_2
                        ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
                .build();
    }

    /** A read-only view: Feign copies the headers into its own map, so nothing here is ever written. */
    @SuppressWarnings("unchecked")
    private static Map<String, Collection<String>> readOnly(Map<String, List<String>> headers) {
        return (Map<String, Collection<String>>) (Map<String, ?>) headers;
    }

    /** The body as sent, or inflated where the vendor compressed it unasked (Roster asks for no encoding). */
    private static byte[] decoded(byte[] body, HttpHeaders headers) throws IOException {
        String encoding = headers.firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        if (body.length == 0 || !(encoding.equals("gzip") || encoding.equals("deflate"))) {
            return body;
        }
        try (InputStream in = encoding.equals("gzip")
                ? new GZIPInputStream(new ByteArrayInputStream(body)) : new InflaterInputStream(new ByteArrayInputStream(body))) {
            byte[] inflated = in.readNBytes(MAX_BODY_BYTES + 1);
            if (inflated.length > MAX_BODY_BYTES) {
                throw new IOException("The answer inflates to more than " + MAX_BODY_BYTES + " bytes; not read.");
            }
            return inflated;
        }
    }

    /** The whole body, refused (and the exchange cancelled) once it passes {@code max} bytes. */
    static final class BoundedBytes implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final List<ByteBuffer> received = new ArrayList<>();
        private final int max;
        private long size;
        private Flow.Subscription subscription;

        BoundedBytes(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                size += buffer.remaining();
                received.add(buffer);
            }
            if (size > max) {
                received.clear();
                subscription.cancel();
                result.completeExceptionally(new IOException("The answer is longer than " + max + " bytes; not read."));
            }
        }

        @Override
        public void onError(Throwable failure) {
            received.clear();
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            byte[] bytes = new byte[(int) size];
            int at = 0;
            for (ByteBuffer buffer : received) {
                int length = buffer.remaining();
                buffer.get(bytes, at, length);
                at += length;
            }
            received.clear();
            result.complete(bytes);
        }
    }
}
