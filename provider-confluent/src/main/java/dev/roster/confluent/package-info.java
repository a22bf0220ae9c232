/**
 * Confluent Cloud for Roster: load it with {@code InvitationProviders.load("confluent",
 * ProviderConfig.fromEnvironment())}, which reads {@code CONFLUENT_CLOUD_API_KEY} and
 * {@code CONFLUENT_CLOUD_API_SECRET} (a <em>Cloud</em> API key whose owner has the
 * OrganizationAdmin role).
 *
 * <p>{@link dev.roster.confluent.ConfluentCloud} names the vendor attributes an invitation
 * carries and the one a request may set ({@code auth_type}).
 */
package dev.roster.confluent;
