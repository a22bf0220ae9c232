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

/** roster invite as a user runs it, against the vendor simulators over HTTP on 127.0.0.1. */
class InviteCommandTest extends SimulatorTest {

    @Nested
    @DisplayName("roster invite")
    class Invite {
        @Test
        @DisplayName("invites every address at every configured vendor; the JSON matches the vendors' state")
        void invitesEverywhere() throws IOException {
            Cli.Result result = cli().run("invite", "ada@example.com", "grace@example.com", "-o", "json");
            assertThat(result.code()).as(result.toString()).isZero();
            JsonNode rows = JSON.readTree(result.out());
            assertThat(rows).hasSize(4);
            for (JsonNode row : rows) {
                assertThat(row.get("outcome").asText()).isEqualTo("invited");
                Invitation atVendor = at(row.get("vendor").asText(), row.get("email").asText());
                assertThat(row.get("id").asText()).isEqualTo(atVendor.id());
                assertThat(atVendor.status()).isEqualTo(InvitationStatus.PENDING);
            }
            assertThat(result.err()).isEmpty();
            assertThat(result.out()).doesNotContain("exit");
        }

        @Test
        @DisplayName("running it twice changes nothing the second time: already pending, with the same id")
        void idempotent() throws IOException {
            Cli.Result first = cli().run("invite", "ada@example.com", "-o", "json");
            Cli.Result second = cli().run("invite", "ada@example.com", "-o", "json");
            assertThat(second.code()).as(second.toString()).isZero();
            JsonNode before = JSON.readTree(first.out());
            JsonNode after = JSON.readTree(second.out());
            for (int i = 0; i < 2; i++) {
                assertThat(after.get(i).get("outcome").asText()).isEqualTo("already pending");
                assertThat(after.get(i).get("id").asText()).isEqualTo(before.get(i).get("id").asText());
            }
            assertThat(openai.invitationsCreatedByEmail()).containsEntry("ada@example.com", 1);
            assertThat(confluent.invitationsCreatedByEmail()).containsEntry("ada@example.com", 1);
        }

        @Test
        @DisplayName("a member is reported as already a member, not as a failure")
        void alreadyMember() {
            openai.addMember("ada@example.com");
            Cli.Result result = cli().run("invite", "--vendor", "openai", "ada@example.com");
            assertThat(result.code()).as(result.toString()).isZero();
            assertThat(result.out()).contains("already a member");
        }

        @Test
        @DisplayName("grants role, projects and attributes where the vendor has them")
        void roleProjectsAttributes() {
            Cli.Result result = cli().run("invite", "--vendor", "openai", "--role", "owner", "--project", "proj_a=owner",
                    "--project", "proj_b", "ada@example.com");
            assertThat(result.code()).as(result.toString()).isZero();
            Invitation ada = at("openai", "ada@example.com");
            assertThat(ada.role()).contains("owner");
            assertThat(ada.projects()).extracting(p -> p.projectId() + ":" + p.role())
                    .containsExactlyInAnyOrder("proj_a:owner", "proj_b:member");
            Cli.Result sso = cli().run("invite", "--vendor", "confluent", "--attr", "auth_type=AUTH_TYPE_SSO", "grace@example.com");
            assertThat(sso.code()).as(sso.toString()).isZero();
            assertThat(at("confluent", "grace@example.com").attributes()).containsEntry("auth_type", "AUTH_TYPE_SSO");
        }

        @Test
        @DisplayName("a bad email is refused before any request: exit 2 and an error line naming it")
        void badEmail() {
            Cli.Result result = cli().run("invite", "ada@example.com", "not-an-address");
            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: invite: invalid input: ").contains("not-an-address").contains("Next: ");
            assertThat(result.out()).isEmpty();
            assertThat(requests()).isZero();
        }

        @Test
        @DisplayName("an unknown role is refused before any request at any vendor: exit 2")
        void unknownRole() {
            Cli.Result result = cli().run("invite", "--role", "admin", "ada@example.com");
            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("has no role 'admin'").contains("Nothing was sent");
            assertThat(result.err().lines().count()).isEqualTo(1);
            assertThat(requests()).isZero();
        }

        @Test
        @DisplayName("an unknown vendor is a usage error naming the vendors that are here")
        void unknownVendor() {
            Cli.Result result = cli().run("invite", "--vendor", "acme", "ada@example.com");
            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("Unknown vendor 'acme'").contains("confluent, github, openai");
            assertThat(requests()).isZero();
        }

        @Test
        @DisplayName("no credentials at all: exit 3, naming the environment variables")
        void noCredentials() {
            Cli.Result result = Cli.bare().run("invite", "ada@example.com");
            assertThat(result.code()).isEqualTo(3);
            assertThat(result.err()).contains("OPENAI_ADMIN_KEY", "CONFLUENT_CLOUD_API_KEY", "CONFLUENT_CLOUD_API_SECRET");
        }

        @Test
        @DisplayName("a vendor with only some of its credentials set is left out with a note, not in silence")
        void halfConfiguredVendor() {
            Cli.Result result = cli().env(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, null).run("list", "-o", "json");
            assertThat(result.code()).as(result.toString()).isZero();
            assertThat(result.err()).contains("note: confluent left out: CONFLUENT_CLOUD_API_SECRET is not set");
        }

        @Test
        @DisplayName("a rejected key (401): exit 3, one error line with the vendor, the reason and what to do; never the key")
        void unauthorized() {
            String wrongKey = "sk-admin-wrong-key-1234567890";
            Cli.Result result = cli().env(ProviderConfig.OPENAI_ADMIN_KEY, wrongKey).run("invite", "--vendor", "openai",
                    "ada@example.com");
            assertThat(result.code()).as(result.toString()).isEqualTo(3);
            assertThat(result.err()).startsWith("error: openai: invite ada@example.com: authentication failed, HTTP 401")
                    .contains("Next: check the credential variables");
            assertThat(result.err().lines().count()).isEqualTo(1);
            assertThat(result.out()).contains("failed");
            assertThat(result.out() + result.err()).doesNotContain(wrongKey);
        }

        @Test
        @DisplayName("a 429 beyond what core waits out: exit 1, the failure said with its request id, the other vendor done")
        void rateLimitedBeyondBudget() throws IOException {
            openai.retryAfter(Duration.ofMinutes(5)).failNext(1, SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER);
            Cli.Result result = cli().run("invite", "ada@example.com", "-o", "json");
            assertThat(result.code()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).startsWith("error: openai: ").contains("rate limited, HTTP 429, request id ")
                    .contains("Next: wait 5 min and run the command again.");
            JsonNode rows = JSON.readTree(result.out());
            assertThat(rows).extracting(row -> row.get("vendor").asText() + " " + row.get("outcome").asText())
                    .containsExactly("confluent invited", "openai failed");
            assertThat(rows.get(1).get("reason").asText()).isEqualTo("rate limited");
            assertThat(rows.get(1).get("request_id").asText()).isNotBlank();
            assertThat(rows.get(1).fieldNames()).toIterable().containsExactlyElementsOf(Records.OUTCOME);
            assertThat(confluent.invitationsCreatedByEmail()).containsEntry("ada@example.com", 1);
        }

        @Test
        @DisplayName("--from-file: a bad line is reported with its line number, the others are invited (exit 1)")
        void fromFile(@TempDir Path dir) throws IOException {
            Path people = dir.resolve("people.csv");
            Files.writeString(people, "email,role\n# new starters\nada@example.com,owner\nnot an email\n\"grace@example.com\",\n");
            Cli.Result result = cli().run("invite", "--vendor", "openai", "--from-file", people.toString(), "-o", "csv");
            assertThat(result.code()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).startsWith("error: people.csv line 4: invalid input: ");
            assertThat(result.err().lines().count()).isEqualTo(1);
            List<Map<String, String>> rows = csv(result.out());
            assertThat(rows).extracting(row -> row.get("email") + " " + row.get("outcome"))
                    .containsExactly("ada@example.com invited", "grace@example.com invited");
            assertThat(at("openai", "ada@example.com").role()).contains("owner");
            assertThat(at("openai", "grace@example.com").role()).contains("reader");
        }

        @Test
        @DisplayName("many people run concurrently through one provider per vendor, paced under a rate limit, none lost or doubled")
        void bulkUnderRateLimit() throws IOException {
            openai.rateLimit(20);
            List<String> args = new ArrayList<>(List.of("invite", "--vendor", "openai", "-o", "json", "--concurrency", "8"));
            for (int i = 0; i < 30; i++) {
                args.add("person" + i + "@example.com");
            }
            Cli.Result result = cli().run(args.toArray(String[]::new));
            assertThat(result.code()).as(result.toString()).isZero();
            assertThat(JSON.readTree(result.out())).hasSize(30).allSatisfy(row -> assertThat(row.get("outcome").asText())
                    .isEqualTo("invited"));
            assertThat(openai.invitationsCreatedByEmail()).hasSize(30).allSatisfy((email, count) -> assertThat(count).isOne());
        }
    }

    @Nested
    @DisplayName("progress")
    class ProgressOnStderr {
        @Test
        @DisplayName("on a terminal, work longer than a second shows done/total and the rate on stderr, then clears it")
        void onATerminal() {
            openai.latency(Duration.ofMillis(400));
            Cli.Result result = cli().interactive("").run("invite", "--vendor", "openai", "--concurrency", "1",
                    "ada@example.com", "grace@example.com");
            assertThat(result.code()).as(result.toString()).isZero();
            assertThat(result.err()).startsWith("\r").containsPattern("openai [0-2]/2  invited  \\d+\\.\\d/s");
            assertThat(result.err()).as("the line is cleared at the end").matches("(?s).*\\r +\\r");
            assertThat(result.out()).doesNotContain("\r");
        }

        @Test
        @DisplayName("without a terminal, nothing of it")
        void notATerminal() {
            openai.latency(Duration.ofMillis(400));
            Cli.Result result = cli().run("invite", "--vendor", "openai", "--concurrency", "1", "ada@example.com",
                    "grace@example.com");
            assertThat(result.code()).isZero();
            assertThat(result.err()).isEmpty();
        }
    }
}
