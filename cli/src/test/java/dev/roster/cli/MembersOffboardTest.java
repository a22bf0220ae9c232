package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.Member;
import dev.roster.ProviderConfig;
import dev.roster.testkit.simulator.SimulatedFault;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** roster members and roster offboard as a user runs them, against the spec-checked simulators over HTTP on 127.0.0.1. */
class MembersOffboardTest extends SimulatorTest {

    private static Optional<Member> memberAt(String vendor, String email) {
        ProviderConfig config = vendor.equals("openai") ? openai.config() : confluent.config();
        try (InvitationProvider provider = InvitationProviders.load(vendor, config)) {
            return provider.members().findByEmail(email);
        }
    }

    private static Optional<Invitation> pendingAt(String vendor, String email) {
        ProviderConfig config = vendor.equals("openai") ? openai.config() : confluent.config();
        try (InvitationProvider provider = InvitationProviders.load(vendor, config)) {
            return provider.findByEmail(email).filter(Invitation::isPending);
        }
    }

    /** Invites at both vendors and accepts both invitations, as the person would. */
    private static void memberAtBoth(String email) {
        Cli.Result invited = cli().run("invite", email);
        assertThat(invited.code()).as(invited.toString()).isZero();
        openai.accept(at("openai", email).id());
        confluent.accept(at("confluent", email).id());
    }

    @Nested
    @DisplayName("roster members")
    class ListMembers {
        @Test
        @DisplayName("lists the members of both vendors, as the vendors hold them, in json lines and csv")
        void listsBothVendors() throws IOException {
            memberAtBoth("ada@example.com");
            cli().run("invite", "grace@example.com");

            Cli.Result json = cli().run("members", "-o", "json");

            assertThat(json.code()).as(json.toString()).isZero();
            List<JsonNode> rows = jsonLines(json.out());
            assertThat(rows).extracting(r -> r.get("vendor").asText() + " " + r.get("email").asText())
                    .containsExactlyInAnyOrder("openai ada@example.com", "confluent ada@example.com");
            for (JsonNode row : rows) {
                Member member = memberAt(row.get("vendor").asText(), "ada@example.com").orElseThrow();
                assertThat(row.get("id").asText()).isEqualTo(member.id());
                assertThat(row.get("service_account").asText()).isEqualTo("no");
            }
            Cli.Result csv = cli().run("members", "--vendor", "openai", "-o", "csv");
            assertThat(csv.out()).startsWith("vendor,id,email,role,joined_at,service_account,attributes\r\n");
            assertThat(csv(csv.out())).singleElement().satisfies(row -> assertThat(row).containsEntry("email",
                    "ada@example.com").containsEntry("role", "reader"));
        }

        @Test
        @DisplayName("a table, and --email filters; a vendor that fails is reported and the other still listed (exit 1)")
        void tableFilterAndFailure() throws IOException {
            memberAtBoth("ada@example.com");
            memberAtBoth("grace@example.com");

            Cli.Result table = cli().run("members", "--email", "GRACE");
            assertThat(table.code()).as(table.toString()).isZero();
            assertThat(table.out().lines().toList()).hasSize(3).first().asString()
                    .startsWith("VENDOR").contains("JOINED AT");
            assertThat(table.out()).doesNotContain("ada@example.com");

            confluent.failNext(10, SimulatedFault.SERVER_ERROR);
            Cli.Result failed = cli().run("members", "-o", "json");
            assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.err()).startsWith("error: confluent: members: vendor unavailable, HTTP 500");
            assertThat(jsonLines(failed.out())).extracting(r -> r.get("vendor").asText()).containsOnly("openai").hasSize(2);
        }
    }

    @Nested
    @DisplayName("roster offboard")
    class Offboard {
        @Test
        @DisplayName("invite, accept, offboard: the member is removed at both vendors; a second run finds nothing (exit 0)")
        void removesMembersAtBothVendors() throws IOException {
            memberAtBoth("ada@example.com");
            String openaiMember = memberAt("openai", "ada@example.com").orElseThrow().id();
            String confluentMember = memberAt("confluent", "ada@example.com").orElseThrow().id();

            Cli.Result done = cli().run("offboard", "ada@example.com", "--yes", "-o", "json");

            assertThat(done.code()).as(done.toString()).isZero();
            assertThat(JSON.readTree(done.out())).extracting(r -> r.get("vendor").asText() + " " + r.get("outcome").asText()
                    + " " + r.get("id").asText()).containsExactlyInAnyOrder("openai member removed " + openaiMember,
                            "confluent member removed " + confluentMember);
            assertThat(memberAt("openai", "ada@example.com")).isEmpty();
            assertThat(memberAt("confluent", "ada@example.com")).isEmpty();
            assertThat(jsonLines(cli().run("members", "-o", "json").out())).isEmpty();

            Cli.Result again = cli().run("offboard", "ada@example.com");
            assertThat(again.code()).as("nothing to do needs no confirmation: " + again).isZero();
            assertThat(again.out()).containsPattern("openai +ada@example\\.com +nothing found")
                    .containsPattern("confluent +ada@example\\.com +nothing found");
        }

        @Test
        @DisplayName("a person with only a pending invitation: it is revoked at both vendors, and no member is touched")
        void revokesPendingOnly() throws IOException {
            memberAtBoth("grace@example.com");
            cli().run("invite", "ada@example.com");
            String openaiInvite = at("openai", "ada@example.com").id();
            String confluentInvite = at("confluent", "ada@example.com").id();

            Cli.Result done = cli().run("offboard", "ADA@example.com", "--yes", "-o", "json");

            assertThat(done.code()).as(done.toString()).isZero();
            assertThat(JSON.readTree(done.out())).extracting(r -> r.get("vendor").asText() + " " + r.get("outcome").asText()
                    + " " + r.get("id").asText()).containsExactlyInAnyOrder("openai revoked " + openaiInvite,
                            "confluent revoked " + confluentInvite);
            assertThat(pendingAt("openai", "ada@example.com")).isEmpty();
            assertThat(pendingAt("confluent", "ada@example.com")).isEmpty();
            assertThat(memberAt("openai", "grace@example.com")).isPresent();
            assertThat(memberAt("confluent", "grace@example.com")).isPresent();
        }

        @Test
        @DisplayName("without a terminal and without --yes it refuses (exit 2), changing nothing; on a terminal only 'yes' goes ahead")
        void confirmation() {
            memberAtBoth("ada@example.com");

            Cli.Result refused = cli().run("offboard", "ada@example.com");
            assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err()).contains("no terminal to confirm", "--yes", "remove member");
            Cli.Result declined = cli().interactive("y\n").run("offboard", "ada@example.com");
            assertThat(declined.code()).as(declined.toString()).isEqualTo(1);
            assertThat(declined.err()).contains("About to offboard ada@example.com:", "remove member", "Nothing changed.");
            assertThat(memberAt("openai", "ada@example.com")).isPresent();
            assertThat(memberAt("confluent", "ada@example.com")).isPresent();

            Cli.Result confirmed = cli().interactive("yes\n").run("offboard", "ada@example.com");
            assertThat(confirmed.code()).as(confirmed.toString()).isZero();
            assertThat(memberAt("openai", "ada@example.com")).isEmpty();
            assertThat(memberAt("confluent", "ada@example.com")).isEmpty();
        }

        @Test
        @DisplayName("a vendor that fails does not stop the other (exit 1); running again finishes the job")
        void oneVendorFails() throws IOException {
            memberAtBoth("grace@example.com");
            confluent.failNext(100, SimulatedFault.SERVER_ERROR);

            Cli.Result half = cli().run("offboard", "grace@example.com", "--yes", "-o", "json");

            assertThat(half.code()).as(half.toString()).isEqualTo(1);
            assertThat(half.err()).contains("error: confluent: ").contains("running roster offboard again is safe");
            assertThat(JSON.readTree(half.out())).extracting(r -> r.get("vendor").asText() + " " + r.get("outcome").asText())
                    .containsExactlyInAnyOrder("openai member removed", "confluent failed");
            assertThat(memberAt("openai", "grace@example.com")).isEmpty();
            confluent.clearFaults();
            assertThat(memberAt("confluent", "grace@example.com")).as("still a member at confluent").isPresent();

            Cli.Result again = cli().run("offboard", "grace@example.com", "--yes", "-o", "json");
            assertThat(again.code()).as(again.toString()).isZero();
            assertThat(JSON.readTree(again.out())).extracting(r -> r.get("vendor").asText() + " " + r.get("outcome").asText())
                    .containsExactlyInAnyOrder("openai nothing found", "confluent member removed");
            assertThat(memberAt("confluent", "grace@example.com")).isEmpty();
        }

        @Test
        @DisplayName("a malformed address is refused before any request (exit 2)")
        void malformedAddress() {
            Cli.Result result = cli().run("offboard", "not-an-email", "--yes");
            assertThat(result.code()).isEqualTo(2);
            assertThat(requests()).isZero();
        }
    }
}
