/**
 * Roster's provider-neutral API: {@link dev.roster.InvitationProvider}, the domain model,
 * classpath discovery through {@link dev.roster.InvitationProviders}, and the policy (validation,
 * idempotent invites, lazy pagination) that core applies around every adapter.
 *
 * <p>Adapters register a {@link dev.roster.spi.InvitationProviderFactory} with
 * {@code provides dev.roster.spi.InvitationProviderFactory with ...;} in their own module
 * descriptor (and a {@code META-INF/services} entry for the class path).
 */
module dev.roster.core {
    exports dev.roster;
    exports dev.roster.spi;

    uses dev.roster.spi.InvitationProviderFactory;
}
