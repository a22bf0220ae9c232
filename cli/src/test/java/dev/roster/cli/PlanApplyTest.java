package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.sync.Plan;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.SimulatedFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** roster plan and roster apply over a roster.yaml, against the spec-checked simulators over HTTP on 127.0.0.1. */
class PlanApplyTest extends SimulatorTest {

    /** A second OpenAI organisation, with its own key. */
    @RegisterExtension
    static final OpenAiSimulator research = new OpenAiSimulator(PlanApplyTest.RESEARCH_KEY).validatedAgainstSpec();

    static final String RESEARCH_KEY = "sk-admin-roster-research-org-0000000000000";

    static final String TEAM = """
            vendors:
              openai:
                provider: openai
                credentials:
                  OPENAI_ADMIN_KEY: ${OPENAI_ADMIN_KEY}
                prune: %s
              confluent:
                provider: confluent
                credentials:
                  CONFLUENT_CLOUD_API_KEY: ${CONFLUENT_CLOUD_API_KEY}
                  CONFLUENT_CLOUD_API_SECRET: ${CONFLUENT_CLOUD_API_SECRET}
            defaults:
              openai: {role: reader}
            people:
              - email: ada@example.com
                vendors:
                  openai: {role: %s}
                  confluent:
              - email: grace@example.com
                vendors: [openai, confluent]
              - email: linus@example.com
                vendors: [openai]
            """;

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path file = dir.resolve("roster.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path team(String prune, String adaRole) throws IOException {
        return file(TEAM.formatted(prune, adaRole));
    }

    private static Cli.Result run(Path file, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-f";
        all[args.length + 1] = file.toString();
        return cli().run(all);
    }

    private static void assertNoChanges(Path file) {
        Cli.Result plan = run(file, "plan", "--detailed-exitcode");
        assertThat(plan.code()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes:");
    }

    private static InvitationProvider provider(dev.roster.testkit.simulator.VendorSimulator simulator, String id) {
        return InvitationProviders.load(id, simulator.config());
    }

    @Test
    @DisplayName("empty vendors: plan shows + per person and vendor, apply --yes makes them, the next plan has no changes")
    void emptyVendorsConverge() throws IOException {
        Path file = team("false", "owner");

        Cli.Result plan = run(file, "plan", "--detailed-exitcode");
        assertThat(plan.code()).as(plan.toString()).isEqualTo(2);
        assertThat(plan.out()).contains("openai (openai)", "confluent (confluent)")
                .containsPattern("\\+ ada@example\\.com +invite +role owner")
                .containsPattern("\\+ grace@example\\.com +invite +role reader")
                .endsWith("Plan: 5 to invite, 0 to re-invite, 0 to replace, 0 to revoke, 0 unchanged.\n");
        assertThat(openai.invitationsCreatedByEmail()).as("plan changes nothing").isEmpty();
        assertThat(openai.requestsReceived()).as("plan reads OpenAI with one listing of invitations, one of members")
                .isEqualTo(2);
        assertThat(confluent.requestsReceived()).as("plan reads Confluent with one listing of invitations, one of members")
                .isEqualTo(2);

        Cli.Result apply = run(file, "apply", "--yes");
        assertThat(apply.code()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("OUTCOME").contains("Apply: 5 done, 0 skipped as stale, 0 failed.");
        assertThat(openai.invitationsCreatedByEmail()).containsOnlyKeys("ada@example.com", "grace@example.com", "linus@example.com");
        assertThat(confluent.invitationsCreatedByEmail()).containsOnlyKeys("ada@example.com", "grace@example.com");
        assertThat(at("openai", "ada@example.com").role()).contains("owner");
        assertNoChanges(file);
    }

    @Test
    @DisplayName("apply without a terminal and without --yes refuses (exit 2) and sends no invitation; on a terminal only 'yes' goes ahead")
    void confirmation() throws IOException {
        Path file = team("false", "owner");
        Cli.Result refused = run(file, "apply");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("no terminal to confirm", "--yes");
        assertThat(openai.invitationsCreatedByEmail()).isEmpty();

        Cli.Result declined = cli().interactive("y\n").run("apply", "-f", file.toString());
        assertThat(declined.code()).as(declined.toString()).isEqualTo(1);
        assertThat(declined.err()).contains("Apply these 5 changes?", "Nothing applied.");
        assertThat(openai.invitationsCreatedByEmail()).isEmpty();

        Cli.Result confirmed = cli().interactive("yes\n").run("apply", "-f", file.toString());
        assertThat(confirmed.code()).as(confirmed.toString()).isZero();
        assertThat(confirmed.out()).contains("Apply: 5 done");
        assertNoChanges(file);
    }

    @Test
    @DisplayName("an expired invitation is re-invited; a changed role replaces the pending invitation")
    void reinviteAndReplace() throws IOException {
        Path file = team("false", "reader");
        assertThat(run(file, "apply", "--yes").code()).isZero();
        openai.expire(at("openai", "grace@example.com").id());
        Path changed = team("false", "owner");

        Cli.Result plan = run(changed, "plan");
        assertThat(plan.out()).containsPattern("\\+ grace@example\\.com +re-invite +role reader; was expired")
                .containsPattern("~ ada@example\\.com +replace +role owner; pending \\S+ has role reader")
                .contains("Plan: 0 to invite, 1 to re-invite, 1 to replace, 0 to revoke, 3 unchanged.");

        Cli.Result apply = run(changed, "apply", "--yes");
        assertThat(apply.code()).as(apply.toString()).isZero();
        assertThat(at("openai", "grace@example.com").status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(at("openai", "ada@example.com").role()).contains("owner");
        assertThat(openai.invitationsCreatedByEmail()).containsEntry("grace@example.com", 2).containsEntry("ada@example.com", 2)
                .containsEntry("linus@example.com", 1);
        assertNoChanges(changed);
    }

    @Test
    @DisplayName("prune: pending revokes pending invitations of people not in the file, never an accepted one")
    void prune() throws IOException {
        Invitation stranger;
        Invitation member;
        try (InvitationProvider direct = provider(openai, "openai")) {
            stranger = direct.invite(InvitationRequest.of("stranger@example.com"));
            member = direct.invite(InvitationRequest.of("member@example.com"));
        }
        openai.accept(member.id());
        Path file = team("pending", "owner");

        Cli.Result plan = run(file, "plan");
        assertThat(plan.out()).contains("openai (openai, prune: pending)")
                .containsPattern("- stranger@example\\.com +revoke +pending " + stranger.id() + ", not in the file")
                .doesNotContain("- member@example.com");
        Cli.Result apply = run(file, "apply", "--yes");
        assertThat(apply.code()).as(apply.toString()).isZero();
        try (InvitationProvider direct = provider(openai, "openai")) {
            assertThat(direct.find(stranger.id()).map(Invitation::isPending)).isNotEqualTo(java.util.Optional.of(true));
            assertThat(direct.find(member.id()).orElseThrow().status()).isEqualTo(InvitationStatus.ACCEPTED);
        }
        assertNoChanges(file);
    }

    @Test
    @DisplayName("prune: members removes members not in the file (x remove-member), at that vendor only; a listed member "
            + "without an invitation is unchanged; a saved removal whose member left meanwhile is stale")
    void pruneMembers() throws IOException {
        String strangerId = openai.join("stranger@example.com");
        openai.join("ada@example.com");
        confluent.addMember("stranger@example.com");
        Path file = team("members", "reader");

        Cli.Result plan = run(file, "plan");
        assertThat(plan.code()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("openai (openai, prune: members)")
                .containsPattern("x stranger@example\\.com +remove-member +member " + strangerId + ", not in the file")
                .contains("1 member to remove");
        assertThat(plan.out().split("\n\n")[0]).as("ada is a member at openai (no invitation): unchanged")
                .doesNotContain("ada@example.com");
        assertThat(plan.out().lines().filter(l -> l.contains("stranger@example.com")).toList())
                .as("only the vendor that opted in removes members").hasSize(1);

        Path saved = dir.resolve("plan.json");
        run(file, "plan", "--out", saved.toString());
        assertThat(PlanView.read(saved).changes()).anySatisfy(step -> assertThat(step.member()).isPresent());
        Cli.Result apply = run(file, "apply", "--yes");
        assertThat(apply.code()).as(apply.toString()).isZero();
        assertThat(apply.out()).containsPattern("openai +stranger@example\\.com +remove-member +done");
        try (InvitationProvider direct = provider(openai, "openai")) {
            assertThat(direct.members().find(strangerId)).isEmpty();
            assertThat(direct.members().findByEmail("ada@example.com")).isPresent();
        }
        try (InvitationProvider direct = provider(confluent, "confluent")) {
            assertThat(direct.members().findByEmail("stranger@example.com")).isPresent();
        }
        assertNoChanges(file);

        Cli.Result stale = run(file, "apply", saved.toString());
        assertThat(stale.code()).as(stale.toString()).isZero();
        assertThat(stale.out()).containsPattern("openai +stranger@example\\.com +remove-member +stale");
    }

    @Test
    @DisplayName("a saved plan: applied exactly; a step the world changed under is stale; a plan for another file is refused")
    void savedPlans() throws IOException {
        Path file = team("false", "owner");
        Path saved = dir.resolve("plan.json");
        Cli.Result plan = run(file, "plan", "--out", saved.toString());
        assertThat(plan.code()).as(plan.toString()).isZero();
        assertThat(plan.err()).contains("Saved the plan to " + saved);

        try (InvitationProvider direct = provider(openai, "openai")) {
            direct.invite(InvitationRequest.builder("grace@example.com").role("owner").build());
        }
        Path journal = dir.resolve("journal.jsonl");
        Cli.Result apply = run(file, "apply", saved.toString(), "--journal", journal.toString());
        assertThat(apply.code()).as(apply.toString()).isZero();
        assertThat(apply.out()).containsPattern("openai +grace@example\\.com +invite +stale")
                .contains("Apply: 4 done, 1 skipped as stale, 0 failed.");
        assertThat(openai.invitationsCreatedByEmail()).containsEntry("grace@example.com", 1);
        List<String> lines = Files.readAllLines(journal);
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.fieldNames()).toIterable().containsExactly("time", "vendor", "email", "action", "outcome",
                    "invitation_id", "request_id", "message");
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"email\":\"grace@example.com\"", "\"outcome\":\"stale\""));

        Path other = team("false", "reader");
        Cli.Result refused = run(other, "apply", saved.toString());
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("another desired state", "Nothing was applied");
    }

    @Test
    @DisplayName("the JSON plan round-trips: -o json and --out write the same document, read back to an equal plan")
    void jsonRoundTrip() throws IOException {
        Path file = team("pending", "owner");
        run(file, "apply", "--yes");
        openai.expire(at("openai", "linus@example.com").id());
        Path saved = dir.resolve("plan.json");
        Cli.Result plan = run(file, "plan", "-o", "json", "--out", saved.toString());
        assertThat(plan.code()).as(plan.toString()).isZero();
        Plan printed = PlanView.JSON.readValue(plan.out(), Plan.class);
        Plan read = PlanView.read(saved);
        assertThat(read).isEqualTo(printed);
        assertThat(read.summary().toReinvite()).isOne();
        assertThat(PlanView.json(read)).isEqualTo(plan.out().strip());
        assertThat(JSON.readTree(plan.out()).get("steps").get(0).get("action").asText()).isEqualTo("UNCHANGED");
    }

    @Test
    @DisplayName("a file with several problems: every one reported at its line:column, exit 2, nothing sent, no secret echoed")
    void everyProblemAtOnce() throws IOException {
        Path file = file("""
                vendors:
                  openai:
                    provider: openai
                    credentials:
                      OPENAI_ADMIN_KEY: sk-admin-pasted-by-mistake-123
                  confluent: {provider: confluent}
                colour: blue
                people:
                  - email: ada@example.com
                    vendors:
                      openai: {role: admin}
                  - email: not-an-address
                    vendors: [openai]
                  - email: ADA@example.com
                    vendors: [slack]
                  - email: grace@example.com
                    vendors:
                      openai:
                        projects: [{id: proj_a, role: boss}]
                      confluent: {rol: x}
                """);
        Cli.Result result = run(file, "plan");
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        String f = file.toString();
        assertThat(result.err()).contains(
                f + ":5:25: vendors.openai.credentials.OPENAI_ADMIN_KEY: a credential in the file must be a reference",
                f + ":7:1: colour: unknown key 'colour'",
                f + ":11:22: people[0].vendors.openai.role: 'admin' is not a role",
                f + ":12:12: people[1].email: ",
                f + ":14:12: people[2].email: 'ADA@example.com' is listed twice",
                f + ":15:15: people[2].vendors.slack: unknown vendor 'slack'",
                f + ":19:39: people[3].vendors.openai.projects[0].role: 'boss' is not a project role",
                f + ":20:19: people[3].vendors.confluent.rol: unknown key 'rol'",
                "8 problems in " + f);
        assertThat(result.err()).doesNotContain("sk-admin-pasted-by-mistake-123");
        assertThat(requests()).isZero();
    }

    @Test
    @DisplayName("a reference to an unset variable is a configuration error (exit 3) at its position")
    void unsetVariable() throws IOException {
        Path file = team("false", "owner");
        Cli.Result result = cli().env("CONFLUENT_CLOUD_API_SECRET", null).run("plan", "-f", file.toString());
        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains(file + ":11:35: vendors.confluent.credentials.CONFLUENT_CLOUD_API_SECRET: the "
                + "variable CONFLUENT_CLOUD_API_SECRET is not set");
        Cli.Result detailed = cli().env("CONFLUENT_CLOUD_API_SECRET", null).run("plan", "-f", file.toString(),
                "--detailed-exitcode");
        assertThat(detailed.code()).as("--detailed-exitcode: any error is 1").isEqualTo(1);
        assertThat(requests()).isZero();
    }

    @Test
    @DisplayName("faults and 429s during apply: a failed step exits 1, the re-run converges to one invitation per person per vendor")
    void faultsConverge() throws IOException {
        Path file = team("false", "owner");
        openai.retryAfter(Duration.ofMillis(20)).failNext(3, SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER, "POST");
        openai.failNext(1, SimulatedFault.CONNECTION_RESET_AFTER_PROCESSING, "POST");
        confluent.failNext(40, SimulatedFault.SERVER_ERROR, "POST");

        Cli.Result first = run(file, "apply", "--yes", "-o", "json");
        assertThat(first.code()).as(first.toString()).isEqualTo(1);
        JsonNode rows = JSON.readTree(first.out());
        assertThat(rows).hasSize(5);
        assertThat(rows).filteredOn(r -> r.get("vendor").asText().equals("openai"))
                .allSatisfy(r -> assertThat(r.get("outcome").asText()).isEqualTo("done"));
        assertThat(rows).filteredOn(r -> r.get("vendor").asText().equals("confluent"))
                .allSatisfy(r -> assertThat(r.get("outcome").asText()).isEqualTo("failed"));
        assertThat(first.err()).contains("Apply: 3 done, 0 skipped as stale, 2 failed.", "running roster apply again is safe");
        assertThat(openai.answeredWith(429)).isEqualTo(3);

        confluent.clearFaults();
        Cli.Result second = run(file, "apply", "--yes");
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Plan: 2 to invite, 0 to re-invite, 0 to replace, 0 to revoke, 3 unchanged.");
        assertThat(openai.invitationsCreatedByEmail()).hasSize(3).allSatisfy((email, count) -> assertThat(count).isOne());
        assertThat(confluent.invitationsCreatedByEmail()).hasSize(2).allSatisfy((email, count) -> assertThat(count).isOne());
        assertNoChanges(file);
    }

    @Test
    @DisplayName("two connections of one provider (two OpenAI organisations), each with its own key; no key in any output or journal")
    void twoConnectionsOfOneProvider() throws IOException {
        Path file = file("""
                vendors:
                  openai:
                    provider: openai
                  openai-research:
                    provider: openai
                    base_uri: ${RESEARCH_URI}
                    credentials: {OPENAI_ADMIN_KEY: "${RESEARCH_KEY}"}
                defaults:
                  openai-research: {role: owner, projects: [{id: proj_research, role: member}]}
                people:
                  - email: ada@example.com
                    vendors: [openai, openai-research]
                  - email: grace@example.com
                    vendors: [openai-research]
                """);
        Path journal = dir.resolve("journal.jsonl");
        Cli cli = cli().env("RESEARCH_URI", research.baseUri().toString()).env("RESEARCH_KEY", RESEARCH_KEY);
        Cli.Result apply = cli.run("apply", "-f", file.toString(), "--yes", "--journal", journal.toString(), "--debug");
        assertThat(apply.code()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("openai-research (openai)", "Apply: 3 done");
        assertThat(openai.invitationsCreatedByEmail()).containsOnlyKeys("ada@example.com");
        assertThat(research.invitationsCreatedByEmail()).containsOnlyKeys("ada@example.com", "grace@example.com");
        try (InvitationProvider direct = provider(research, "openai")) {
            assertThat(direct.findByEmail("grace@example.com").orElseThrow().role()).contains("owner");
        }
        Cli.Result plan = cli.run("plan", "-f", file.toString(), "-o", "json", "--debug");
        assertThat(JSON.readTree(plan.out()).get("steps")).hasSize(3);
        String everything = apply.out() + apply.err() + plan.out() + plan.err() + Files.readString(journal);
        assertThat(everything).contains("debug:").doesNotContain(RESEARCH_KEY)
                .doesNotContain(OpenAiSimulator.DEFAULT_ADMIN_KEY);
    }

    @Test
    @DisplayName("plan, apply and schema have help with examples; the top help lists them")
    void help() {
        for (String command : List.of("plan", "apply", "schema")) {
            Cli.Result result = Cli.bare().run(command, "--help");
            assertThat(result.code()).as(result.toString()).isZero();
            assertThat(result.out()).contains("Usage: roster " + command, "Examples:");
        }
        assertThat(Cli.bare().run("--help").out()).contains("plan", "apply", "schema");
    }

    @Test
    @DisplayName("two vendors of the file that reach the same organisation (one forgot its own key) are refused at their position, nothing sent")
    void sameOrganisationTwice() throws IOException {
        Path file = file("""
                vendors:
                  openai:
                    provider: openai
                  openai-research:
                    provider: openai
                people:
                  - email: ada@example.com
                    vendors: [openai, openai-research]
                """);
        Cli.Result result = run(file, "plan");
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(file + ":4:3: vendors.openai-research: reaches the same organisation as 'openai'");
        assertThat(requests()).isZero();
    }
}
