/**
 * Roster's adapter for OpenAI's Admin API organization invites. Applications do not use its types:
 * they load it with {@code InvitationProviders.load("openai", config)}.
 *
 * <p>Feign 13.8+ and Jackson ship explicit module descriptors, so every {@code requires} below
 * names a stable module, not a file-name-derived automatic one.
 */
module dev.roster.openai {
    requires dev.roster.core;
    requires dev.roster.provider.support; // the Feign plumbing every adapter shares
    requires feign.core;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.databind;

    // Nothing is exported: applications reach the adapter through ServiceLoader and core's API only.
    // Jackson binds OpenAI's JSON to this package's (package-private) records.
    opens dev.roster.openai to com.fasterxml.jackson.databind;

    provides dev.roster.spi.InvitationProviderFactory with dev.roster.openai.OpenAiProviderFactory;
}
