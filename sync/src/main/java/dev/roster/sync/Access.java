package dev.roster.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an invitation at one connection should carry: a role, projects and vendor attributes. Used
 * for a connection's defaults and for a person's overrides; {@link #overriddenBy} combines them.
 *
 * <p>Empty means "not said": an empty role is the provider's default role, empty projects the
 * vendor's default projects (which are then not compared with what a pending invitation carries),
 * while {@code Optional.of(List.of())} asks for no project at all. Values are checked by
 * {@link RosterSync#problems}, not here, so that every problem is reported at once.
 *
 * @param role the organisation role, or empty for the provider's default
 * @param projects exactly these projects when present (possibly none); the vendor's default when empty
 * @param attributes vendor-native settings, such as Confluent's {@code auth_type}
 */
public record Access(Optional<String> role, Optional<List<ProjectAccess>> projects, Map<String, String> attributes) {

    private static final Access NONE = new Access(Optional.empty(), Optional.empty(), Map.of());

    /**
     * Checks that nothing is null and takes immutable copies.
     *
     * @param role the organisation role, or empty for the provider's default
     * @param projects exactly these projects when present (possibly none); the vendor's default when empty
     * @param attributes vendor-native settings, such as Confluent's {@code auth_type}
     * @throws dev.roster.InvalidRequestException if a component, a project or an attribute is null
     */
    public Access {
        Checks.required(role, "Access.role");
        projects = Checks.required(projects, "Access.projects").map(p -> Checks.list(p, "Access.projects"));
        attributes = Checks.orderedMap(attributes, "Access.attributes");
    }

    /**
     * Nothing said: the provider's default role, the vendor's default projects, no attributes.
     *
     * @return the empty access
     */
    public static Access none() {
        return NONE;
    }

    /**
     * This access with a role.
     *
     * @param value the role
     * @return a copy with the role set
     */
    public Access withRole(String value) {
        return new Access(Optional.of(Checks.required(value, "role")), projects, attributes);
    }

    /**
     * This access with exactly these projects (an empty list means none at all).
     *
     * @param value the projects
     * @return a copy with the projects set
     */
    public Access withProjects(List<ProjectAccess> value) {
        return new Access(role, Optional.of(Checks.list(value, "projects")), attributes);
    }

    /**
     * This access with one more vendor attribute.
     *
     * @param key the attribute's name, such as {@code auth_type}
     * @param value its value
     * @return a copy with the attribute set
     */
    public Access withAttribute(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(Checks.required(key, "attribute name"), Checks.required(value, "attribute value"));
        return new Access(role, projects, more);
    }

    /**
     * This access (a connection's defaults) with what the other (a person's overrides) says on top:
     * its role and projects where present, its attributes added to these.
     *
     * @param override what a person's entry says
     * @return the access to invite the person with
     */
    public Access overriddenBy(Access override) {
        Checks.required(override, "override");
        Map<String, String> merged = new LinkedHashMap<>(attributes);
        merged.putAll(override.attributes);
        return new Access(override.role.or(() -> role), override.projects.or(() -> projects), merged);
    }
}
