package dev.roster.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.ProviderConfig;
import dev.roster.Secret;
import dev.roster.provider.support.FeignCalls;
import dev.roster.provider.support.FeignClients;
import dev.roster.provider.support.RateLimitFeed;
import dev.roster.provider.support.RedactingLogger;
import dev.roster.spi.HttpEndpoints;
import dev.roster.spi.Redactor;
import feign.Logger;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the Feign client for OpenAI from a {@link ProviderConfig}, with provider-support's
 * {@link FeignClients} (the transport, timeouts, no redirects, no Feign retries, lenient Jackson):
 * what is OpenAI's here is the Bearer admin key, the error table and the log's name.
 */
final class OpenAiHttp {

    /** The {@link ProviderConfig#property(String) property} choosing Feign's wire log level. */
    static final String LOG_LEVEL_PROPERTY = "openai.httpLogLevel";

    private static final String WIRE_LOG = "dev.roster.openai.http";

    private OpenAiHttp() {}

    /** What must never leave the adapter in a message or exception: the admin key, in any encoding. */
    static Redactor redactor(Secret adminKey) {
        return Redactor.of(List.of(adminKey.reveal()));
    }

    /**
     * The Feign client for the configured endpoint, authenticated with the admin key, logging to
     * {@code System.Logger} "dev.roster.openai.http" at DEBUG.
     */
    static OpenAiApi api(ProviderConfig config, Secret adminKey, URI baseUri, RateLimitFeed rateLimits, FeignCalls calls) {
        Redactor redactor = redactor(adminKey);
        return api(config, adminKey, baseUri, logLevel(config), RedactingLogger.toSystemLogger(WIRE_LOG, redactor), rateLimits,
                calls);
    }

    /** As {@link #api(ProviderConfig, Secret, URI)}, logging at the given level to the given sink. */
    static OpenAiApi api(ProviderConfig config, Secret adminKey, URI baseUri, Logger.Level level, Consumer<String> logSink) {
        return api(config, adminKey, baseUri, level, new RedactingLogger(redactor(adminKey), logSink),
                new RateLimitFeed(OpenAiRateLimits::read), null);
    }

    private static OpenAiApi api(ProviderConfig config, Secret adminKey, URI baseUri, Logger.Level level, Logger logger,
            RateLimitFeed rateLimits, FeignCalls calls) {
        String authorization = "Bearer " + adminKey.reveal();
        String userAgent = userAgent();
        ObjectMapper json = FeignClients.lenientJson();
        FeignClients.Builder builder = FeignClients.builder(config, baseUri);
        if (calls != null) {
            builder.closedBy(calls);
        }
        return builder
                .json(json)
                .errorDecoder(new OpenAiErrorDecoder(json, Clock.systemUTC(), redactor(adminKey)))
                .header("Authorization", authorization)
                .header("User-Agent", userAgent)
                .logger(logger, level)
                .rateLimits(rateLimits)
                .target(OpenAiApi.class);
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
        return FeignClients.logLevel(config, LOG_LEVEL_PROPERTY, OpenAiProviderFactory.ID);
    }

    /** {@code roster/<version> (provider-openai)}, the version read from the jar at build time. */
    static String userAgent() {
        return HttpEndpoints.userAgent("provider-openai", OpenAiHttp.class);
    }
}
