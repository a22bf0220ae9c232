package dev.roster.github;

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
import java.util.List;

/**
 * Builds the Feign client for GitHub on provider-support's {@link FeignClients}: the token as
 * {@code Authorization: Bearer}, Roster's User-Agent, GitHub's error table, and a wire log that
 * never shows the token.
 */
final class GitHubHttp {

    /** The {@link ProviderConfig#property(String) property} choosing Feign's wire log level. */
    static final String LOG_LEVEL_PROPERTY = "github.httpLogLevel";

    private static final String WIRE_LOG = "dev.roster.github.http";

    private GitHubHttp() {}

    /** What must never leave the adapter in a message or exception: the token, in any encoding. */
    static Redactor redactor(Secret token) {
        return Redactor.of(List.of(token.reveal()));
    }

    /**
     * The client, logging to the {@code System.Logger} {@value #WIRE_LOG} at DEBUG, handing every answer's
     * headers to {@code rateLimits}, its connections closed when {@code calls} are.
     */
    static GitHubApi api(ProviderConfig config, Secret token, URI baseUri, GitHubErrors errors, RateLimitFeed rateLimits,
            FeignCalls calls) {
        Logger.Level level = FeignClients.logLevel(config, LOG_LEVEL_PROPERTY, GitHubProviderFactory.ID);
        String authorization = "Bearer " + token.reveal();
        String userAgent = HttpEndpoints.userAgent("provider-github", GitHubHttp.class);
        return FeignClients.builder(config, baseUri)
                .errorDecoder(errors)
                .rateLimits(rateLimits)
                .closedBy(calls)
                .header("Authorization", authorization)
                .header("User-Agent", userAgent)
                .logger(RedactingLogger.toSystemLogger(WIRE_LOG, redactor(token)), level)
                .target(GitHubApi.class);
    }

    /**
     * The endpoint: the configured base URI or {@code https://api.github.com} (GitHub Enterprise Server:
     * {@code https://HOST/api/v3}), checked by {@link HttpEndpoints#baseUri}: plain http only to loopback.
     */
    static URI baseUri(ProviderConfig config) {
        return HttpEndpoints.baseUri(config, GitHubProviderFactory.DEFAULT_BASE_URI, "GitHub", GitHubProviderFactory.ID);
    }
}
