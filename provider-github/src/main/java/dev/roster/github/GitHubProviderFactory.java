package dev.roster.github;

import dev.roster.ErrorDetails;
import dev.roster.InvitationProvider;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.Secret;
import dev.roster.provider.support.FeignCalls;
import dev.roster.provider.support.FeignClients;
import dev.roster.provider.support.RateLimitFeed;
import dev.roster.spi.InputRules;
import dev.roster.spi.Redactor;
import dev.roster.spi.InvitationProviderFactory;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Registers GitHub with Roster as provider id {@value #ID}: organization invitations through GitHub's
 * REST API. Applications do not call it; they load the provider by its id:
 *
 * <pre>{@code
 * try (InvitationProvider github = InvitationProviders.load("github", ProviderConfig.fromEnvironment())) {
 *     github.invite(InvitationRequest.of("ada@example.com"));
 * }
 * }</pre>
 *
 * <p>Configuration:
 * <ul>
 *   <li>credential {@value ProviderConfig#GITHUB_TOKEN}: sent as {@code Authorization: Bearer}; a classic
 *       token with the {@code admin:org} scope, or a fine-grained one with the organization's Members
 *       permission set to write, of a user who owns the organization;</li>
 *   <li>the organization: property {@value #ORG_PROPERTY}, which {@link ProviderConfig#fromEnvironment()}
 *       fills from {@value ProviderConfig#GITHUB_ORG};</li>
 *   <li>{@link ProviderConfig#baseUri()}: defaults to {@value #DEFAULT_BASE_URI} (GitHub Enterprise
 *       Server: {@code https://HOST/api/v3}); plain http is accepted only to a loopback address;</li>
 *   <li>property {@code github.httpLogLevel}: Feign's wire log, {@code NONE} (default), {@code BASIC},
 *       {@code HEADERS} or {@code FULL}, to the {@code System.Logger} {@code dev.roster.github.http} at
 *       DEBUG; the token never appears in it.</li>
 * </ul>
 *
 * <p>Every request carries {@code Accept: application/vnd.github+json} and
 * {@code X-GitHub-Api-Version: }{@value #API_VERSION}. Capabilities: roles {@code direct_member} (the
 * default, least privilege), {@code admin} and {@code billing_manager}; teams as project grants (a team's
 * numeric id, role {@code member}); pages of up to 100; accepted invitations cannot be revoked and are
 * not observable (they leave GitHub's lists). Members are known by login: listed, found and removed
 * ({@code members().remove(login)}), never found by email, since GitHub does not reveal members'
 * addresses.
 */
public final class GitHubProviderFactory implements InvitationProviderFactory {

    /** The provider id: {@value}. */
    public static final String ID = "github";

    /** GitHub's API endpoint, used unless the configuration overrides it: {@value}. */
    public static final String DEFAULT_BASE_URI = "https://api.github.com";

    /** The property naming the organization: {@value}. */
    public static final String ORG_PROPERTY = "github.org";

    /** The REST API version every request asks for, one GitHub's description documents: {@value}. */
    public static final String API_VERSION = "2022-11-28";

    /** A GitHub organization login: letters, digits and single inner hyphens, at most 39 characters. */
    private static final Pattern ORG = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

    /** For {@link java.util.ServiceLoader}; does no work. */
    public GitHubProviderFactory() {
        // Nothing to do: create() does the work.
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * The variables {@link ProviderConfig#fromEnvironment()} reads for this provider.
     *
     * @return {@value ProviderConfig#GITHUB_TOKEN} and {@value ProviderConfig#GITHUB_ORG}
     */
    @Override
    public List<String> requiredEnvironment() {
        return List.of(ProviderConfig.GITHUB_TOKEN, ProviderConfig.GITHUB_ORG);
    }

    /**
     * Creates the adapter.
     *
     * @param config needs the credential {@value ProviderConfig#GITHUB_TOKEN} and the organization
     * @return the bare adapter; {@code InvitationProviders.load} wraps it in core's policy
     * @throws ProviderConfigurationException if the token or organization is missing, the organization is
     *     not a GitHub login, the base URI is unsafe or the log level property is invalid; nothing is sent
     */
    @Override
    public InvitationProvider create(ProviderConfig config) {
        Secret token = config.requireCredential(ProviderConfig.GITHUB_TOKEN, ID);
        String org = org(config);
        URI baseUri = GitHubHttp.baseUri(config);
        Redactor redactor = GitHubHttp.redactor(token);
        Clock clock = Clock.systemUTC();
        GitHubErrors errors = new GitHubErrors(FeignClients.lenientJson(), clock, org, redactor);
        RateLimitFeed rateLimits = new RateLimitFeed(headers -> GitHubRateLimits.read(headers, clock));
        FeignCalls calls = new FeignCalls("GitHub", ID, baseUri, redactor);
        return new GitHubInvitationProvider(GitHubHttp.api(config, token, baseUri, errors, rateLimits, calls), org, calls, errors,
                redactor, rateLimits);
    }

    private static String org(ProviderConfig config) {
        String org = config.property(ORG_PROPERTY).map(String::strip).orElseThrow(() -> new ProviderConfigurationException(
                "The github provider needs the organization to invite into: set the environment variable "
                        + ProviderConfig.GITHUB_ORG + " and use ProviderConfig.fromEnvironment(), or pass it with "
                        + "ProviderConfig.builder().property(\"" + ORG_PROPERTY + "\", \"your-org\").",
                ErrorDetails.of(ID), null));
        if (!ORG.matcher(org).matches()) {
            throw new ProviderConfigurationException("The GitHub organization " + InputRules.quote(org) + " is not an "
                    + "organization login: use its name as in github.com/<org>, letters, digits and single hyphens, at most "
                    + "39 characters (set " + ProviderConfig.GITHUB_ORG + " or the property " + ORG_PROPERTY + ").",
                    ErrorDetails.of(ID), null);
        }
        return org;
    }
}
