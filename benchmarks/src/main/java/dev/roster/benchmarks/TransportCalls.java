package dev.roster.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.ProviderConfig;
import dev.roster.provider.support.FeignClients;
import feign.Client;
import feign.Feign;

import feign.Request;
import feign.RequestLine;
import feign.Retryer;
import feign.Util;
import feign.codec.Decoder;
import feign.hc5.ApacheHttp5Client;
import feign.http2client.Http2Client;
import feign.okhttp.OkHttpClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How Roster's transport was chosen: the same Feign client (OpenAI's invites, the answer's bytes read
 * whole, then bound by Jackson) on each of Feign's transports, against the loopback server, one JMH
 * parameter each: {@code roster} is Roster's ({@link FeignClients#transport}: OkHttp, each answer read
 * whole, nothing resent on its own); {@code java11} is feign-java11's {@code Http2Client} on the JDK
 * {@code HttpClient} (what Roster used first; its own JDK transport, measured on 2026-12-02 before it was
 * replaced, is in the parent pom's comment on OkHttp); {@code urlconnection} is Feign's default
 * {@code HttpURLConnection} client; {@code hc5} is Apache HttpClient 5 (feign-hc5); {@code okhttp} is
 * OkHttp (feign-okhttp). Every transport follows no redirect, with 10 s connect and 30 s read timeouts.
 * Not part of {@code run.sh}'s report: run it as
 * {@code java -jar benchmarks/target/benchmarks.jar TransportCalls -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class TransportCalls {

    private static final String TENANT = "s_none_1000_calls";
    private static final String ID = Tenant.openAiId(42);
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration READ = Duration.ofSeconds(30);

    /** The OpenAI invites endpoints, as Roster's adapter declares them. */
    interface Invites {
        @RequestLine("GET /organization/invites/{id}")
        RawOpenAiClient.Invite find(@feign.Param("id") String id);

        @RequestLine("GET /organization/invites?limit={limit}")
        RawOpenAiClient.InviteList list(@feign.Param("limit") int limit);
    }

    /** The transport under test. */
    @Param({"roster", "java11", "urlconnection", "hc5", "okhttp"})
    public String transport;

    private ServerProcess server;
    private Invites invites;

    /** Starts the loopback server in its own process and builds the client on the chosen transport. */
    @Setup(Level.Trial)
    public void start() {
        server = ServerProcess.start();
        URI base = URI.create(server.tenantRoot(TENANT) + "/v1");
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Decoder decoder = (response, type) -> json.readValue(Util.toByteArray(response.body().asInputStream()), json.constructType(type));
        String authorization = "Bearer " + LoopbackServer.ADMIN_KEY;
        invites = Feign.builder()
                .client(client(transport, base))
                .options(new Request.Options(CONNECT, READ, false))
                .retryer(Retryer.NEVER_RETRY)
                .decoder(decoder)
                .requestInterceptor(template -> template.header("Authorization", authorization).header("Accept", "application/json"))
                .target(Invites.class, base.toString());
    }

    private static Client client(String transport, URI base) {
        switch (transport) {
            case "roster":
                return FeignClients.transport(ProviderConfig.builder().connectTimeout(CONNECT).readTimeout(READ).build(), base);
            case "java11":
                return new Http2Client(HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER)
                        .version(HttpClient.Version.HTTP_1_1).build());
            case "urlconnection":
                return new feign.DefaultClient(null, null);
            case "hc5":
                return new ApacheHttp5Client(HttpClients.custom().disableRedirectHandling()
                        .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build()).build());
            case "okhttp":
                return new OkHttpClient(new okhttp3.OkHttpClient.Builder().followRedirects(false).followSslRedirects(false)
                        .connectTimeout(CONNECT).readTimeout(READ).build());
            default:
                throw new IllegalArgumentException("no transport " + transport);
        }
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    /**
     * One invitation by id.
     *
     * @return the invite
     */
    @Benchmark
    public Object find() {
        RawOpenAiClient.Invite invite = invites.find(ID);
        return Checks.id(invite.id(), ID, invite);
    }

    /**
     * The first page of 100.
     *
     * @return the page
     */
    @Benchmark
    public Object list() {
        RawOpenAiClient.InviteList page = invites.list(100);
        return Checks.size(page.data(), page);
    }
}
