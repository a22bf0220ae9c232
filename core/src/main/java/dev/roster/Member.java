package dev.roster;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A member of a vendor's organisation: a person who accepted an invitation (or joined by another of
 * the vendor's ways), as the vendor reports them, in provider-neutral terms. Immutable.
 *
 * <p>Like an {@link Invitation}, a member is what a vendor answered: one built without a required
 * value is refused with a {@link ProviderUnavailableException} (an answer that cannot be read), never
 * judged by the rules for caller input.
 *
 * @param id the vendor's id for the user (OpenAI {@code user_abc}, Confluent {@code u-12345}); pass it
 *     to {@link Members#find} and {@link Members#remove}
 * @param email the member's address, where the vendor tells it (OpenAI's is nullable in its
 *     contract; some vendors never reveal it)
 * @param role the organisation role, where the vendor has roles
 * @param joinedAt when the person became a member, where the vendor says
 * @param serviceAccount whether the vendor says this member is a service account rather than a person
 *     (never offboarded by email, never pruned)
 * @param provider the id of the provider that reported it, such as {@code "openai"}
 * @param attributes vendor-native fields with no neutral home (OpenAI's {@code name}, Confluent's
 *     {@code auth_type}): nothing the vendor said is lost
 */
public record Member(
        String id,
        Optional<String> email,
        Optional<String> role,
        Optional<Instant> joinedAt,
        boolean serviceAccount,
        String provider,
        Map<String, String> attributes) {

    /**
     * Checks that nothing is null and takes an immutable copy of the attributes.
     *
     * @param id the vendor's id for the user; pass it to {@link Members#find} and {@link Members#remove}
     * @param email the member's address, where the vendor tells it
     * @param role the organisation role, where the vendor has roles
     * @param joinedAt when the person became a member, where the vendor says
     * @param serviceAccount whether the vendor says this member is a service account rather than a person
     * @param provider the id of the provider that reported it, such as {@code "openai"}
     * @param attributes vendor-native fields with no neutral home: nothing the vendor said is lost
     * @throws ProviderUnavailableException if a component is null, or an attribute is null, naming
     *     which: the answer it came from cannot be read (an unknown outcome), never an input error
     */
    public Member {
        String vendor = provider;
        Supplier<String> unreadable = () -> "The " + (vendor == null ? "" : vendor + " ") + "adapter built a member from an answer "
                + "it could not read; the vendor's answer must carry it.";
        required(provider, "provider", unreadable);
        required(id, "id", unreadable);
        required(email, "email", unreadable);
        required(role, "role", unreadable);
        required(joinedAt, "joinedAt", unreadable);
        attributes = Checks.map(attributes, "A member's attributes", unreadable, Checks.ANSWER);
    }

    private static void required(Object value, String component, Supplier<String> unreadable) {
        if (value == null) { // the message only when it is needed: this runs for every component of every member read
            Checks.notNull(null, "A member's " + component, unreadable.get(), Checks.ANSWER);
        }
    }

    /**
     * A builder, for adapters turning a vendor payload into a member.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this member's values, to derive a changed copy.
     *
     * @return a builder holding this member's values
     */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).provider(provider).serviceAccount(serviceAccount);
        b.email = email.orElse(null);
        b.role = role.orElse(null);
        b.joinedAt = joinedAt.orElse(null);
        b.attributes.putAll(attributes);
        return b;
    }

    /** Builds a {@link Member}; optional values left unset are empty. */
    public static final class Builder {
        private String id;
        private String email;
        private String role;
        private Instant joinedAt;
        private boolean serviceAccount;
        private String provider;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets the vendor's user id.
         *
         * @param value the id
         * @return this builder
         * @throws ProviderUnavailableException if it is null: the answer it came from cannot be read
         */
        public Builder id(String value) {
            this.id = Checks.notNull(value, "A member's id", "The adapter read an answer without it.", Checks.ANSWER);
            return this;
        }

        /**
         * Sets the member's address.
         *
         * @param value the address, or null where the vendor does not tell it
         * @return this builder
         */
        public Builder email(String value) {
            this.email = value;
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
         * Sets when the person became a member.
         *
         * @param value the time, or null if unknown
         * @return this builder
         */
        public Builder joinedAt(Instant value) {
            this.joinedAt = value;
            return this;
        }

        /**
         * Sets whether the member is a service account.
         *
         * @param value true for a service account
         * @return this builder
         */
        public Builder serviceAccount(boolean value) {
            this.serviceAccount = value;
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
            this.provider = Checks.notNull(value, "A member's provider", "The adapter read an answer without it.", Checks.ANSWER);
            return this;
        }

        /**
         * Adds a vendor-native attribute; a null value is skipped.
         *
         * @param key the attribute's name, such as {@code "name"}
         * @param value its value, or null
         * @return this builder
         */
        public Builder attribute(String key, String value) {
            if (value != null) {
                attributes.put(Checks.notNull(key, "A member attribute's key", "", Checks.ANSWER), value);
            }
            return this;
        }

        /**
         * Builds the member.
         *
         * @return the member
         * @throws ProviderUnavailableException if the id or provider is missing (see
         *     {@link Member#Member the constructor})
         */
        public Member build() {
            return new Member(id, Optional.ofNullable(email), Optional.ofNullable(role), Optional.ofNullable(joinedAt),
                    serviceAccount, provider, attributes);
        }
    }
}
