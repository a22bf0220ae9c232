package dev.roster.github;

import dev.roster.NotFoundException;
import dev.roster.ProviderConfig;
import dev.roster.RosterException;
import dev.roster.Secret;
import dev.roster.testkit.security.SecretLeakContract;
import dev.roster.testkit.simulator.GitHubSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("GitHub: the token never leaks, with every log at its most verbose")
class GitHubSecretLeakTest extends SecretLeakContract {

    /** Distinctive, so that it cannot appear by chance. */
    private static final String TOKEN = "ghp_LeakCanary7QwErTyGitHub9ZxCvB0000000";

    @RegisterExtension
    static final GitHubSimulator github = new GitHubSimulator(TOKEN, GitHubSimulator.DEFAULT_ORG, Clock.systemUTC())
            .validatedAgainstSpec();

    @Override
    protected String providerId() {
        return GitHubProviderFactory.ID;
    }

    @Override
    protected VendorSimulator simulator() {
        return github;
    }

    @Override
    protected ProviderConfig credentials() {
        return ProviderConfig.builder().credential(ProviderConfig.GITHUB_TOKEN, Secret.of(TOKEN)).build();
    }

    @Override
    protected ProviderConfig config(URI root, ProviderConfig credentials) {
        ProviderConfig.Builder builder = ProviderConfig.builder().baseUri(root)
                .property(GitHubProviderFactory.ORG_PROPERTY, github.org())
                .property(GitHubHttp.LOG_LEVEL_PROPERTY, "FULL");
        credentials.credential(ProviderConfig.GITHUB_TOKEN).ifPresent(token -> builder.credential(ProviderConfig.GITHUB_TOKEN, token));
        return builder.build();
    }

    /** A 404 at GitHub is a wrong organization (configuration) or no such invitation (empty, false). */
    @Override
    protected Set<Class<? extends RosterException>> failuresNeverRaised() {
        return Set.of(NotFoundException.class);
    }

    @Override
    protected Map<String, String> secretForms(ProviderConfig credentials) {
        return Map.of("the GitHub token", credentials.credential(ProviderConfig.GITHUB_TOKEN).orElseThrow().reveal());
    }
}
