package dev.roster.github;

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
import feign.jackson.JacksonEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Builds the Feign client for GitHub from a {@link ProviderConfig}: Feign on the JDK's pooled
 * {@link HttpClient} (HTTP/2 to {@code api.github.com}, HTTP/1.1 to a loopback simulator), both
 * timeouts, no redirects followed and Feign's own retries off (core retries), the token as
 * {@code Authorization: Bearer}, and a wire log that never shows it.
 */
final class GitHubHttp {

    /** The {@link ProviderConfig#property(String) property} choosing Feign's wire log level. */
    static final String LOG_LEVEL_PROPERTY = "github.httpLogLevel";

    private static final System.Logger WIRE_LOG = System.getLogger("dev.roster.github.http");

    private GitHubHttp() {}

    /** What must never leave the adapter in a message or exception: the token, in any encoding. */
    static Redactor redactor(Secret token) {
        return Redactor.of(List.of(token.reveal()));
    }

    static ObjectMapper objectMapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** The client, logging to the {@code System.Logger} {@code dev.roster.github.http} at DEBUG. */
    static GitHubApi api(ProviderConfig config, Secret token, URI baseUri) {
        return api(config, token, baseUri, logLevel(config), line -> WIRE_LOG.log(System.Logger.Level.DEBUG, line));
    }

    static GitHubApi api(ProviderConfig config, Secret token, URI baseUri, Logger.Level level, Consumer<String> logSink) {
        boolean https = baseUri.getScheme().equalsIgnoreCase("https");
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
        Request.Options options = new Request.Options(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                config.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false);
        String authorization = "Bearer " + token.reveal();
        String userAgent = HttpEndpoints.userAgent("provider-github", GitHubHttp.class);
        return Feign.builder()
                .client(new Http2Client(http))
                .options(options)
                .retryer(Retryer.NEVER_RETRY)
                .encoder(new JacksonEncoder(objectMapper()))
                .requestInterceptor(template -> template.header("Authorization", authorization).header("User-Agent", userAgent))
                .logger(new WireLogger(redactor(token), logSink))
                .logLevel(level)
                .target(GitHubApi.class, baseUri.toString());
    }

    /**
     * The endpoint: the configured base URI or {@code https://api.github.com} (GitHub Enterprise Server:
     * {@code https://HOST/api/v3}), checked by {@link HttpEndpoints#baseUri}: plain http only to loopback.
     */
    static URI baseUri(ProviderConfig config) {
        return HttpEndpoints.baseUri(config, GitHubProviderFactory.DEFAULT_BASE_URI, "GitHub", GitHubProviderFactory.ID);
    }

    static Logger.Level logLevel(ProviderConfig config) {
        String value = config.property(LOG_LEVEL_PROPERTY).orElse("NONE").strip().toUpperCase(Locale.ROOT);
        try {
            return Logger.Level.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ProviderConfigurationException("The property " + LOG_LEVEL_PROPERTY + " must be NONE, BASIC, HEADERS or "
                    + "FULL; got '" + value + "'.", ErrorDetails.of(GitHubProviderFactory.ID), null);
        }
    }

    /** Feign's wire log with credential headers shown as {@value Redactor#MASK} and every line redacted. */
    static final class WireLogger extends Logger {
        private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
        private final Redactor redactor;
        private final Consumer<String> sink;

        WireLogger(Redactor redactor, Consumer<String> sink) {
            this.redactor = redactor;
            this.sink = sink;
        }

        @Override
        protected void log(String configKey, String format, Object... args) {
            Object[] shown = args.clone();
            if (format.equals("%s: %s") && shown.length == 2 && shown[0] != null
                    && CREDENTIAL_HEADERS.contains(shown[0].toString().toLowerCase(Locale.ROOT))) {
                shown[1] = Redactor.MASK;
            }
            sink.accept(redactor.redact(methodTag(configKey) + String.format(format, shown)));
        }
    }
}
