/**
 * What an adapter implements to plug a vendor into Roster: an
 * {@link dev.roster.spi.InvitationProviderFactory} registered with {@link java.util.ServiceLoader}.
 */
package dev.roster.spi;
