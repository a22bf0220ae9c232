/**
 * The API applications code against.
 *
 * <p>Start with {@link dev.roster.InvitationProviders#loadDefault(dev.roster.ProviderConfig)} or
 * {@link dev.roster.InvitationProviders#load(java.lang.String, dev.roster.ProviderConfig)}; every
 * failure is a subclass of the unchecked {@link dev.roster.RosterException}.
 */
package dev.roster;
