package dev.roster.confluent.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.ErrorDetails;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.Secret;
import dev.roster.confluent.ConfluentCloud;
import dev.roster.provider.support.FeignCalls;
import dev.roster.provider.support.FeignClients;
import dev.roster.provider.support.RateLimitFeed;
import dev.roster.provider.support.RedactingLogger;
import dev.roster.spi.HttpEndpoints;
import dev.roster.spi.Redactor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the Feign client for Confluent Cloud from a {@link ProviderConfig}, with provider-support's
 * {@link FeignClients} (the transport, timeouts, no redirects, no Feign retries, lenient Jackson):
 * what is Confluent's here is Basic authentication with the Cloud API key and secret, the error
 * table and the log's name.
 */
final class ConfluentClients {

    private static final String USER_AGENT = HttpEndpoints.userAgent("provider-confluent", ConfluentClients.class);
    private static final String WIRE_LOG = "dev.roster.confluent.http";

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

        String basic = Base64.getEncoder().encodeToString(
                (key.reveal() + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8));
        Redactor redactor = Redactor.of(List.of(basic, secret.reveal(), key.reveal()));
        RedactingLogger logger = logSink == null ? RedactingLogger.toSystemLogger(WIRE_LOG, redactor)
                : new RedactingLogger(redactor, logSink);

        ObjectMapper json = FeignClients.lenientJson();
        RateLimitFeed rateLimits = new RateLimitFeed(ConfluentRateLimits::read);
        FeignCalls calls = new FeignCalls(ConfluentCloud.DISPLAY_NAME, ConfluentCloud.ID, baseUri, redactor);
        ConfluentApi api = FeignClients.builder(config, baseUri)
                .closedBy(calls)
                .json(json)
                .errorDecoder(new ConfluentErrors(json, Clock.systemUTC(), redactor))
                .header("Authorization", "Basic " + basic)
                .header("User-Agent", USER_AGENT)
                .logger(logger, FeignClients.logLevel(config, ConfluentCloud.HTTP_LOG_PROPERTY, ConfluentCloud.ID))
                .rateLimits(rateLimits)
                .target(ConfluentApi.class);
        return new ConfluentInvitationProvider(api, calls, rateLimits);
    }

    /**
     * The configured base URI without a trailing slash, or Confluent's, checked by
     * {@link HttpEndpoints#baseUri}: plain http only to loopback, so the Basic credentials never
     * cross a network unencrypted.
     */
    static URI baseUri(ProviderConfig config) {
        return HttpEndpoints.baseUri(config, ConfluentCloud.DEFAULT_BASE_URI, "Confluent Cloud", ConfluentCloud.ID);
    }
}
