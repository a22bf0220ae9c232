/**
 * Internal to Roster's Feign-based adapters: what every one of them needs (client building,
 * error-body and header reading, the call wrapper, the redacting wire logger), so that an adapter
 * is its API interface, its mapping, its error table and its factory. Not an API for applications:
 * they code against {@code dev.roster} and load adapters through {@code InvitationProviders}.
 *
 * <p>The package is exported to every module (a qualified export would have to name adapters this
 * module cannot know), but its types may change in any release.
 *
 * <p>OkHttp and Okio, the transport, are automatic modules (their jars name themselves {@code okhttp3} and
 * {@code okio}); they are read only here, never exported.
 */
@SuppressWarnings("requires-automatic")
module dev.roster.provider.support {
    requires transitive dev.roster.core;
    requires transitive feign.core;
    requires transitive com.fasterxml.jackson.databind;
    requires feign.jackson;
    requires okhttp3;
    requires okio;

    exports dev.roster.provider.support;
}
