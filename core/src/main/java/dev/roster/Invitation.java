package dev.roster;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An invitation as a vendor reports it, in provider-neutral terms. Immutable.
 *
 * @param id the vendor's id for the invitation; pass it to {@link InvitationProvider#find} and
 *     {@link InvitationProvider#revoke}
 * @param email the invited address, as the vendor stored it
 * @param role the organisation role granted on acceptance, where the vendor has roles
 * @param status where the invitation is in its life
 * @param createdAt when it was sent, if the vendor said
 * @param expiresAt when it stops being acceptable, if the vendor said
 * @param acceptedAt when it was accepted, if it was
 * @param projects vendor sub-scopes (OpenAI projects) granted on acceptance
 * @param provider the id of the provider that reported it, such as {@code "openai"}
 * @param attributes vendor-native fields with no neutral home (Confluent's {@code auth_type},
 *     {@code user.id}, a raw status Roster does not know): nothing the vendor said is lost
 */
public record Invitation(
        String id,
        String email,
        Optional<String> role,
        InvitationStatus status,
        Optional<Instant> createdAt,
        Optional<Instant> expiresAt,
        Optional<Instant> acceptedAt,
        List<ProjectGrant> projects,
        String provider,
        Map<String, String> attributes) {

    /**
     * Checks that nothing is null and takes immutable copies of the collections.
     *
     * @param id the vendor's id for the invitation; pass it to {@link InvitationProvider#find} and {@link InvitationProvider#revoke}
     * @param email the invited address, as the vendor stored it
     * @param role the organisation role granted on acceptance, where the vendor has roles
     * @param status where the invitation is in its life
     * @param createdAt when it was sent, if the vendor said
     * @param expiresAt when it stops being acceptable, if the vendor said
     * @param acceptedAt when it was accepted, if it was
     * @param projects vendor sub-scopes (OpenAI projects) granted on acceptance
     * @param provider the id of the provider that reported it, such as {@code "openai"}
     * @param attributes vendor-native fields with no neutral home (Confluent's {@code auth_type}, {@code user.id}, a raw status Roster does not know): nothing the vendor said is lost
     * @throws ProviderUnavailableException if a component is null, or a project or attribute is null,
     *     naming which: an invitation is what a vendor answered, and an answer without a required value
     *     cannot be read (an unknown outcome, which core retries and looks up), never an input error
     */
    public Invitation {
        String vendor = provider;
        Supplier<String> unreadable = () -> "The " + (vendor == null ? "" : vendor + " ") + "adapter built an invitation from an "
                + "answer it could not read; the vendor's answer must carry it.";
        required(provider, "provider", unreadable);
        required(id, "id", unreadable);
        required(email, "email", unreadable);
        required(role, "role", unreadable);
        required(status, "status", unreadable);
        required(createdAt, "createdAt", unreadable);
        required(expiresAt, "expiresAt", unreadable);
        required(acceptedAt, "acceptedAt", unreadable);
        projects = Checks.list(projects, "An invitation's projects", unreadable, Checks.ANSWER);
        attributes = Checks.map(attributes, "An invitation's attributes", unreadable, Checks.ANSWER);
    }

    private static void required(Object value, String component, Supplier<String> unreadable) {
        if (value == null) { // the message only when it is needed: this runs for every component of every invitation read
            Checks.notNull(null, "An invitation's " + component, unreadable.get(), Checks.ANSWER);
        }
    }

    /**
     * Whether the invitation is waiting to be accepted.
     *
     * @return true if its status is {@link InvitationStatus#PENDING}
     */
    public boolean isPending() {
        return status == InvitationStatus.PENDING;
    }

    /**
     * A builder, for adapters turning a vendor payload into an invitation.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this invitation's values, to derive a changed copy.
     *
     * @return a builder holding this invitation's values
     */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).email(email).status(status).provider(provider).projects(projects);
        b.role = role.orElse(null);
        b.createdAt = createdAt.orElse(null);
        b.expiresAt = expiresAt.orElse(null);
        b.acceptedAt = acceptedAt.orElse(null);
        if (!attributes.isEmpty()) {
            b.attributes = new LinkedHashMap<>(attributes);
        }
        return b;
    }

    /** Builds an {@link Invitation}; optional values left unset are empty. */
    public static final class Builder {
        private String id;
        private String email;
        private String role;
        private InvitationStatus status = InvitationStatus.UNKNOWN;
        private Instant createdAt;
        private Instant expiresAt;
        private Instant acceptedAt;
        private List<ProjectGrant> projects = List.of();
        private String provider;
        /** Null until the first attribute: most invitations have none, and this runs for each one read. */
        private Map<String, String> attributes;

        private Builder() {}

        /**
         * Sets the vendor's id.
         *
         * @param value the id
         * @return this builder
         * @throws ProviderUnavailableException if it is null: the answer it came from cannot be read
         */
        public Builder id(String value) {
            this.id = Checks.notNull(value, "An invitation's id", "The adapter read an answer without it.", Checks.ANSWER);
            return this;
        }

        /**
         * Sets the invited address.
         *
         * @param value the address
         * @return this builder
         * @throws ProviderUnavailableException if it is null: the answer it came from cannot be read
         */
        public Builder email(String value) {
            this.email = Checks.notNull(value, "An invitation's email", "The adapter read an answer without it.", Checks.ANSWER);
            return this;
        }

        /**
         * Sets the organisation role.
         *
         * @param value the role, or null for none
         * @return this builder
         */
        public Builder role(String value) {
            this.role = value;
            return this;
        }

        /**
         * Sets the status.
         *
         * @param value the status
         * @return this builder
         * @throws ProviderUnavailableException if it is null: the answer it came from cannot be read
         */
        public Builder status(InvitationStatus value) {
            this.status = Checks.notNull(value, "An invitation's status", "The adapter read an answer without it.", Checks.ANSWER);
            return this;
        }

        /**
         * Sets when it was sent.
         *
         * @param value the time, or null if unknown
         * @return this builder
         */
        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        /**
         * Sets when it expires.
         *
         * @param value the time, or null if unknown
         * @return this builder
         */
        public Builder expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        /**
         * Sets when it was accepted.
         *
         * @param value the time, or null if not accepted
         * @return this builder
         */
        public Builder acceptedAt(Instant value) {
            this.acceptedAt = value;
            return this;
        }

        /**
         * Sets the project grants.
         *
         * @param value the grants, or null for none
         * @return this builder
         */
        public Builder projects(List<ProjectGrant> value) {
            this.projects = value == null ? List.of() : value;
            return this;
        }

        /**
         * Sets the id of the reporting provider.
         *
         * @param value the provider id
         * @return this builder
         * @throws ProviderUnavailableException if it is null: the answer it came from cannot be read
         */
        public Builder provider(String value) {
            this.provider = Checks.notNull(value, "An invitation's provider", "The adapter read an answer without it.", Checks.ANSWER);
            return this;
        }

        /**
         * Adds a vendor-native attribute; a null value is skipped.
         *
         * @param key the attribute's name, such as {@code "auth_type"}
         * @param value its value, or null
         * @return this builder
         */
        public Builder attribute(String key, String value) {
            if (value != null) {
                if (attributes == null) {
                    attributes = new LinkedHashMap<>();
                }
                attributes.put(Checks.notNull(key, "An invitation attribute's key", "", Checks.ANSWER), value);
            }
            return this;
        }

        /**
         * Builds the invitation.
         *
         * @return the invitation
         * @throws ProviderUnavailableException if the id, email, status or provider is missing (see
         *     {@link Invitation#Invitation the constructor})
         */
        public Invitation build() {
            return new Invitation(id, email, Optional.ofNullable(role), status, Optional.ofNullable(createdAt),
                    Optional.ofNullable(expiresAt), Optional.ofNullable(acceptedAt), projects, provider,
                    attributes == null ? Map.of() : attributes);
        }
    }
}
