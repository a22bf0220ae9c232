package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.testkit.simulator.GitHubSimulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * roster offboard --member VENDOR=ID as a user runs it, against a vendor that does not reveal members'
 * addresses (the spec-checked GitHub simulator, over HTTP on 127.0.0.1): the command names no vendor.
 */
@DisplayName("roster offboard --member removes a member by id where the vendor cannot find members by email")
class OffboardByMemberIdTest {

    @RegisterExtension
    static final GitHubSimulator github = new GitHubSimulator().validatedAgainstSpec();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Cli cli() {
        Cli cli = Cli.bare().env(Vendors.baseUriVariable("github"), github.rootUri().toString());
        github.environment().forEach(cli::env);
        return cli;
    }

    private static Invitation invite(String email) {
        try (InvitationProvider provider = InvitationProviders.load("github", github.config())) {
            return provider.invite(InvitationRequest.of(email));
        }
    }

    private static boolean isMember(String login) {
        try (InvitationProvider provider = InvitationProviders.load("github", github.config())) {
            return provider.members().find(login).isPresent();
        }
    }

    private static List<String> rows(String out) throws IOException {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : JSON.readTree(out)) {
            rows.add(row.get("outcome").asText() + " " + row.get("id").asText());
        }
        return rows;
    }

    @Test
    @DisplayName("revokes the address's pending invitation, says the membership was not checked by address, and removes "
            + "the member named by login; a second run finds nothing to remove")
    void removesByLogin() throws IOException {
        String login = github.join("ada.lovelace@example.com");
        Invitation pending = invite("ada@example.com");

        Cli.Result done = cli().run("offboard", "ada@example.com", "--member", "github=" + login, "--yes", "-o", "json");

        assertThat(done.code()).as(done.toString()).isZero();
        assertThat(rows(done.out())).containsExactly("revoked " + pending.id(), "not checked null", "member removed " + login);
        JsonNode notChecked = JSON.readTree(done.out()).get(1);
        assertThat(notChecked.get("message").asText()).contains("does not reveal members' email addresses")
                .contains("named with --member");
        assertThat(isMember(login)).isFalse();

        Cli.Result again = cli().run("offboard", "ada@example.com", "--member", "github=" + login, "--yes", "-o", "json");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(rows(again.out())).containsExactly("not checked null", "not a member " + login);
    }

    @Test
    @DisplayName("as a table, one row per step (the README's example)")
    void table() {
        github.join("ada.lovelace@example.com");
        Invitation pending = invite("ada@example.com");

        Cli.Result done = cli().run("offboard", "ada@example.com", "--vendor", "github", "--member", "github=ada-lovelace",
                "--yes");

        assertThat(done.code()).as(done.toString()).isZero();
        assertThat(done.out().lines()).containsExactly(
                "VENDOR  EMAIL            OUTCOME         ID            REASON",
                "github  ada@example.com  revoked         " + pending.id() + "       -",
                "github  ada@example.com  not checked     -             -",
                "github  ada@example.com  member removed  ada-lovelace  -");
    }

    @Test
    @DisplayName("without --member, says how to name the member; without a terminal and --yes it refuses, showing the "
            + "member it would remove (exit 2)")
    void confirmationAndHint() throws IOException {
        String login = github.join("grace.h@example.com");
        invite("grace@example.com");

        Cli.Result refused = cli().run("offboard", "grace@example.com", "--member", "github=" + login);
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("no terminal to confirm", "github: remove member grace-h (role member), named "
                + "with --member");
        assertThat(isMember(login)).isTrue();

        Cli.Result byAddress = cli().run("offboard", "grace@example.com", "--yes", "-o", "json");
        assertThat(byAddress.code()).as(byAddress.toString()).isZero();
        assertThat(rows(byAddress.out())).hasSize(2).first().asString().startsWith("revoked ");
        assertThat(JSON.readTree(byAddress.out()).get(1).get("message").asText()).contains("--member github=ID");
        assertThat(byAddress.err()).contains("note: github: membership not checked.").contains("--member github=ID");
        assertThat(isMember(login)).isTrue();
    }

    @Test
    @DisplayName("refuses a malformed --member, an id no member could have, or a vendor not offboarded at, before any "
            + "request (exit 2); --help documents it")
    void refusedBeforeAnyRequest() {
        for (String[] args : List.of(
                new String[] {"offboard", "ada@example.com", "--member", "github", "--yes"},
                new String[] {"offboard", "ada@example.com", "--member", "github=../admin", "--yes"},
                new String[] {"offboard", "ada@example.com", "--member", "openai=user_1", "--yes"})) {
            Cli.Result result = cli().run(args);
            assertThat(result.code()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).as(result.toString()).containsAnyOf("VENDOR=ID", "member id", "not among the vendors");
        }
        assertThat(github.requestsReceived()).isZero();

        Cli.Result help = cli().run("offboard", "--help");
        assertThat(help.out()).contains("--member=VENDOR=ID").contains("roster offboard ada@example.com --member <vendor>=<member id>");
    }
}
