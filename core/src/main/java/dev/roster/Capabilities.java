package dev.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider can do. Core's policy checks every request against these before any I/O, so a
 * request the vendor could not honour fails fast with an {@link UnsupportedCapabilityException}.
 *
 * @param roles the organisation roles an invitation may carry; empty when the vendor has no roles
 *     at invitation time
 * @param defaultRole the role given when a request names none
 * @param projectGrants whether invitations may grant project membership
 * @param projectRoles the roles a project grant may carry
 * @param revokeAccepted whether an accepted invitation can be revoked
 * @param maxPageSize the largest page the vendor returns
 * @param vendorAttributes the vendor-native request attributes accepted, each with its allowed
 *     values (an empty set allows any value)
 * @param members what the provider can do with members ({@link InvitationProvider#members()})
 * @param acceptedObservable whether an accepted invitation can still be read back ({@code find},
 *     {@code list}, {@code stream}) with status {@link InvitationStatus#ACCEPTED}; false where the
 *     vendor drops accepted invitations from its lists (GitHub), so they are simply gone
 */
public record Capabilities(
        Set<String> roles,
        Optional<String> defaultRole,
        boolean projectGrants,
        Set<String> projectRoles,
        boolean revokeAccepted,
        int maxPageSize,
        Map<String, Set<String>> vendorAttributes,
        MemberCapabilities members,
        boolean acceptedObservable) {

    /**
     * Checks the values and takes immutable copies.
     *
     * @param roles the organisation roles an invitation may carry; empty when the vendor has no roles at invitation time
     * @param defaultRole the role given when a request names none
     * @param projectGrants whether invitations may grant project membership
     * @param projectRoles the roles a project grant may carry
     * @param revokeAccepted whether an accepted invitation can be revoked
     * @param maxPageSize the largest page the vendor returns
     * @param vendorAttributes the vendor-native request attributes accepted, each with its allowed values (an empty set allows any value)
     * @param members what the provider can do with members
     * @param acceptedObservable whether an accepted invitation can still be read back with status ACCEPTED
     * @throws ProviderConfigurationException if a component is null or holds null, the default role is not one of the roles, or the page size is below 1
     */
    public Capabilities {
        roles = set(roles, "Capabilities roles");
        Checks.notNull(defaultRole, "Capabilities defaultRole", "Pass Optional.empty() when there is none.", Checks.ADAPTER);
        projectRoles = set(projectRoles, "Capabilities projectRoles");
        Map<String, Set<String>> attributes = new LinkedHashMap<>();
        Checks.map(vendorAttributes, "Capabilities vendorAttributes", "", Checks.ADAPTER)
                .forEach((name, values) -> attributes.put(name, set(values, "Capabilities vendorAttributes " + name)));
        vendorAttributes = Map.copyOf(attributes);
        Checks.notNull(members, "Capabilities members", "Pass MemberCapabilities.none() when there is no member support.",
                Checks.ADAPTER);
        if (defaultRole.isPresent() && !roles.contains(defaultRole.get())) {
            throw new ProviderConfigurationException("Capabilities defaultRole " + defaultRole.get() + " is not one of " + roles
                    + "; declare it among the roles.");
        }
        if (maxPageSize < 1) {
            throw new ProviderConfigurationException("Capabilities maxPageSize must be at least 1; got " + maxPageSize + ".");
        }
    }

    /**
     * Capabilities without member support and with accepted invitations observable: the form
     * before {@link #members()} and {@link #acceptedObservable()} existed.
     *
     * @param roles the organisation roles an invitation may carry; empty when the vendor has no roles at invitation time
     * @param defaultRole the role given when a request names none
     * @param projectGrants whether invitations may grant project membership
     * @param projectRoles the roles a project grant may carry
     * @param revokeAccepted whether an accepted invitation can be revoked
     * @param maxPageSize the largest page the vendor returns
     * @param vendorAttributes the vendor-native request attributes accepted, each with its allowed values (an empty set allows any value)
     * @throws ProviderConfigurationException as the canonical constructor does
     */
    public Capabilities(Set<String> roles, Optional<String> defaultRole, boolean projectGrants, Set<String> projectRoles,
            boolean revokeAccepted, int maxPageSize, Map<String, Set<String>> vendorAttributes) {
        this(roles, defaultRole, projectGrants, projectRoles, revokeAccepted, maxPageSize, vendorAttributes,
                MemberCapabilities.none(), true);
    }

    /** An immutable copy, refusing a null set or element with a configuration error naming the component. */
    private static Set<String> set(Collection<String> values, String component) {
        List<String> checked = Checks.list(values == null ? null : new ArrayList<>(values), component, "", Checks.ADAPTER);
        return Set.copyOf(new LinkedHashSet<>(checked));
    }

    /** The varargs as a list, refusing a null array or element with a configuration error naming the parameter. */
    private static List<String> args(String[] values, String parameter) {
        return Checks.list(values == null ? null : Arrays.asList(values), "Capabilities.Builder " + parameter, "",
                Checks.ADAPTER);
    }

    /**
     * Whether invitations carry an organisation role at this vendor.
     *
     * @return true if {@link #roles()} is not empty
     */
    public boolean supportsRoles() {
        return !roles.isEmpty();
    }

    /**
     * A builder; everything is unsupported until set, the page size is 100, and accepted invitations
     * are observable (the usual case: say {@link Builder#acceptedObservable(boolean) otherwise}).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Capabilities}. */
    public static final class Builder {
        private final Set<String> roles = new LinkedHashSet<>();
        private String defaultRole;
        private final Set<String> projectRoles = new LinkedHashSet<>();
        private boolean revokeAccepted;
        private int maxPageSize = 100;
        private final Map<String, Set<String>> vendorAttributes = new LinkedHashMap<>();
        private MemberCapabilities members = MemberCapabilities.none();
        private boolean acceptedObservable = true;

        private Builder() {}

        /**
         * Declares the organisation roles, the first being the default.
         *
         * @param defaultRole the role given when a request names none
         * @param otherRoles the other roles
         * @return this builder
         */
        public Builder roles(String defaultRole, String... otherRoles) {
            this.defaultRole = Checks.notNull(defaultRole, "Capabilities.Builder defaultRole", "", Checks.ADAPTER);
            roles.add(defaultRole);
            roles.addAll(args(otherRoles, "otherRoles"));
            return this;
        }

        /**
         * Declares that invitations may grant projects, with these project roles.
         *
         * @param roles the project roles
         * @return this builder
         */
        public Builder projectGrants(String... roles) {
            projectRoles.addAll(args(roles, "roles"));
            return this;
        }

        /**
         * Declares whether accepted invitations can be revoked.
         *
         * @param value true if they can
         * @return this builder
         */
        public Builder revokeAccepted(boolean value) {
            this.revokeAccepted = value;
            return this;
        }

        /**
         * Declares the largest page.
         *
         * @param value the page size
         * @return this builder
         */
        public Builder maxPageSize(int value) {
            this.maxPageSize = value;
            return this;
        }

        /**
         * Declares a vendor-native request attribute.
         *
         * @param name the attribute's name
         * @param allowedValues its allowed values; none means any value
         * @return this builder
         */
        public Builder vendorAttribute(String name, String... allowedValues) {
            Checks.notNull(name, "Capabilities.Builder vendorAttribute name", "", Checks.ADAPTER);
            vendorAttributes.put(name, new LinkedHashSet<>(args(allowedValues, "allowedValues")));
            return this;
        }

        /**
         * Declares what the provider can do with members; none until set.
         *
         * @param value the member capabilities, such as {@link MemberCapabilities#all()}
         * @return this builder
         */
        public Builder members(MemberCapabilities value) {
            this.members = Checks.notNull(value, "Capabilities.Builder members", "Pass MemberCapabilities.none() for no "
                    + "member support.", Checks.ADAPTER);
            return this;
        }

        /**
         * Declares whether an accepted invitation can still be read back as
         * {@link InvitationStatus#ACCEPTED}. True by default; declare false for a vendor that drops
         * accepted invitations from its lists (GitHub), so that nobody, the conformance contract
         * included, expects to see them: the adapter must not invent an ACCEPTED status it cannot see.
         *
         * @param value false if accepted invitations vanish
         * @return this builder
         */
        public Builder acceptedObservable(boolean value) {
            this.acceptedObservable = value;
            return this;
        }

        /**
         * Builds the capabilities.
         *
         * @return the capabilities
         */
        public Capabilities build() {
            return new Capabilities(roles, Optional.ofNullable(defaultRole), !projectRoles.isEmpty(), projectRoles,
                    revokeAccepted, maxPageSize, vendorAttributes, members, acceptedObservable);
        }
    }
}
