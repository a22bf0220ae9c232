package dev.roster.openai;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.roster.ErrorDetails;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.Secret;
import dev.roster.spi.HttpEndpoints;
import dev.roster.spi.Redactor;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Builds the Feign client for OpenAI from a {@link ProviderConfig}.
 *
 * <p><b>Why Feign on the JDK's {@link HttpClient} (feign-java11).</b> It keeps a pool of keep-alive
 * connections per client, so a page walk or a burst of invites reuses connections instead of paying
 * a TLS handshake each; it speaks HTTP/2 to {@code api.openai.com} (negotiated with ALPN, falling back
 * to HTTP/1.1); it adds no dependency beyond the JDK; and it never follows redirects unless told, so
 * the admin key cannot be carried to another host by a 3xx. It honours both timeouts: the connect
 * timeout is the client's, and Feign sets the read timeout on each request
 * ({@link java.net.http.HttpRequest.Builder#timeout}). The client is built with the same connect
 * timeout and redirect policy as the Feign {@link Request.Options}, which is what makes
 * {@link Http2Client} use this one pooled client rather than create others per call. Plain
 * {@code http://} (only allowed to loopback, for simulators) uses HTTP/1.1, skipping the h2c upgrade
 * dance.
 *
 * <p>Feign's own retries are off ({@link Retryer#NEVER_RETRY}): core's policy retries, once, for every
 * adapter. Jackson ignores fields it does not know, so new OpenAI fields never break reading.
 */
final class OpenAiHttp {

    /** The {@link ProviderConfig#property(String) property} choosing Feign's wire log level. */
    static final String LOG_LEVEL_PROPERTY = "openai.httpLogLevel";

    private static final System.Logger WIRE_LOG = System.getLogger("dev.roster.openai.http");

    private OpenAiHttp() {}

    /** What must never leave the adapter in a message or exception: the admin key, in any encoding. */
    static Redactor redactor(Secret adminKey) {
        return Redactor.of(List.of(adminKey.reveal()));
    }

    static ObjectMapper objectMapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * The Feign client for the configured endpoint, authenticated with the admin key, logging to
     * {@code System.Logger} "dev.roster.openai.http" at DEBUG.
     */
    static OpenAiApi api(ProviderConfig config, Secret adminKey, URI baseUri) {
        return api(config, adminKey, baseUri, logLevel(config), line -> WIRE_LOG.log(System.Logger.Level.DEBUG, line));
    }

    /** As {@link #api(ProviderConfig, Secret, URI)}, logging at the given level to the given sink. */
    static OpenAiApi api(ProviderConfig config, Secret adminKey, URI baseUri, Logger.Level level, Consumer<String> logSink) {
        boolean https = baseUri.getScheme().equalsIgnoreCase("https");
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
        Request.Options options = new Request.Options(config.connectTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS,
                config.readTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS, false);
        ObjectMapper json = objectMapper();
        Redactor redactor = redactor(adminKey);
        String authorization = "Bearer " + adminKey.reveal();
        String userAgent = userAgent();
        return Feign.builder()
                .client(new Http2Client(http))
                .options(options)
                .retryer(Retryer.NEVER_RETRY)
                .encoder(new JacksonEncoder(json))
                .decoder(new JacksonDecoder(json))
                .errorDecoder(new OpenAiErrorDecoder(json, Clock.systemUTC(), redactor))
                .requestInterceptor(template -> template.header("Authorization", authorization).header("User-Agent", userAgent))
                .logger(new RedactingLogger(redactor, logSink))
                .logLevel(level)
                .target(OpenAiApi.class, baseUri.toString());
    }

    /**
     * The endpoint: the configured base URI or {@code https://api.openai.com/v1}, checked by
     * {@link HttpEndpoints#baseUri}: plain http only to loopback, so the admin key never crosses a
     * network unencrypted.
     */
    static URI baseUri(ProviderConfig config) {
        return HttpEndpoints.baseUri(config, OpenAiProviderFactory.DEFAULT_BASE_URI, "OpenAI", OpenAiProviderFactory.ID);
    }

    static Logger.Level logLevel(ProviderConfig config) {
        String value = config.property(LOG_LEVEL_PROPERTY).orElse("NONE").strip().toUpperCase(Locale.ROOT);
        try {
            return Logger.Level.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw misconfigured("The property " + LOG_LEVEL_PROPERTY + " must be NONE, BASIC, HEADERS or FULL; got '" + value + "'.");
        }
    }

    /** {@code roster/<version> (provider-openai)}, the version read from the jar at build time. */
    static String userAgent() {
        return HttpEndpoints.userAgent("provider-openai", OpenAiHttp.class);
    }

    private static ProviderConfigurationException misconfigured(String message) {
        return new ProviderConfigurationException(message, ErrorDetails.of(OpenAiProviderFactory.ID), null);
    }
}
