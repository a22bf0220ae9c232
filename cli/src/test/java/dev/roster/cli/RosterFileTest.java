package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.roster.ProviderConfig;
import dev.roster.sync.Access;
import dev.roster.sync.Prune;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** roster.yaml as a file: what it reads into, where its problems are, and its JSON Schema. */
class RosterFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PROVIDERS = Set.of("openai", "confluent");
    private static final Path SAMPLE = Path.of("..", "examples", "roster.yaml");
    private static final Map<String, String> SANDBOX = Map.of(ProviderConfig.OPENAI_ADMIN_KEY, "sk-admin-x",
            ProviderConfig.CONFLUENT_CLOUD_API_KEY, "KEY", ProviderConfig.CONFLUENT_CLOUD_API_SECRET, "SECRET");

    private static JsonNode schema() throws IOException {
        return JSON.readTree(SchemaCommand.text());
    }

    private static Set<String> properties(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    @DisplayName("the schema is draft 2020-12 and names exactly the keys the parser accepts, at every level")
    void schemaMatchesParser() throws IOException {
        JsonNode schema = schema();
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        JsonNode defs = schema.get("$defs");
        assertThat(properties(schema)).isEqualTo(RosterFile.ROOT_KEYS);
        assertThat(properties(defs.get("vendor"))).isEqualTo(RosterFile.VENDOR_KEYS);
        assertThat(properties(defs.get("access"))).isEqualTo(RosterFile.ACCESS_KEYS);
        assertThat(properties(defs.get("person"))).isEqualTo(RosterFile.PERSON_KEYS);
        assertThat(properties(defs.get("project"))).isEqualTo(RosterFile.PROJECT_KEYS);
        for (String def : List.of("vendor", "access", "person", "project")) {
            assertThat(defs.get(def).get("additionalProperties").asBoolean(true)).as(def + " refuses unknown keys").isFalse();
        }
        Set<String> credentials = new HashSet<>();
        defs.get("vendor").get("properties").get("credentials").get("propertyNames").get("enum")
                .forEach(name -> credentials.add(name.asText()));
        assertThat(credentials).containsExactlyInAnyOrderElementsOf(ProviderConfig.KNOWN_CREDENTIALS);
    }

    @Test
    @DisplayName("roster schema prints the shipped schema, exit 0")
    void schemaCommand() throws IOException {
        Cli.Result result = Cli.bare().run("schema");
        assertThat(result.code()).isZero();
        assertThat(JSON.readTree(result.out())).isEqualTo(schema());
    }

    @Test
    @DisplayName("the shipped sample reads without a problem, uses only keys the schema names, and refers to the sandbox's variables")
    void sampleIsValid() throws IOException {
        String text = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        RosterFile file = RosterFile.parse("roster.yaml", text, SANDBOX, PROVIDERS);
        assertThat(file.problems()).isEmpty();
        assertThat(file.unsetVariables()).isEmpty();
        assertThat(file.state().connections()).extracting(c -> c.name()).containsExactly("openai", "confluent");
        assertThat(file.state().connection("openai").orElseThrow().prune()).isEqualTo(Prune.PENDING);
        assertThat(file.secrets()).containsExactlyInAnyOrder("sk-admin-x", "KEY", "SECRET");
        JsonNode sample = new ObjectMapper(new YAMLFactory()).readTree(text);
        JsonNode defs = schema().get("$defs");
        assertThat(properties(schema())).containsAll(iterable(sample));
        sample.get("vendors").forEach(vendor -> assertThat(properties(defs.get("vendor"))).containsAll(iterable(vendor)));
        sample.get("people").forEach(person -> assertThat(properties(defs.get("person"))).containsAll(iterable(person)));
        assertThat(RosterFile.parse("roster.yaml", text, Map.of(), PROVIDERS).unsetVariables())
                .extracting(RosterFile.FileProblem::path).containsExactly("vendors.openai.credentials.OPENAI_ADMIN_KEY",
                        "vendors.confluent.credentials.CONFLUENT_CLOUD_API_KEY",
                        "vendors.confluent.credentials.CONFLUENT_CLOUD_API_SECRET");
    }

    @Test
    @DisplayName("prune: false, pending and members are read as such; the schema names exactly those; the engine's "
            + "problem with prune: members is placed at the prune key's line:column")
    void pruneValues() throws IOException {
        for (Map.Entry<String, Prune> value : Map.of("false", Prune.OFF, "pending", Prune.PENDING, "members", Prune.MEMBERS)
                .entrySet()) {
            RosterFile file = RosterFile.parse("f", "vendors:\n  openai: {provider: openai, prune: " + value.getKey() + "}\n",
                    Map.of(), PROVIDERS);
            assertThat(file.problems()).as(value.getKey()).isEmpty();
            assertThat(file.state().connection("openai").orElseThrow().prune()).isEqualTo(value.getValue());
            assertThat(file.locate("vendors.openai.prune", "m").toString()).isEqualTo("2:37: vendors.openai.prune: m");
        }
        assertThat(schema().get("$defs").get("vendor").get("properties").get("prune").get("enum").toString())
                .isEqualTo("[false,\"false\",\"pending\",\"members\"]");
    }

    private static Set<String> iterable(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    @DisplayName("a person's vendors as a list or as a mapping with overrides; defaults apply per vendor")
    void shapes() {
        RosterFile file = RosterFile.parse("f", """
                vendors:
                  openai: {provider: openai}
                defaults:
                  openai: {role: reader, projects: [{id: proj_a, role: member}]}
                people:
                  - {email: ada@example.com, vendors: [openai]}
                  - email: grace@example.com
                    vendors: {openai: {role: owner, projects: []}}
                """, Map.of(), PROVIDERS);
        assertThat(file.problems()).isEmpty();
        assertThat(file.state().people().get(0).connections()).containsEntry("openai", Access.none());
        Access grace = file.state().people().get(1).connections().get("openai");
        assertThat(grace.role()).contains("owner");
        assertThat(grace.projects()).contains(List.of());
        assertThat(file.state().connection("openai").orElseThrow().defaults().role()).contains("reader");
    }

    @Test
    @DisplayName("YAML that cannot be read is one problem at its position, on one line, with a hint for unquoted references")
    void unreadableYaml() {
        RosterFile file = RosterFile.parse("f", """
                vendors:
                  openai: {provider: openai, credentials: {OPENAI_ADMIN_KEY: ${K}}}
                """, Map.of(), PROVIDERS);
        assertThat(file.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.position().line()).isEqualTo(2);
            assertThat(problem.message()).doesNotContain("\n").contains("needs quotes: \"${VAR}\"");
        });
    }

    @Test
    @DisplayName("a key given twice, an unknown provider, a bad prune and defaults for an undeclared vendor are each a problem with a position")
    void structuralProblems() {
        RosterFile file = RosterFile.parse("f", """
                vendors:
                  openai: {provider: openai, prune: true}
                  slack: {provider: slack}
                defaults:
                  github: {role: member}
                people:
                  - {email: a@example.com, email: b@example.com, vendors: [openai]}
                """, Map.of(), PROVIDERS);
        assertThat(file.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "7:28: people[0].email: this key is given twice; keep one",
                "3:21: vendors.slack.provider: unknown provider 'slack'; the providers here are [confluent, openai]",
                "2:37: vendors.openai.prune: prune: is false (the default: leave others' invitations alone), pending "
                        + "(revoke the pending invitations of people the file does not list here) or members (also remove "
                        + "their memberships, at a vendor that can)",
                "5:3: defaults.github: defaults for an unknown vendor 'github'; declare it under vendors: or remove these defaults");
    }
}
