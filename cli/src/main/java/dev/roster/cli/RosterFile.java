package dev.roster.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.roster.ProviderConfig;
import dev.roster.sync.Access;
import dev.roster.sync.ConnectionSpec;
import dev.roster.sync.DesiredState;
import dev.roster.sync.Person;
import dev.roster.sync.ProjectAccess;
import dev.roster.sync.Prune;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code roster.yaml} read into the engine's {@link DesiredState}, with every problem of the file
 * at once, each at its line and column. Credentials are only {@code ${ENV_VAR}} references, resolved
 * from the run's environment; a literal value is refused, and never repeated in a message.
 *
 * <pre>
 * vendors:                     # connection name -> provider id, optional base URI and credentials
 *   openai: {provider: openai, credentials: {OPENAI_ADMIN_KEY: ${OPENAI_ADMIN_KEY}}, prune: pending}
 * defaults:                    # per vendor: role, projects, attributes
 *   openai: {role: reader}
 * people:
 *   - email: ada@example.com
 *     vendors: {openai: {role: owner}}
 *   - email: grace@example.com
 *     vendors: [openai]
 * </pre>
 */
final class RosterFile {

    /** The keys of the file's top level. */
    static final Set<String> ROOT_KEYS = Set.of("vendors", "defaults", "people");
    /** The keys of a vendor (a connection). */
    static final Set<String> VENDOR_KEYS = Set.of("provider", "base_uri", "credentials", "prune");
    /** The keys of a vendor's defaults and of a person's entry at a vendor. */
    static final Set<String> ACCESS_KEYS = Set.of("role", "projects", "attributes");
    /** The keys of a person. */
    static final Set<String> PERSON_KEYS = Set.of("email", "vendors");
    /** The keys of a project. */
    static final Set<String> PROJECT_KEYS = Set.of("id", "role");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * One problem of the file.
     *
     * @param position where
     * @param path the path in the engine's terms, for tests and JSON
     * @param message what is wrong and what to do
     */
    record FileProblem(RosterFileLocations.Position position, String path, String message) {
        @Override
        public String toString() {
            return position + ": " + (path.isEmpty() ? "" : path + ": ") + message;
        }
    }

    /**
     * How to reach one connection, as the file says it.
     *
     * @param name the connection's name
     * @param providerId the provider id
     * @param credentials credential variable name to its value, resolved; empty to use the run's own environment
     * @param baseUri the base URI the file gives, resolved
     */
    record Connection(String name, String providerId, Map<String, String> credentials, Optional<String> baseUri) {}

    private final String fileName;
    private final Map<String, String> environment;
    private final Set<String> providerIds;
    private final List<FileProblem> problems = new ArrayList<>();
    private final List<FileProblem> unset = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private RosterFileLocations locations;
    private DesiredState state = new DesiredState(List.of(), List.of());

    private RosterFile(String fileName, Map<String, String> environment, Set<String> providerIds) {
        this.fileName = fileName;
        this.environment = environment;
        this.providerIds = providerIds;
    }

    /**
     * Reads a file's text.
     *
     * @param fileName the file's name, for messages
     * @param text its content
     * @param environment the variables {@code ${...}} references are resolved from
     * @param providerIds the provider ids on the class path
     * @return the file, with its problems (possibly none)
     */
    static RosterFile parse(String fileName, String text, Map<String, String> environment, Set<String> providerIds) {
        RosterFile file = new RosterFile(fileName, environment, providerIds);
        JsonNode root;
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            file.locations = RosterFileLocations.read(parser);
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            RosterFileLocations.Position at = e.getLocation() == null ? new RosterFileLocations.Position(1, 1)
                    : RosterFileLocations.Position.of(e.getLocation());
            file.problems.add(new FileProblem(at, "", "this is not YAML Roster can read: " + yamlError(e.getOriginalMessage(), text)));
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        file.locations.duplicates().forEach(d -> file.problems.add(new FileProblem(d.position(), d.path(),
                "this key is given twice; keep one")));
        file.read(root == null ? YAML.createObjectNode() : root);
        return file;
    }

    /** The parser's message on one line, without its excerpt of the file (the position says where). */
    private static String yamlError(String message, String text) {
        String said = message == null ? "" : message.lines().filter(line -> !line.isBlank() && !line.startsWith(" "))
                .map(String::strip).collect(java.util.stream.Collectors.joining("; "));
        return said + (text.contains("${") && said.contains("flow")
                ? "; a ${VAR} reference inside { } or [ ] needs quotes: \"${VAR}\"" : "");
    }

    /** The desired state the file describes (built even when it has problems, for the engine's checks). */
    DesiredState state() {
        return state;
    }

    /** The connections, in the file's order. */
    List<Connection> connections() {
        return connections;
    }

    /** The file's problems, in file order of discovery. */
    List<FileProblem> problems() {
        return problems;
    }

    /** References to variables that are not set. */
    List<FileProblem> unsetVariables() {
        return unset;
    }

    /** The values the file's credential references resolved to, for the run's redactor. */
    List<String> secrets() {
        return secrets;
    }

    /** The file's name, for messages. */
    String fileName() {
        return fileName;
    }

    /**
     * The problem at a path the engine reported.
     *
     * @param path the engine's path
     * @param message the engine's message
     * @return the problem, at its position
     */
    FileProblem locate(String path, String message) {
        return new FileProblem(locations.at(path), path, message);
    }

    private void read(JsonNode root) {
        if (!root.isObject()) {
            problem("", "the file must be a mapping with vendors:, defaults: and people:");
            return;
        }
        keys("", root, ROOT_KEYS);
        List<ConnectionSpec> specs = new ArrayList<>();
        Map<String, Access> defaults = defaults(root.get("defaults"));
        JsonNode vendors = root.get("vendors");
        if (vendors == null || vendors.isNull()) {
            problem("", "vendors: is missing; declare at least one, such as vendors: {openai: {provider: openai}}");
        } else if (!vendors.isObject()) {
            problem("vendors", "vendors: must be a mapping of vendor names to their settings");
        } else {
            vendors.properties().forEach(e -> connection(e.getKey(), e.getValue(),
                    defaults.getOrDefault(e.getKey(), Access.none())).ifPresent(specs::add));
            defaults.keySet().stream().filter(name -> !vendors.has(name)).forEach(name -> keyProblem("defaults." + name,
                    "defaults for an unknown vendor " + quote(name) + "; declare it under vendors: or remove these defaults"));
        }
        List<Person> people = new ArrayList<>();
        JsonNode list = root.get("people");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                problem("people", "people: must be a list of entries such as - email: ada@example.com");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    people.add(person("people[" + i + "]", list.get(i)));
                }
            }
        }
        state = new DesiredState(specs, people);
    }

    private Optional<ConnectionSpec> connection(String name, JsonNode node, Access defaults) {
        String path = "vendors." + name;
        if (!node.isObject()) {
            problem(path, "a vendor's settings are a mapping, such as {provider: openai}");
            return Optional.empty();
        }
        keys(path, node, VENDOR_KEYS);
        Optional<String> provider = text(path + ".provider", node.get("provider"));
        if (provider.isEmpty()) {
            keyProblem(path, "provider: is missing; name the provider this vendor uses, one of " + new java.util.TreeSet<>(providerIds));
            return Optional.empty();
        }
        if (!providerIds.contains(provider.get())) {
            problem(path + ".provider", "unknown provider " + quote(provider.get()) + "; the providers here are " + new java.util.TreeSet<>(providerIds));
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        JsonNode given = node.get("credentials");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                problem(path + ".credentials", "credentials: maps a credential name to a ${ENV_VAR} reference");
            } else {
                given.properties().forEach(e -> credential(path + ".credentials." + e.getKey(), e.getKey(), e.getValue())
                        .ifPresent(value -> credentials.put(e.getKey(), value)));
            }
        }
        Optional<String> baseUri = text(path + ".base_uri", node.get("base_uri")).flatMap(raw -> resolve(path + ".base_uri", raw));
        Optional<URI> endpoint = Optional.empty();
        if (baseUri.isPresent()) {
            try {
                URI uri = new URI(baseUri.get());
                if (!uri.isAbsolute() || uri.getHost() == null) {
                    throw new URISyntaxException(baseUri.get(), "not an absolute http(s) URI");
                }
                endpoint = Optional.of(uri);
            } catch (URISyntaxException e) {
                problem(path + ".base_uri", "not a usable base URI (" + e.getReason() + "); give one such as https://api.example.com/v1");
            }
        }
        Prune prune = prune(path + ".prune", node.get("prune"));
        connections.add(new Connection(name, provider.get(), credentials, baseUri));
        ConnectionSpec spec = new ConnectionSpec(name, provider.get(), endpoint, defaults, prune);
        return Optional.of(spec);
    }

    private Optional<String> credential(String path, String name, JsonNode value) {
        if (!ProviderConfig.KNOWN_CREDENTIALS.contains(name)) {
            keyProblem(path, "unknown credential " + quote(name) + "; the credentials are " + ProviderConfig.KNOWN_CREDENTIALS);
        }
        if (value == null || !value.isTextual() || !REFERENCE.matcher(value.asText().strip()).matches()) {
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                secrets.add(value.asText().strip());
            }
            // Never repeat the value: it may be a real key pasted by mistake.
            problem(path, "a credential in the file must be a reference such as ${" + name + "}, never the secret itself: "
                    + "the file is meant to be shared and committed, the key is not. Put the value in an environment "
                    + "variable and refer to it");
            return Optional.empty();
        }
        return resolve(path, value.asText().strip()).map(resolved -> {
            secrets.add(resolved);
            return resolved;
        });
    }

    /** Resolves a value that may be one ${ENV_VAR} reference; an unset variable is recorded. */
    private Optional<String> resolve(String path, String raw) {
        Matcher reference = REFERENCE.matcher(raw.strip());
        if (!reference.matches()) {
            return Optional.of(raw.strip());
        }
        String variable = reference.group(1);
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            unset.add(new FileProblem(locations.at(path), path, "the variable " + variable + " is not set; export it "
                    + "(./roster sandbox prints the lines for its simulators)"));
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    private Prune prune(String path, JsonNode node) {
        if (node == null || node.isNull() || (node.isBoolean() && !node.asBoolean())) {
            return Prune.OFF;
        }
        if (node.isTextual() && node.asText().equals("pending")) {
            return Prune.PENDING;
        }
        if (node.isTextual() && node.asText().equals("members")) {
            return Prune.MEMBERS;
        }
        if (node.isTextual() && node.asText().equals("false")) {
            return Prune.OFF;
        }
        problem(path, "prune: is false (the default: leave others' invitations alone), pending (revoke the pending "
                + "invitations of people the file does not list here) or members (also remove their memberships, at a "
                + "vendor that can)");
        return Prune.OFF;
    }

    private Map<String, Access> defaults(JsonNode node) {
        Map<String, Access> defaults = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return defaults;
        }
        if (!node.isObject()) {
            problem("defaults", "defaults: must be a mapping of vendor names to {role, projects, attributes}");
            return defaults;
        }
        node.properties().forEach(e -> defaults.put(e.getKey(), access("defaults." + e.getKey(), e.getValue())));
        return defaults;
    }

    private Person person(String path, JsonNode node) {
        if (!node.isObject()) {
            problem(path, "a person is a mapping such as {email: ada@example.com, vendors: [openai]}");
            return Person.of(null);
        }
        keys(path, node, PERSON_KEYS);
        // A missing email is the engine's to report, at this person's position.
        String email = text(path + ".email", node.get("email")).orElse(null);
        Person person = Person.of(email);
        JsonNode vendors = node.get("vendors");
        if (vendors == null || vendors.isNull()) {
            keyProblem(path, "vendors: is missing; list the vendors this person belongs to, such as vendors: [openai]");
        } else if (vendors.isArray()) {
            for (int j = 0; j < vendors.size(); j++) {
                Optional<String> name = text(path + ".vendors[" + j + "]", vendors.get(j));
                if (name.isPresent()) {
                    locations.alias(path + ".vendors." + name.get(), path + ".vendors[" + j + "]");
                    person = person.at(name.get());
                }
            }
        } else if (vendors.isObject()) {
            for (Map.Entry<String, JsonNode> entry : vendors.properties()) {
                person = person.at(entry.getKey(), access(path + ".vendors." + entry.getKey(), entry.getValue()));
            }
        } else {
            problem(path + ".vendors", "vendors: is a list of vendor names, or a mapping of names to {role, projects, attributes}");
        }
        return person;
    }

    private Access access(String path, JsonNode node) {
        Access access = Access.none();
        if (node == null || node.isNull()) {
            return access;
        }
        if (!node.isObject()) {
            problem(path, "expected a mapping of role, projects and attributes (or nothing, for the defaults)");
            return access;
        }
        keys(path, node, ACCESS_KEYS);
        Optional<String> role = text(path + ".role", node.get("role"));
        if (role.isPresent()) {
            access = access.withRole(role.get());
        }
        JsonNode projects = node.get("projects");
        if (projects != null && !projects.isNull()) {
            if (!projects.isArray()) {
                problem(path + ".projects", "projects: is a list such as [{id: proj_abc, role: member}] ([] for none)");
            } else {
                List<ProjectAccess> list = new ArrayList<>();
                for (int j = 0; j < projects.size(); j++) {
                    String at = path + ".projects[" + j + "]";
                    JsonNode project = projects.get(j);
                    if (!project.isObject()) {
                        problem(at, "a project is a mapping such as {id: proj_abc, role: member}");
                        continue;
                    }
                    keys(at, project, PROJECT_KEYS);
                    list.add(ProjectAccess.of(text(at + ".id", project.get("id")).orElse(null),
                            text(at + ".role", project.get("role")).orElse(null)));
                }
                access = access.withProjects(list);
            }
        }
        JsonNode attributes = node.get("attributes");
        if (attributes != null && !attributes.isNull()) {
            if (!attributes.isObject()) {
                problem(path + ".attributes", "attributes: is a mapping of vendor attribute names to values");
            } else {
                for (Map.Entry<String, JsonNode> entry : attributes.properties()) {
                    Optional<String> value = text(path + ".attributes." + entry.getKey(), entry.getValue());
                    if (value.isPresent()) {
                        access = access.withAttribute(entry.getKey(), value.get());
                    }
                }
            }
        }
        return access;
    }

    /** A scalar as text; a mapping or a list there is a problem. */
    private Optional<String> text(String path, JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            problem(path, "expected a single value here, not a " + (node.isArray() ? "list" : "mapping"));
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    private void keys(String path, JsonNode node, Set<String> allowed) {
        node.properties().stream().map(Map.Entry::getKey).forEach(key -> {
            if (!allowed.contains(key)) {
                keyProblem((path.isEmpty() ? "" : path + ".") + key, "unknown key " + quote(key) + "; the keys here are "
                        + new java.util.TreeSet<>(allowed));
            }
        });
    }

    private void problem(String path, String message) {
        problems.add(new FileProblem(locations.at(path), path, message));
    }

    private void keyProblem(String path, String message) {
        problems.add(new FileProblem(locations.key(path), path, message));
    }

    private static String quote(String text) {
        return dev.roster.spi.InputRules.quote(text);
    }
}
