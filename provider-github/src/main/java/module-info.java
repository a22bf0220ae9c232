/**
 * Roster's adapter for GitHub organization invitations. Applications do not use its types: they
 * load it with {@code InvitationProviders.load("github", config)}.
 */
module dev.roster.github {
    requires dev.roster.core;
    requires dev.roster.provider.support; // the Feign plumbing every adapter shares
    requires feign.core;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.databind;

    // Nothing is exported: applications reach the adapter through ServiceLoader and core's API only.
    // Jackson binds GitHub's JSON to this package's (package-private) records.
    opens dev.roster.github to com.fasterxml.jackson.databind;

    provides dev.roster.spi.InvitationProviderFactory with dev.roster.github.GitHubProviderFactory;
}
