package dev.roster.confluent.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.roster.ErrorDetails;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.Secret;
import dev.roster.confluent.ConfluentCloud;
import dev.roster.spi.HttpEndpoints;
import dev.roster.spi.Redactor;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.auth.BasicAuthRequestInterceptor;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Builds the Feign client for Confluent Cloud from a {@link ProviderConfig}.
 *
 * <p><b>HTTP client: the JDK's {@link HttpClient} through feign-java11</b>, as the OpenAI adapter
 * does. It pools keep-alive connections, is thread-safe, adds no dependency beyond the JDK, speaks
 * HTTP/2 to {@code api.confluent.cloud} (negotiated with ALPN, falling back to HTTP/1.1), and
 * follows no redirect unless asked: a redirect must never carry the Basic credentials to another
 * host. Feign's default client ({@code HttpURLConnection}) follows redirects and shares JVM-wide
 * connection state; OkHttp or Apache would add a dependency tree for four endpoints. Plain
 * {@code http://} (allowed to loopback only, for simulators) uses HTTP/1.1, skipping the h2c
 * upgrade. The client gets the same connect timeout and redirect policy as Feign's
 * {@link Request.Options}, so {@link Http2Client} keeps using this one pooled client; the read
 * timeout is set on each request.
 */
final class ConfluentClients {

    private static final String USER_AGENT = HttpEndpoints.userAgent("provider-confluent", ConfluentClients.class);

    private ConfluentClients() {}

    /**
     * Creates the adapter.
     *
     * @param config credentials, base URI, timeouts and the optional log level property
     * @param logSink where HTTP log lines go, or null for {@link System.Logger}
     * @return the adapter
     */
    static ConfluentInvitationProvider create(ProviderConfig config, Consumer<String> logSink) {
        if (config == null) {
            throw new ProviderConfigurationException("The Confluent Cloud provider needs a ProviderConfig: "
                    + "use ProviderConfig.fromEnvironment().", ErrorDetails.of(ConfluentCloud.ID), null);
        }
        Secret key = config.requireCredential(ProviderConfig.CONFLUENT_CLOUD_API_KEY, ConfluentCloud.ID);
        Secret secret = config.requireCredential(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, ConfluentCloud.ID);
        URI baseUri = baseUri(config);
        Logger.Level level = logLevel(config);

        String basic = Base64.getEncoder().encodeToString(
                (key.reveal() + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8));
        List<String> neverLogged = List.of(basic, secret.reveal(), key.reveal());
        Redactor redactor = Redactor.of(neverLogged);
        RedactingLogger logger = logSink == null ? RedactingLogger.toSystemLogger(redactor)
                : new RedactingLogger(logSink, redactor);

        ObjectMapper json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        HttpClient http = HttpClient.newBuilder()
                .version(baseUri.getScheme().equalsIgnoreCase("https") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .build();
        ConfluentApi api = Feign.builder()
                .client(new Http2Client(http))
                .options(new Request.Options(config.connectTimeout(), config.readTimeout(), false))
                .retryer(Retryer.NEVER_RETRY) // core's policy retries, honouring Retry-After
                .encoder(new JacksonEncoder(json))
                .decoder(new JacksonDecoder(json))
                .errorDecoder(new ConfluentErrors(json, Clock.systemUTC(), redactor))
                .requestInterceptor(new BasicAuthRequestInterceptor(key.reveal(), secret.reveal(), StandardCharsets.UTF_8))
                .requestInterceptor(template -> template.header("User-Agent", USER_AGENT))
                .logger(logger)
                .logLevel(level)
                .target(ConfluentApi.class, baseUri.toString());
        return new ConfluentInvitationProvider(api, baseUri, redactor);
    }

    /**
     * The configured base URI without a trailing slash, or Confluent's, checked by
     * {@link HttpEndpoints#baseUri}: plain http only to loopback, so the Basic credentials never
     * cross a network unencrypted.
     */
    static URI baseUri(ProviderConfig config) {
        return HttpEndpoints.baseUri(config, ConfluentCloud.DEFAULT_BASE_URI, "Confluent Cloud", ConfluentCloud.ID);
    }

    private static Logger.Level logLevel(ProviderConfig config) {
        String value = config.property(ConfluentCloud.HTTP_LOG_PROPERTY).orElse("NONE").strip().toUpperCase(Locale.ROOT);
        try {
            return Logger.Level.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ProviderConfigurationException("The property " + ConfluentCloud.HTTP_LOG_PROPERTY
                    + " must be NONE, BASIC, HEADERS or FULL; got '" + value + "'.", ErrorDetails.of(ConfluentCloud.ID), null);
        }
    }
}
