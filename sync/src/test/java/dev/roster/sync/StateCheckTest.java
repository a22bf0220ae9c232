package dev.roster.sync;

import static dev.roster.sync.World.connection;
import static dev.roster.sync.World.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.InvalidRequestException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A desired state's problems are all reported at once, each with its path")
class StateCheckTest {

    @Test
    @DisplayName("a state with many problems: every one, in order, with its path, and nothing is sent")
    void everyProblemAtOnce() {
        World world = World.of("acme", "beta");
        DesiredState state = state(
                List.of(connection("acme").withDefaults(Access.none().withRole("superuser")),
                        ConnectionSpec.of("beta", "openai"),
                        connection("ghost"),
                        connection("bad name")),
                List.of(Person.of("ada@example.com").at("acme"),
                        Person.of("not-an-email").at("acme"),
                        Person.of("ADA@Example.com").at("acme"),
                        Person.of("bob@example.com").at("acme", Access.none()
                                .withRole("janitor")
                                .withProjects(List.of(ProjectAccess.of("p1", "member"), ProjectAccess.of("p1", "boss"),
                                        ProjectAccess.of(" ", null)))
                                .withAttribute("auth_type", "AUTH_TYPE_SSO")),
                        Person.of("cy@example.com").at("nowhere"),
                        new Person(null, Map.of())));

        List<Problem> problems = world.sync().problems(state);

        assertThat(problems).extracting(Problem::path).containsExactly(
                "defaults.acme.role",
                "vendors.beta.provider",
                "vendors.ghost",
                "vendors[3]",
                "people[1].email",
                "people[2].email",
                "people[3].vendors.acme.role",
                "people[3].vendors.acme.projects[1].id",
                "people[3].vendors.acme.projects[1].role",
                "people[3].vendors.acme.projects[2].id",
                "people[3].vendors.acme.projects[2].role",
                "people[3].vendors.acme.attributes.auth_type",
                "people[4].vendors.nowhere",
                "people[5].email");
        assertThat(problems.get(0).message()).isEqualTo("'superuser' is not a role In-memory (testkit) has; use one of "
                + "[admin, member, owner]");
        assertThat(problems.get(1).message()).contains("is 'openai', but the provider connected for 'beta' is 'in-memory'");
        assertThat(problems.get(2).message()).contains("no provider was connected for vendor 'ghost'");
        assertThat(problems.get(4).message()).startsWith("Invalid email address 'not-an-email'");
        assertThat(problems.get(5).message()).contains("listed twice (people[0] has it; addresses are compared ignoring case)");
        assertThat(problems.get(12).message()).isEqualTo("unknown vendor 'nowhere'; the declared vendors are acme, bad name, "
                + "beta, ghost");
        assertThat(problems.get(13).message()).contains("an email address is required");

        assertThatThrownBy(() -> world.sync().plan(state))
                .isInstanceOf(InvalidDesiredStateException.class)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("The desired state has 14 problems; fix them all and try again:\n"
                        + "  defaults.acme.role: 'superuser'")
                .satisfies(e -> assertThat(((InvalidDesiredStateException) e).problems()).isEqualTo(problems));
        assertThat(world.wire("acme").calls("list") + world.wire("beta").calls("list")).isZero();
    }

    @Test
    @DisplayName("roles, projects and attributes a provider cannot take are named with what it can")
    void capabilities() {
        World world = World.of("acme");
        DesiredState state = state(List.of(connection("acme").withDefaults(Access.none()
                        .withProjects(List.of(ProjectAccess.of("p1", "viewer"))).withAttribute("colour", "red"))),
                List.of(Person.of("ada@example.com").at("acme", Access.none().withRole(" "))));

        assertThat(world.sync().problems(state)).extracting(Problem::toString).containsExactly(
                "defaults.acme.projects[0].role: 'viewer' is not a project role In-memory (testkit) has; use one of [member, owner]",
                "defaults.acme.attributes.colour: In-memory (testkit) takes no attribute 'colour'; it takes none",
                "people[0].vendors.acme.role: ' ' is not a role In-memory (testkit) has; use one of [admin, member, owner]");
    }

    @Test
    @DisplayName("a valid state has no problems")
    void valid() {
        World world = World.of("acme");
        DesiredState state = state(List.of(connection("acme").withDefaults(Access.none().withRole("admin"))),
                List.of(Person.of(" ada@example.com ").at("acme", Access.none()
                        .withProjects(List.of(ProjectAccess.of("p1", "owner"))))));

        assertThat(world.sync().problems(state)).isEmpty();
    }

    @Test
    @DisplayName("nulls in the structure are typed errors that say what to do")
    void nulls() {
        assertThatThrownBy(() -> new DesiredState(null, List.of())).isInstanceOf(InvalidRequestException.class)
                .hasMessage("DesiredState.connections is required; got null.");
        Map<String, Access> withNull = new HashMap<>();
        withNull.put("acme", null);
        assertThatThrownBy(() -> new Person("ada@example.com", withNull)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("null value for 'acme'");
        assertThatThrownBy(() -> new Access(Optional.empty(), Optional.empty(), null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> World.of("acme").sync().plan(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("state is required; got null.");
        assertThatThrownBy(() -> RosterSync.of(null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ApplyOptions.defaults().withParallelism(0)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("1 to 64");
    }
}
