package dev.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.ProviderConfig;
import dev.roster.testkit.InMemoryInvitationProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The package Javadoc's example runs as written (on in-memory providers)")
class UsageExampleTest {

    @Test
    @DisplayName("two connections of one provider: problems, plan, apply with a listener")
    void example() {
        InvitationProvider openai = InvitationProviders.withPolicy(new InMemoryInvitationProvider(World.CLOCK),
                ProviderConfig.defaults());
        InvitationProvider research = InvitationProviders.withPolicy(new InMemoryInvitationProvider(World.CLOCK),
                ProviderConfig.defaults());
        String id = InMemoryInvitationProvider.ID; // "openai" in the Javadoc

        DesiredState state = new DesiredState(
                List.of(ConnectionSpec.of("openai", id).withDefaults(Access.none().withRole("admin")),
                        ConnectionSpec.of("openai-research", id).withPrune(Prune.PENDING)),
                List.of(Person.of("ada@example.com").at("openai").at("openai-research"),
                        Person.of("grace@example.com").at("openai", Access.none()
                                .withRole("owner")
                                .withProjects(List.of(ProjectAccess.of("proj_abc", "member"))))));

        RosterSync sync = RosterSync.of(Map.of("openai", openai, "openai-research", research));
        List<Problem> problems = sync.problems(state);
        Plan plan = sync.plan(state);
        List<String> lines = new ArrayList<>();
        plan.steps().forEach(c -> lines.add(c.action().mark() + " " + c.connection() + " " + c.email()));
        List<String> progress = new ArrayList<>();
        ApplyReport report = sync.apply(plan, state, ApplyOptions.defaults(), new ApplyListener() {
            @Override
            public void finished(StepResult step) {
                progress.add(step.outcome() + " " + step.action().label() + " " + step.email());
            }
        });

        assertThat(problems).isEmpty();
        assertThat(lines).containsExactly("+ openai ada@example.com", "+ openai grace@example.com",
                "+ openai-research ada@example.com");
        assertThat(plan.summary().describe()).isEqualTo("Plan: 3 to invite, 0 to re-invite, 0 to replace, 0 to revoke, 0 unchanged.");
        assertThat(progress).containsExactlyInAnyOrder("DONE invite ada@example.com", "DONE invite grace@example.com",
                "DONE invite ada@example.com");
        assertThat(report.describe()).isEqualTo("Apply: 3 done, 0 skipped as stale, 0 failed.");
    }
}
