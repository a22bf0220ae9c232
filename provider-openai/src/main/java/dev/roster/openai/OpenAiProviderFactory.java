package dev.roster.openai;

import dev.roster.InvitationProvider;
import dev.roster.ProviderConfig;
import dev.roster.Secret;
import dev.roster.provider.support.FeignCalls;
import dev.roster.provider.support.RateLimitFeed;
import dev.roster.spi.InvitationProviderFactory;
import java.net.URI;

/**
 * Registers OpenAI with Roster as provider id {@value #ID}: organization invites through OpenAI's
 * Admin API. Applications do not call it; they load the provider by its id:
 *
 * <pre>{@code
 * try (InvitationProvider openai = InvitationProviders.load("openai", ProviderConfig.fromEnvironment())) {
 *     openai.invite(InvitationRequest.builder("ada@example.com").role("reader").build());
 * }
 * }</pre>
 *
 * <p>Configuration:
 * <ul>
 *   <li>credential {@value ProviderConfig#OPENAI_ADMIN_KEY}: an OpenAI <em>admin</em> key
 *       ({@code sk-admin-...}); project keys cannot manage invites;</li>
 *   <li>{@link ProviderConfig#baseUri()}: defaults to {@value #DEFAULT_BASE_URI}; plain http is
 *       accepted only to a loopback address, for simulators;</li>
 *   <li>{@link ProviderConfig#connectTimeout()} and {@link ProviderConfig#readTimeout()};</li>
 *   <li>property {@code openai.httpLogLevel}: Feign's wire log, {@code NONE} (default),
 *       {@code BASIC}, {@code HEADERS} or {@code FULL}, written to the {@code System.Logger}
 *       {@code dev.roster.openai.http} at DEBUG; the key never appears in it.</li>
 * </ul>
 *
 * <p>Capabilities: roles {@code reader} (the default, least privilege) and {@code owner}; project
 * grants with roles {@code member} and {@code owner}; pages of up to 100; accepted invitations cannot
 * be revoked (OpenAI refuses: remove the user from the organization instead).
 *
 * <p><b>Projects.</b> A request whose {@link dev.roster.InvitationRequest#projects()} is empty (the
 * caller said nothing) is sent without {@code projects}, and OpenAI adds the person to the
 * organization's default project. An explicit list is sent as it is: {@code noProjects()} sends
 * {@code []}, which OpenAI takes as no project at all, not even the default one.
 */
public final class OpenAiProviderFactory implements InvitationProviderFactory {

    /** The provider id: {@value}. */
    public static final String ID = "openai";

    /** OpenAI's API endpoint, used unless the configuration overrides it: {@value}. */
    public static final String DEFAULT_BASE_URI = "https://api.openai.com/v1";

    /** For {@link java.util.ServiceLoader}; does no work. */
    public OpenAiProviderFactory() {
        // Nothing to do: create() does the work.
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Creates the adapter.
     *
     * @param config needs the credential {@value ProviderConfig#OPENAI_ADMIN_KEY}
     * @return the bare adapter; {@code InvitationProviders.load} wraps it in core's policy
     * @throws dev.roster.ProviderConfigurationException if the admin key is missing, the base URI is
     *     unsafe (plain http to a non-loopback host) or the log level property is invalid
     */
    @Override
    public InvitationProvider create(ProviderConfig config) {
        Secret adminKey = config.requireCredential(ProviderConfig.OPENAI_ADMIN_KEY, ID);
        URI baseUri = OpenAiHttp.baseUri(config);
        RateLimitFeed rateLimits = new RateLimitFeed(OpenAiRateLimits::read);
        FeignCalls calls = new FeignCalls("OpenAI", ID, baseUri, OpenAiHttp.redactor(adminKey));
        return new OpenAiInvitationProvider(OpenAiHttp.api(config, adminKey, baseUri, rateLimits, calls), calls, rateLimits);
    }
}
