/**
 * Roster's Confluent Cloud adapter: invitations through the IAM v2 API
 * ({@code /iam/v2/invitations}), registered with {@link java.util.ServiceLoader} as provider
 * {@code confluent}.
 *
 * <p>Only {@code dev.roster.confluent} is exported (the factory and the attribute names users
 * need). The wire types in {@code dev.roster.confluent.internal} are opened to Jackson alone,
 * which binds the JSON to them by reflection.
 */
module dev.roster.confluent {
    requires transitive dev.roster.core; // the exported factory speaks in core's types
    requires dev.roster.provider.support; // the Feign plumbing every adapter shares
    requires feign.core;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.databind;

    exports dev.roster.confluent;
    opens dev.roster.confluent.internal to com.fasterxml.jackson.databind;

    provides dev.roster.spi.InvitationProviderFactory with dev.roster.confluent.ConfluentProviderFactory;
}
