package dev.roster.provider.support;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Feign's {@link Client} on one pooled {@link OkHttpClient}, reading every answer whole, and bounded,
 * before {@code execute} returns:
 * <ul>
 *   <li>the call runs on the caller's thread, blocking I/O on a kept-alive connection: no hand-off
 *       to a selector thread and back, which is what made the JDK's {@code HttpClient} the slowest
 *       of Feign's transports in the benchmarks' {@code TransportCalls};</li>
 *   <li>OkHttp never sends a request twice on its own ({@code retryOnConnectionFailure(false)}): a
 *       connection that fails is an {@link IOException}, an unknown outcome that core looks up before
 *       it sends anything again; it follows no redirect, so a 3xx never carries credentials to
 *       another host; it writes no log of its own, so no header can reach one;</li>
 *   <li>an answer is bounded at {@value #MAX_BODY_BYTES} bytes (a page of 100 invitations is about
 *       50 KB), so a broken or hostile endpoint cannot fill the heap: a longer one is an
 *       {@link IOException}, which {@link FeignCalls} reports as a vendor-side failure;</li>
 *   <li>the timeouts are Feign's {@link Request.Options}: the connect timeout to open a connection,
 *       the read timeout for each read and write, and both together for the whole call, so an
 *       endpoint that trickles its answer cannot hold a caller for longer;</li>
 *   <li>headers the transport sets itself ({@code Host}, {@code Content-Length}, {@code Connection},
 *       {@code Transfer-Encoding}) are not copied from Feign's request, nor an {@code Expect} or
 *       {@code Upgrade}; the adapter's fixed headers (its credentials, its User-Agent), built once, are
 *       added to every request. OkHttp asks for gzip and inflates it; an answer compressed unasked is
 *       inflated here.</li>
 * </ul>
 * Thread-safe, as the {@link OkHttpClient} is. {@link #close()} closes its idle connections.
 */
final class OkHttpTransport implements Client, AutoCloseable {

    /** The largest answer read: far above any page a vendor sends, far below a heap's worth. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final Set<String> NOT_COPIED = Set.of("host", "content-length", "connection", "transfer-encoding", "expect",
            "upgrade", "keep-alive", "te");

    /** The methods whose request OkHttp refuses without a body: they get an empty one. */
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final OkHttpClient http;
    /** The endpoint's origin ({@code scheme://host:port}) as Feign writes it, and as OkHttp parsed it once. */
    private final String origin;
    private final HttpUrl originUrl;

    /** Sent on every request, after Feign's own headers (replacing any of the same name). */
    private final Headers fixedHeaders;

    OkHttpTransport(OkHttpClient http, URI baseUri, Headers fixedHeaders) {
        this.http = http;
        this.fixedHeaders = fixedHeaders;
        HttpUrl base = HttpUrl.get(baseUri.toString());
        this.originUrl = base.newBuilder().encodedPath("/").query(null).fragment(null).build();
        this.origin = baseUri.getScheme() + "://" + baseUri.getRawAuthority();
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpUrl url = url(request.url());
        if (url == null) {
            throw new IOException("Invalid URI for " + request.httpMethod() + ": not an http or https URL.");
        }
        String method = request.httpMethod().name();
        byte[] body = request.body();
        RequestBody payload = body != null && body.length > 0 ? RequestBody.create(body, null)
                : WITH_BODY.contains(method) ? RequestBody.create(new byte[0], null) : null;
        okhttp3.Request.Builder builder = new okhttp3.Request.Builder().url(url).method(method, payload);
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (!NOT_COPIED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValue()) {
                    builder.addHeader(header.getKey(), value);
                }
            }
        }
        for (int i = 0; i < fixedHeaders.size(); i++) {
            builder.header(fixedHeaders.name(i), fixedHeaders.value(i));
        }
        try (okhttp3.Response answer = client(options).newCall(builder.build()).execute()) {
            return Response.builder()
                    .status(answer.code())
                    .reason(answer.message())
                    .headers(headers(answer.headers()))
                    .body(decoded(whole(answer.body()), answer.header("Content-Encoding")))
                    .request(request)
                    .protocolVersion(answer.protocol() == Protocol.HTTP_2 ? Request.ProtocolVersion.HTTP_2
                            : Request.ProtocolVersion.HTTP_1_1)
                    .build();
        }
    }

    /**
     * The request's URL. One on the endpoint's origin (every call an adapter makes) is resolved against
     * it, so the host is not canonicalised again on every call; anything else (and a path that could
     * read as another host, {@code //...}) is parsed whole.
     */
    private HttpUrl url(String url) {
        int at = origin.length();
        if (url.startsWith(origin) && url.length() > at + 1 && url.charAt(at) == '/' && url.charAt(at + 1) != '/'
                && url.charAt(at + 1) != '\\') {
            return originUrl.resolve(url.substring(at));
        }
        return HttpUrl.parse(url);
    }

    /** Closes the pooled connections not in use; calls in flight finish on theirs. */
    @Override
    public void close() {
        http.connectionPool().evictAll();
    }

    /** The client for these options: the shared one, or a view of it (same pool) with other timeouts. */
    private OkHttpClient client(Request.Options options) {
        int connect = (int) options.connectTimeoutUnit().toMillis(options.connectTimeout());
        int read = (int) options.readTimeoutUnit().toMillis(options.readTimeout());
        if (connect == http.connectTimeoutMillis() && read == http.readTimeoutMillis()) {
            return http;
        }
        return withTimeouts(http.newBuilder(), Duration.ofMillis(connect), Duration.ofMillis(read)).build();
    }

    /** Builds the transport: one connection pool, no retries, no redirects, these timeouts. */
    static OkHttpTransport create(URI baseUri, Duration connectTimeout, Duration readTimeout, Headers fixedHeaders) {
        boolean http2 = "https".equalsIgnoreCase(baseUri.getScheme());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .protocols(http2 ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1) : List.of(Protocol.HTTP_1_1));
        return new OkHttpTransport(withTimeouts(builder, connectTimeout, readTimeout).build(), baseUri, fixedHeaders);
    }

    private static OkHttpClient.Builder withTimeouts(OkHttpClient.Builder builder, Duration connect, Duration read) {
        return builder.connectTimeout(connect).readTimeout(read).writeTimeout(read).callTimeout(connect.plus(read));
    }

    /** The answer's headers for Feign, which copies them into its own case-insensitive map. */
    private static Map<String, Collection<String>> headers(Headers headers) {
        Map<String, Collection<String>> map = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            map.computeIfAbsent(headers.name(i), name -> new ArrayList<>(1)).add(headers.value(i));
        }
        return map;
    }

    /** The whole body, refused once it passes {@value #MAX_BODY_BYTES} bytes. */
    private static byte[] whole(ResponseBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        BufferedSource source = body.source();
        if (source.request(MAX_BODY_BYTES + 1L)) {
            throw new IOException("The answer is longer than " + MAX_BODY_BYTES + " bytes; not read.");
        }
        return source.getBuffer().readByteArray();
    }

    /** The body as sent, or inflated where the vendor compressed it in a way OkHttp did not undo. */
    private static byte[] decoded(byte[] body, String contentEncoding) throws IOException {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
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
}
