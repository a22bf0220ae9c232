package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.ProviderConfig;
import dev.roster.testkit.simulator.ConfluentSimulator;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.SimulatedFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every command as a user runs it, against the vendor simulators over HTTP on 127.0.0.1. */
class CommandsTest extends SimulatorTest {

    @Nested
    @DisplayName("help")
    class Help {
        @Test
        @DisplayName("every command's --help shows examples, on stdout, exit 0")
        void everyCommandHasExamples() {
            for (String command : List.of("vendors", "invite", "list", "find", "get", "revoke", "members", "offboard",
                    "demo", "sandbox", "completion")) {
                Cli.Result result = Cli.bare().run(command, "--help");
                assertThat(result.code()).as(result.toString()).isZero();
                assertThat(result.out()).as(command).contains("Usage: roster " + command).contains("Examples:");
                String[] footer = Main.commandLine(new Terminal(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                        new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.BufferedReader(java.io.Reader.nullReader()),
                        Map.of(), false, new java.util.concurrent.CountDownLatch(1))).getSubcommands().get(command)
                        .getCommandSpec().usageMessage().footer();
                assertThat(footer).as(command + ": examples fit 80 columns, so picocli never wraps them mid-word")
                        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
            }
            Cli.Result top = Cli.bare().run("--help");
            assertThat(top.out()).contains("Exit codes:", "ROSTER_<ID>_BASE_URI", "roster vendors lists those each");
        }

        @Test
        @DisplayName("no command, or an unknown option, is a usage error (exit 2) saying what to do")
        void usageErrors() {
            Cli.Result none = Cli.bare().run();
            assertThat(none.code()).isEqualTo(2);
            assertThat(none.err()).contains("Missing a command");
            Cli.Result unknown = Cli.bare().run("list", "--colour");
            assertThat(unknown.code()).isEqualTo(2);
            assertThat(unknown.err()).contains("Unknown option: '--colour'");
        }
    }

    @Nested
    @DisplayName("roster vendors")
    class Vendors {
        @Test
        @DisplayName("lists every vendor's capabilities and which of the variables it declares are set, never their values")
        void capabilitiesAndCredentials() throws IOException {
            Cli.Result result = Cli.bare().env(ProviderConfig.OPENAI_ADMIN_KEY, "sk-admin-secret-value-42").run("vendors", "-o", "json");
            assertThat(result.code()).as(result.toString()).isZero();
            JsonNode vendors = JSON.readTree(result.out());
            assertThat(vendors).hasSize(3);
            JsonNode confluentRow = vendors.get(0);
            JsonNode githubRow = vendors.get(1);
            JsonNode openaiRow = vendors.get(2);
            assertThat(githubRow.get("credentials").asText()).isEqualTo("missing GITHUB_TOKEN, GITHUB_ORG");
            assertThat(githubRow.get("default_role").asText()).isEqualTo("direct_member");
            assertThat(openaiRow.get("vendor").asText()).isEqualTo("openai");
            assertThat(openaiRow.get("credentials").asText()).isEqualTo("set");
            assertThat(openaiRow.get("default_role").asText()).isEqualTo("reader");
            assertThat(openaiRow.get("roles").toString()).isEqualTo("[\"owner\",\"reader\"]");
            assertThat(openaiRow.get("max_page_size").asInt()).isEqualTo(100);
            assertThat(openaiRow.get("members").toString()).isEqualTo("[\"list\",\"find_by_email\",\"remove\"]");
            assertThat(githubRow.get("members").toString()).as("GitHub hides members' addresses")
                    .isEqualTo("[\"list\",\"remove\"]");
            assertThat(confluentRow.get("credentials").asText())
                    .isEqualTo("missing CONFLUENT_CLOUD_API_KEY, CONFLUENT_CLOUD_API_SECRET");
            assertThat(confluentRow.get("attributes").get("auth_type").toString()).contains("AUTH_TYPE_SSO");
            assertThat(result.out() + result.err()).doesNotContain("sk-admin-secret-value-42");
            assertThat(requests()).as("vendors sends no request").isZero();
        }

        @Test
        @DisplayName("a table is aligned: every row's columns start where the header's do")
        void tableAligned() {
            Cli.Result result = Cli.bare().run("vendors");
            List<String> lines = result.out().lines().toList();
            assertThat(lines).hasSize(4);
            int column = lines.get(0).indexOf("CREDENTIALS");
            assertThat(lines.get(1).substring(column)).startsWith("missing");
            assertThat(lines.get(2).substring(column)).startsWith("missing GITHUB_TOKEN");
            assertThat(lines.get(3).substring(column)).startsWith("missing OPENAI_ADMIN_KEY");
            assertThat(result.out()).doesNotContain("\u001b[");
        }

        @Test
        @DisplayName("colour only on a terminal, and never with NO_COLOR set")
        void colour() {
            cli().run("invite", "--vendor", "openai", "ada@example.com");
            assertThat(cli().interactive("").run("list").out()).contains("\u001b[33mpending");
            assertThat(cli().interactive("").env("NO_COLOR", "1").run("list").out()).doesNotContain("\u001b[");
            assertThat(cli().run("list").out()).doesNotContain("\u001b[");
        }
    }

    @Nested
    @DisplayName("roster list")
    class ListInvitations {
        @Test
        @DisplayName("-o json writes one object per line, every invitation of every vendor, as the vendors hold them")
        void jsonLinesMatchVendors() throws IOException {
            cli().run("invite", "ada@example.com", "grace@example.com");
            Cli.Result result = cli().run("list", "-o", "json");
            assertThat(result.code()).as(result.toString()).isZero();
            List<JsonNode> rows = jsonLines(result.out());
            assertThat(rows).hasSize(4);
            for (JsonNode row : rows) {
                Invitation atVendor = at(row.get("vendor").asText(), row.get("email").asText());
                assertThat(row.get("id").asText()).isEqualTo(atVendor.id());
                assertThat(row.get("status").asText()).isEqualTo("pending");
                assertThat(row.get("created_at").asText()).isEqualTo(atVendor.createdAt().orElseThrow().toString());
                assertThat(row.get("created_at").asText()).endsWith("Z");
            }
        }

        @Test
        @DisplayName("-o csv is RFC 4180 with a header; parsed back it holds the vendors' invitations")
        void csvParsesBack() throws IOException {
            cli().run("invite", "--vendor", "openai", "--project", "proj_a", "--project", "proj_b=owner", "ada@example.com");
            Cli.Result result = cli().run("list", "-o", "csv", "--vendor", "openai");
            assertThat(result.out()).startsWith("vendor,id,email,status,role,projects,created_at,expires_at,accepted_at,attributes\r\n");
            List<Map<String, String>> rows = csv(result.out());
            assertThat(rows).hasSize(1);
            Invitation ada = at("openai", "ada@example.com");
            assertThat(rows.get(0)).containsEntry("id", ada.id()).containsEntry("role", "reader")
                    .containsEntry("projects", "proj_a:member,proj_b:owner")
                    .containsEntry("expires_at", ada.expiresAt().orElseThrow().toString());
            assertThat(result.out()).contains("\"proj_a:member,proj_b:owner\"");
        }

        @Test
        @DisplayName("-o csv with nothing to show is the header once, so a script still sees the columns")
        void csvWithoutRows() {
            for (String[] command : List.of(new String[] {"list", "--email", "nobody", "-o", "csv"},
                    new String[] {"find", "nobody@example.com", "-o", "csv"})) {
                Cli.Result result = cli().run(command);
                assertThat(result.code()).as(String.join(" ", command)).isZero();
                assertThat(result.out()).as(String.join(" ", command)).isEqualTo(
                        "vendor,id,email,status,role,projects,created_at,expires_at,accepted_at,attributes\r\n");
            }
        }

        @Test
        @DisplayName("--status, --email and --limit filter; many pages are read lazily up to the limit")
        void filters() throws IOException {
            List<String> args = new ArrayList<>(List.of("invite", "--vendor", "confluent"));
            for (int i = 0; i < 120; i++) {
                args.add("p" + i + "@example.com");
            }
            cli().run(args.toArray(String[]::new));
            confluent.accept(at("confluent", "p7@example.com").id());
            assertThat(jsonLines(cli().run("list", "--vendor", "confluent", "--status", "accepted", "-o", "json").out()))
                    .extracting(row -> row.get("email").asText()).containsExactly("p7@example.com");
            assertThat(jsonLines(cli().run("list", "--email", "P11", "-o", "json").out()))
                    .extracting(row -> row.get("email").asText()).containsExactlyInAnyOrder("p11@example.com",
                            "p110@example.com", "p111@example.com", "p112@example.com", "p113@example.com",
                            "p114@example.com", "p115@example.com", "p116@example.com", "p117@example.com",
                            "p118@example.com", "p119@example.com");
            int before = confluent.requestsReceived();
            assertThat(jsonLines(cli().run("list", "--vendor", "confluent", "--limit", "3", "-o", "json").out())).hasSize(3);
            assertThat(confluent.requestsReceived() - before).as("one page is enough for three").isEqualTo(1);
        }

        @Test
        @DisplayName("a table's columns line up across vendors, times in ISO-8601 UTC")
        void tableAcrossVendors() {
            cli().run("invite", "ada@example.com", "margaret.hamilton@example.com");
            Cli.Result result = cli().run("list");
            List<String> lines = result.out().lines().toList();
            assertThat(lines).hasSize(5);
            for (String header : List.of("EMAIL", "STATUS", "CREATED AT")) {
                int column = lines.get(0).indexOf(header);
                for (String line : lines.subList(1, lines.size())) {
                    assertThat(line.charAt(column - 1)).as(line).isEqualTo(' ');
                    assertThat(line.charAt(column)).as(line).isNotEqualTo(' ');
                }
            }
            assertThat(lines.get(1)).containsPattern(" \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z ");
        }

        @Test
        @DisplayName("a vendor that fails is reported and the others are still listed (exit 1)")
        void oneVendorFails() throws IOException {
            cli().run("invite", "ada@example.com");
            confluent.failNext(10, SimulatedFault.SERVER_ERROR);
            Cli.Result result = cli().env("ROSTER_CONFLUENT_BASE_URI", confluent.config().baseUri().orElseThrow().toString())
                    .run("list", "-o", "json");
            assertThat(result.code()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).startsWith("error: confluent: list: vendor unavailable, HTTP 500");
            assertThat(jsonLines(result.out())).extracting(row -> row.get("vendor").asText()).containsExactly("openai");
        }
    }

    @Nested
    @DisplayName("roster find and get")
    class FindAndGet {
        @Test
        @DisplayName("find shows the person's invitation at every vendor, with its state")
        void find() throws IOException {
            cli().run("invite", "ada@example.com");
            openai.accept(at("openai", "ada@example.com").id());
            JsonNode rows = JSON.readTree(cli().run("find", "ADA@example.com", "-o", "json").out());
            assertThat(rows).extracting(row -> row.get("vendor").asText() + " " + row.get("status").asText())
                    .containsExactlyInAnyOrder("openai accepted", "confluent pending");
            assertThat(rows.get(1).get("accepted_at").asText()).endsWith("Z");
        }

        @Test
        @DisplayName("get prints one JSON document; an unknown id is exit 1 with an error line")
        void get() throws IOException {
            cli().run("invite", "--vendor", "confluent", "ada@example.com");
            String id = at("confluent", "ada@example.com").id();
            Cli.Result found = cli().run("get", "--vendor", "confluent", id, "-o", "json");
            assertThat(found.code()).isZero();
            JsonNode document = JSON.readTree(found.out());
            assertThat(document.isObject()).isTrue();
            assertThat(document.get("id").asText()).isEqualTo(id);
            Cli.Result missing = cli().run("get", "--vendor", "confluent", "i-doesnotexist");
            assertThat(missing.code()).isEqualTo(1);
            assertThat(missing.err()).startsWith("error: confluent: get i-doesnotexist: not found");
        }

        @Test
        @DisplayName("an id that could steer the request elsewhere is refused before any request")
        void hostileId() {
            Cli.Result result = cli().run("get", "--vendor", "openai", "../users");
            assertThat(result.code()).isEqualTo(2);
            assertThat(requests()).isZero();
        }
    }

    @Nested
    @DisplayName("roster revoke")
    class Revoke {
        @Test
        @DisplayName("by id: revoked at the vendor; a second run says not found (exit 1)")
        void byId() {
            cli().run("invite", "--vendor", "confluent", "ada@example.com");
            String id = at("confluent", "ada@example.com").id();
            Cli.Result result = cli().run("revoke", "--vendor", "confluent", id);
            assertThat(result.code()).as(result.toString()).isZero();
            assertThat(result.out()).containsPattern("confluent +- +revoked +" + id);
            assertThat(at("confluent", "ada@example.com").status()).isEqualTo(InvitationStatus.REVOKED);
        }

        @Test
        @DisplayName("more than one without a terminal is refused unless --yes: nothing revoked")
        void refusesToGuess() {
            cli().run("invite", "ada@example.com");
            Cli.Result refused = cli().run("revoke", "--email", "ada@example.com");
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("would revoke 2 invitations").contains("--yes");
            assertThat(at("openai", "ada@example.com").isPending()).isTrue();
            assertThat(at("confluent", "ada@example.com").isPending()).isTrue();
            Cli.Result done = cli().run("revoke", "--email", "ada@example.com", "--yes", "-o", "json");
            assertThat(done.code()).as(done.toString()).isZero();
            assertThat(at("confluent", "ada@example.com").status()).isEqualTo(InvitationStatus.REVOKED);
        }

        @Test
        @DisplayName("on a terminal it asks, and only 'y' revokes")
        void asksOnATerminal() {
            cli().run("invite", "ada@example.com");
            Cli.Result declined = cli().interactive("n\n").run("revoke", "--email", "ada@example.com");
            assertThat(declined.code()).isEqualTo(1);
            assertThat(declined.err()).contains("Revoke them? [y/N]").contains("Nothing revoked.");
            assertThat(at("confluent", "ada@example.com").isPending()).isTrue();
            Cli.Result accepted = cli().interactive("y\n").run("revoke", "--email", "ada@example.com");
            assertThat(accepted.code()).as(accepted.toString()).isZero();
            assertThat(accepted.out()).contains("revoked");
            assertThat(at("confluent", "ada@example.com").status()).isEqualTo(InvitationStatus.REVOKED);
        }

        @Test
        @DisplayName("an accepted invitation cannot be revoked: exit 1, the reason and what to do instead")
        void accepted() {
            cli().run("invite", "--vendor", "openai", "ada@example.com");
            String id = at("openai", "ada@example.com").id();
            openai.accept(id);
            Cli.Result result = cli().run("revoke", "--vendor", "openai", id);
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).contains("accepted, cannot be revoked").contains("remove the member");
        }
    }

    @Nested
    @DisplayName("secrets and --debug")
    class Secrets {
        @Test
        @DisplayName("with --debug (stack traces and the FULL wire log) no credential appears in any output")
        void noCredentialAtDebug() {
            Cli ok = cli();
            List<Cli.Result> results = new ArrayList<>();
            results.add(ok.run("invite", "ada@example.com", "--debug"));
            results.add(ok.run("list", "--debug", "-o", "json"));
            results.add(ok.run("vendors", "--debug"));
            openai.failNext(1, SimulatedFault.SERVER_ERROR);
            results.add(ok.run("find", "ada@example.com", "--debug"));
            results.add(cli().env(ProviderConfig.OPENAI_ADMIN_KEY, "sk-admin-wrong-0000").run("list", "--debug", "--vendor", "openai"));
            String everything = results.stream().map(Cli.Result::toString).collect(Collectors.joining("\n"));
            assertThat(everything).contains("debug: dev.roster.").contains("at dev.roster");
            Set<String> secrets = new TreeSet<>(List.of(OpenAiSimulator.DEFAULT_ADMIN_KEY, confluent.apiKey(),
                    confluent.apiSecret(), "sk-admin-wrong-0000", java.util.Base64.getEncoder().encodeToString(
                            (confluent.apiKey() + ":" + confluent.apiSecret()).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            for (String secret : secrets) {
                assertThat(everything).as("output must not hold a credential").doesNotContain(secret);
            }
        }
    }

    @Nested
    @DisplayName("configuration")
    class Configuration {
        @Test
        @DisplayName("--base-uri wins over ROSTER_<ID>_BASE_URI")
        void baseUriOption() {
            Cli.Result result = cli().env("ROSTER_OPENAI_BASE_URI", "http://127.0.0.1:9/v1")
                    .run("invite", "--vendor", "openai", "--base-uri", "openai=" + openai.baseUri(), "ada@example.com");
            assertThat(result.code()).as(result.toString()).isZero();
            assertThat(openai.invitationsCreatedByEmail()).containsKey("ada@example.com");
        }

        @Test
        @DisplayName("plain http to a remote host is refused as configuration (exit 3) before any request")
        void remoteHttpRefused() {
            Cli.Result result = cli().run("list", "--vendor", "openai", "--base-uri", "openai=http://example.com/v1");
            assertThat(result.code()).isEqualTo(3);
            assertThat(result.err()).startsWith("error: ").contains("configuration");
        }

        @Test
        @DisplayName("completion bash|zsh prints picocli's script with every command")
        void completion() {
            for (String shell : List.of("bash", "zsh")) {
                Cli.Result result = Cli.bare().run("completion", shell);
                assertThat(result.code()).isZero();
                assertThat(result.out()).contains("complete -F").contains("invite").contains("revoke").contains("sandbox");
            }
            assertThat(Cli.bare().run("completion", "fish").code()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("the simulators' traffic is checked against the vendors' specs wherever the specs are here")
    void specChecked() {
        boolean specsHere = dev.roster.testkit.openapi.VendorSpecs.fromSystem().folder().isPresent();
        org.junit.jupiter.api.Assumptions.assumeTrue(specsHere, "no specs folder named (-Droster.specs.dir / ROSTER_SPECS_DIR)");
        assertThat(openai.validation()).hasValueSatisfying(v -> assertThat(v.isChecking()).isTrue());
        assertThat(confluent.validation()).hasValueSatisfying(v -> assertThat(v.isChecking()).isTrue());
    }

    @Test
    @DisplayName("exit codes are mapped in one place")
    void exitCodes() {
        assertThat(ExitCodes.of(new dev.roster.AuthenticationException("x"))).isEqualTo(3);
        assertThat(ExitCodes.of(new dev.roster.ProviderUnavailableException("x"))).isEqualTo(1);
        assertThat(ExitCodes.of(new dev.roster.InvalidRequestException("x"))).isEqualTo(2);
        assertThat(ExitCodes.worst(1, 3)).isEqualTo(3);
        assertThat(ExitCodes.worst(2, 1)).isEqualTo(2);
        assertThat(InvitationRequest.of("a@example.com").email()).isEqualTo("a@example.com");
    }
}
