package dev.roster;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 */
public record Capabilities(
        Set<String> roles,
        Optional<String> defaultRole,
        boolean projectGrants,
        Set<String> projectRoles,
        boolean revokeAccepted,
        int maxPageSize,
        Map<String, Set<String>> vendorAttributes) {

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
     * @throws IllegalArgumentException if the default role is not one of the roles, or the page size is below 1
     */
    public Capabilities {
        roles = Set.copyOf(new LinkedHashSet<>(roles));
        Objects.requireNonNull(defaultRole, "defaultRole");
        projectRoles = Set.copyOf(projectRoles);
        Map<String, Set<String>> attributes = new LinkedHashMap<>();
        vendorAttributes.forEach((name, values) -> attributes.put(name, Set.copyOf(values)));
        vendorAttributes = Map.copyOf(attributes);
        if (defaultRole.isPresent() && !roles.contains(defaultRole.get())) {
            throw new IllegalArgumentException("defaultRole " + defaultRole.get() + " is not one of " + roles);
        }
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("maxPageSize must be at least 1; got " + maxPageSize);
        }
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
     * A builder; everything is unsupported until set, and the page size is 100.
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

        private Builder() {}

        /**
         * Declares the organisation roles, the first being the default.
         *
         * @param defaultRole the role given when a request names none
         * @param otherRoles the other roles
         * @return this builder
         */
        public Builder roles(String defaultRole, String... otherRoles) {
            this.defaultRole = Objects.requireNonNull(defaultRole, "defaultRole");
            roles.add(defaultRole);
            roles.addAll(List.of(otherRoles));
            return this;
        }

        /**
         * Declares that invitations may grant projects, with these project roles.
         *
         * @param roles the project roles
         * @return this builder
         */
        public Builder projectGrants(String... roles) {
            projectRoles.addAll(List.of(roles));
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
            vendorAttributes.put(name, new LinkedHashSet<>(List.of(allowedValues)));
            return this;
        }

        /**
         * Builds the capabilities.
         *
         * @return the capabilities
         */
        public Capabilities build() {
            return new Capabilities(roles, Optional.ofNullable(defaultRole), !projectRoles.isEmpty(), projectRoles,
                    revokeAccepted, maxPageSize, vendorAttributes);
        }
    }
}
