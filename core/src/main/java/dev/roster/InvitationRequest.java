package dev.roster;

import dev.roster.spi.InputRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to invite: an email address and, where the vendor supports them, a role, project grants
 * and vendor-native attributes. Build one with {@link #builder(String)}.
 *
 * <pre>{@code
 * InvitationRequest request = InvitationRequest.builder("ada@example.com")
 *         .role("reader")
 *         .project("proj_abc", "member")
 *         .build();
 * }</pre>
 *
 * <p><b>Projects: unspecified is not the same as none.</b> {@link #projects()} is empty when the
 * caller said nothing, which leaves project membership to the vendor's default (at OpenAI: the
 * organisation's default project). {@link Builder#noProjects()} asks explicitly for no project at
 * all, and {@link Builder#project} for exactly the listed ones.
 *
 * @param email the address to invite, trimmed and checked by {@link InputRules#email(String)}
 * @param role the organisation role; empty for the provider's default role
 * @param projects exactly these project grants when present (possibly none); the vendor's default
 *     when empty
 * @param attributes vendor-native settings, such as Confluent's {@code auth_type}; each must be
 *     one the provider declares in {@link Capabilities#vendorAttributes()}
 */
public record InvitationRequest(
        String email, Optional<String> role, Optional<List<ProjectGrant>> projects, Map<String, String> attributes) {

    /**
     * Checks the email and takes immutable copies.
     *
     * @param email the address to invite, trimmed and checked by {@link InputRules#email(String)}
     * @param role the organisation role; empty for the provider's default role
     * @param projects exactly these project grants when present (possibly none); the vendor's default when empty
     * @param attributes vendor-native settings, such as Confluent's {@code auth_type}; each must be one the provider declares in {@link Capabilities#vendorAttributes()}
     * @throws InvalidRequestException if the email is invalid, the role is blank, or a project id is not one
     *     {@link InputRules#projectId(String)} accepts
     */
    public InvitationRequest {
        email = InputRules.email(email);
        Objects.requireNonNull(role, "role");
        if (role.isPresent() && role.get().isBlank()) {
            throw new InvalidRequestException("The role must not be blank: leave it out to get the provider's default role.");
        }
        projects = Objects.requireNonNull(projects, "projects").map(List::copyOf);
        projects.ifPresent(grants -> grants.forEach(grant -> InputRules.projectId(grant.projectId())));
        attributes = Map.copyOf(attributes);
    }

    /**
     * Starts a request for the given address.
     *
     * @param email the address to invite
     * @return a builder
     */
    public static Builder builder(String email) {
        return new Builder(email);
    }

    /**
     * A request with nothing but an email address: default role, vendor's default projects.
     *
     * @param email the address to invite
     * @return the request
     * @throws InvalidRequestException if the email is invalid
     */
    public static InvitationRequest of(String email) {
        return builder(email).build();
    }

    /** Builds an {@link InvitationRequest}. */
    public static final class Builder {
        private final String email;
        private String role;
        private List<ProjectGrant> projects;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String email) {
            this.email = email;
        }

        /**
         * Sets the organisation role, one of the provider's {@link Capabilities#roles()}.
         *
         * @param value the role, or null for the provider's default
         * @return this builder
         */
        public Builder role(String value) {
            this.role = value;
            return this;
        }

        /**
         * Adds a project grant; the invitation then grants exactly the projects added.
         *
         * @param projectId the vendor's project id
         * @param projectRole the role in that project, one of {@link Capabilities#projectRoles()}
         * @return this builder
         * @throws InvalidRequestException if either part is blank, or the project id is not one
         *     {@link InputRules#projectId(String)} accepts
         */
        public Builder project(String projectId, String projectRole) {
            ProjectGrant grant = new ProjectGrant(InputRules.projectId(projectId), projectRole);
            if (projects == null) {
                projects = new ArrayList<>();
            }
            projects.add(grant);
            return this;
        }

        /**
         * Replaces the project grants with exactly these (an empty list means no project at all).
         *
         * @param grants the grants
         * @return this builder
         */
        public Builder projects(List<ProjectGrant> grants) {
            this.projects = new ArrayList<>(Objects.requireNonNull(grants, "grants"));
            return this;
        }

        /**
         * Asks for no project membership at all, not even the vendor's default project.
         *
         * @return this builder
         */
        public Builder noProjects() {
            this.projects = new ArrayList<>();
            return this;
        }

        /**
         * Sets a vendor-native attribute, such as {@code auth_type} at Confluent.
         *
         * @param key the attribute's name
         * @param value its value
         * @return this builder
         * @throws InvalidRequestException if the key or value is null or blank
         */
        public Builder attribute(String key, String value) {
            if (key == null || key.isBlank() || value == null || value.isBlank()) {
                throw new InvalidRequestException("A vendor attribute needs a name and a value; got "
                        + InputRules.quote(key) + "=" + InputRules.quote(value) + ".");
            }
            attributes.put(key, value);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws InvalidRequestException if the email is invalid
         */
        public InvitationRequest build() {
            return new InvitationRequest(email, Optional.ofNullable(role), Optional.ofNullable(projects), attributes);
        }
    }
}
