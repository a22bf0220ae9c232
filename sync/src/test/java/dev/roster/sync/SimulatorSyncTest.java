package dev.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.ProviderConfig;
import dev.roster.RetryPolicy;
import dev.roster.Secret;
import dev.roster.testkit.simulator.ConfluentSimulator;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.SimulatedFault;
import dev.roster.testkit.simulator.VendorSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Plan and apply with the real adapters over HTTP, against the spec-checked simulators")
class SimulatorSyncTest {

    @RegisterExtension
    static final OpenAiSimulator ORG_A = new OpenAiSimulator().validatedAgainstSpec();

    @RegisterExtension
    static final OpenAiSimulator ORG_B = new OpenAiSimulator("sk-admin-roster-second-org-000000000000").validatedAgainstSpec();

    @RegisterExtension
    static final ConfluentSimulator CONFLUENT = new ConfluentSimulator().validatedAgainstSpec();

    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40),
            Duration.ofSeconds(2), Duration.ofSeconds(20));

    private InvitationProvider openAiA;
    private InvitationProvider openAiB;
    private InvitationProvider confluent;

    private void connect(RetryPolicy policy) {
        openAiA = InvitationProviders.load("openai", ORG_A.config().toBuilder().retryPolicy(policy).build());
        openAiB = InvitationProviders.load("openai", ORG_B.config().toBuilder().retryPolicy(policy).build());
        confluent = InvitationProviders.load("confluent", CONFLUENT.config().toBuilder().retryPolicy(policy).build());
    }

    @AfterEach
    void close() {
        Stream.of(openAiA, openAiB, confluent).forEach(p -> {
            if (p != null) {
                p.close();
            }
        });
    }

    private RosterSync sync() {
        return RosterSync.of(Map.of("openai", openAiA, "openai-research", openAiB, "confluent", confluent));
    }

    private static DesiredState state(List<Person> people, Prune confluentPrune) {
        return new DesiredState(List.of(
                ConnectionSpec.of("openai", "openai").withDefaults(Access.none().withRole("reader"))
                        .withEndpoint(ORG_A.baseUri()),
                ConnectionSpec.of("openai-research", "openai").withEndpoint(ORG_B.baseUri()),
                ConnectionSpec.of("confluent", "confluent").withPrune(confluentPrune)), people);
    }

    private static List<Person> team(int size) {
        return IntStream.range(0, size).mapToObj(i -> Person.of("member" + i + "@example.com")
                .at("openai").at("openai-research", Access.none().withRole(i % 2 == 0 ? "owner" : "reader")
                        .withProjects(List.of(ProjectAccess.of("proj_research", "member"))))
                .at("confluent")).toList();
    }

    /** Pending invitations per lower-cased address, as the vendor lists them. */
    private static Map<String, Long> pending(InvitationProvider provider) {
        try (Stream<Invitation> all = provider.stream()) {
            return all.filter(Invitation::isPending)
                    .collect(Collectors.groupingBy(i -> i.email().toLowerCase(Locale.ROOT), Collectors.counting()));
        }
    }

    private void assertOnePendingEach(int people) {
        for (InvitationProvider provider : List.of(openAiA, openAiB, confluent)) {
            assertThat(pending(provider)).hasSize(people).allSatisfy((email, count) -> assertThat(count)
                    .as("pending invitations for " + email + " at " + provider.info().id()).isEqualTo(1));
        }
        for (VendorSimulator simulator : List.of(ORG_A, ORG_B, CONFLUENT)) {
            assertThat(simulator.invitationsCreatedByEmail()).hasSize(people)
                    .allSatisfy((email, created) -> assertThat(created).as("created for " + email).isEqualTo(1));
        }
    }

    @Test
    @DisplayName("empty vendors: plan, apply, and the next plan has no changes; one listing per connection")
    void emptyVendorsConverge() {
        connect(FAST);
        DesiredState state = state(team(12), Prune.OFF);
        RosterSync sync = sync();

        int before = ORG_A.requestCount();
        Plan plan = sync.plan(state);
        assertThat(ORG_A.requestCount() - before).as("requests to plan against an empty vendor: one page of invitations, "
                + "one of members").isEqualTo(2);
        assertThat(plan.summary().describe()).isEqualTo("Plan: 36 to invite, 0 to re-invite, 0 to replace, 0 to revoke, "
                + "0 unchanged.");

        ApplyReport report = sync.apply(plan, state);

        assertThat(report.describe()).isEqualTo("Apply: 36 done, 0 skipped as stale, 0 failed.");
        assertOnePendingEach(12);
        assertThat(openAiB.findByEmail("member0@example.com").orElseThrow().role()).contains("owner");
        assertThat(sync.plan(state).summary().describe()).isEqualTo("No changes: 36 unchanged.");
    }

    @Test
    @DisplayName("an expired invitation is re-invited, a changed role replaced, and a pruned vendor's extra pending invitation revoked")
    void reinviteReplacePrune() {
        connect(FAST);
        Invitation expired = openAiA.invite(InvitationRequest.builder("ada@example.com").role("reader").build());
        ORG_A.expire(expired.id());
        Invitation reader = openAiB.invite(InvitationRequest.builder("ada@example.com").role("reader").build());
        Invitation stray = confluent.invite(InvitationRequest.of("eve@example.com"));
        confluent.invite(InvitationRequest.of("ada@example.com"));
        DesiredState state = state(List.of(Person.of("Ada@Example.com").at("openai")
                .at("openai-research", Access.none().withRole("owner")).at("confluent")), Prune.PENDING);
        RosterSync sync = sync();

        Plan plan = sync.plan(state);

        assertThat(plan.steps()).extracting(c -> c.action().mark() + " " + c.connection() + " " + c.email()).containsExactly(
                "+ openai Ada@Example.com",
                "~ openai-research Ada@Example.com",
                "  confluent Ada@Example.com",
                "- confluent eve@example.com");
        assertThat(plan.summary().describe()).isEqualTo("Plan: 0 to invite, 1 to re-invite, 1 to replace, 1 to revoke, "
                + "1 unchanged.");

        ApplyReport report = sync.apply(plan, state);

        assertThat(report.anyFailed()).isFalse();
        assertThat(openAiA.findByEmail("ada@example.com").orElseThrow().status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(openAiB.find(reader.id())).as("OpenAI deletes a revoked invite").isEmpty();
        assertThat(openAiB.findByEmail("ada@example.com").orElseThrow().role()).contains("owner");
        assertThat(confluent.find(stray.id()).orElseThrow().status()).isEqualTo(InvitationStatus.REVOKED);
        assertThat(sync.plan(state).summary().describe()).isEqualTo("No changes: 3 unchanged.");
    }

    @Test
    @DisplayName("faults and 429s during apply: a half-failed run, then a re-run, leave exactly one invitation per person per vendor")
    void faultsAndRateLimitsConverge() {
        // One attempt per call, so that faults fail steps; 429s are still a pace, not an attempt.
        connect(new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(2), Duration.ofSeconds(20)));
        DesiredState state = state(team(10), Prune.OFF);
        RosterSync sync = sync();
        Plan plan = sync.plan(state);
        ORG_A.failNext(2, SimulatedFault.CONNECTION_RESET_AFTER_PROCESSING, "POST")
                .failNext(1, SimulatedFault.SERVER_ERROR, "POST");
        ORG_B.retryAfter(Duration.ofMillis(20)).failNext(3, SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER, "POST");
        CONFLUENT.failNext(2, SimulatedFault.UNAVAILABLE_WITH_RETRY_AFTER, "POST");

        ApplyReport first = sync.apply(plan, state);

        assertThat(first.anyFailed()).isTrue();
        assertThat(first.count(Outcome.FAILED)).as("3 faults at org A, 2 at Confluent; org B's 429s are paced")
                .isEqualTo(5);
        assertThat(first.results()).filteredOn(r -> r.connection().equals("openai-research"))
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.DONE));
        assertThat(first.results()).filteredOn(r -> r.outcome() == Outcome.FAILED && r.connection().equals("openai"))
                .anySatisfy(r -> assertThat(r.requestId()).isPresent());

        Plan again = sync.plan(state);
        assertThat(again.summary().describe())
                .as("the two invites whose answer was lost were made; the server error and Confluent's 503s were not")
                .isEqualTo("Plan: 3 to invite, 0 to re-invite, 0 to replace, 0 to revoke, 27 unchanged.");
        ApplyReport second = sync.apply(again, state);

        assertThat(second.describe()).isEqualTo("Apply: 3 done, 0 skipped as stale, 0 failed.");
        assertOnePendingEach(10);
        assertThat(sync.plan(state).summary().changes()).isZero();
    }

    @Test
    @DisplayName("a member without an invitation is unchanged; one who joined after the plan is done, with a note, not a failure")
    void alreadyMember() {
        connect(FAST);
        DesiredState state = state(List.of(Person.of("grace@example.com").at("openai")), Prune.OFF);
        RosterSync sync = sync();
        Plan before = sync.plan(state);
        assertThat(before.changes()).extracting(PlanStep::action).containsExactly(Action.INVITE);
        ORG_A.addMember("grace@example.com");

        assertThat(sync.plan(state).steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(Action.UNCHANGED);
            assertThat(step.member()).isPresent();
        });
        ApplyReport report = sync.apply(before, state, ApplyOptions.defaults().withCheckPreconditions(false),
                ApplyListener.NONE);

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.DONE);
            assertThat(r.message()).contains("already a member of the organisation: nothing to invite");
        });
        assertThat(ORG_A.invitationsCreatedByEmail()).isEmpty();
    }

    @Test
    @DisplayName("a status Roster does not know is left alone with a note, even where the state asks for other access")
    void unknownStatusIsLeftAlone() {
        connect(FAST);
        Invitation odd = confluent.invite(InvitationRequest.of("ada@example.com"));
        Invitation stray = confluent.invite(InvitationRequest.of("eve@example.com"));
        CONFLUENT.forceStatus(odd.id(), "INVITE_STATUS_QUARANTINED");
        CONFLUENT.forceStatus(stray.id(), "INVITE_STATUS_QUARANTINED");
        DesiredState state = state(List.of(Person.of("ada@example.com").at("confluent")), Prune.PENDING);
        RosterSync sync = sync();

        Plan plan = sync.plan(state);

        assertThat(plan.steps()).extracting(s -> s.action() + " " + s.email() + " " + s.note().orElse("")).containsExactly(
                "UNCHANGED ada@example.com " + Decisions.UNKNOWN_STATUS,
                "UNCHANGED eve@example.com " + Decisions.UNKNOWN_NOT_IN_STATE);
        assertThat(sync.apply(plan, state).results()).isEmpty();
        assertThat(confluent.find(stray.id()).orElseThrow().status()).isEqualTo(InvitationStatus.UNKNOWN);
    }

    @Test
    @DisplayName("a refused credential fails every step with the vendor's reason and request id, and no result carries the key")
    void noCredentialInResults() {
        connect(FAST);
        DesiredState state = state(team(3), Prune.OFF);
        Plan plan = sync().plan(state);
        String canary = "sk-admin-canary-must-never-be-shown-4242";
        List<StepResult> heard = new java.util.ArrayList<>();
        try (InvitationProvider wrongKey = InvitationProviders.load("openai", ORG_A.config().toBuilder()
                .credential(ProviderConfig.OPENAI_ADMIN_KEY, Secret.of(canary)).retryPolicy(FAST).build())) {
            RosterSync sync = RosterSync.of(Map.of("openai", wrongKey, "openai-research", openAiB, "confluent", confluent));

            ApplyReport report = sync.apply(plan, state, ApplyOptions.defaults(), new ApplyListener() {
                @Override
                public void finished(StepResult result) {
                    heard.add(result);
                }
            });

            assertThat(report.results()).filteredOn(r -> r.connection().equals("openai")).hasSize(3).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(r.message().orElseThrow()).contains("HTTP 401");
                assertThat(r.requestId()).isPresent();
            });
        }
        assertThat(heard).hasSize(9);
        assertThat(heard.toString()).doesNotContain(canary).doesNotContain(OpenAiSimulator.DEFAULT_ADMIN_KEY)
                .doesNotContain("canary");
    }

    @Test
    @DisplayName("a vendor limiting the rate: steps are paced by core, none fails")
    void rateLimitIsAPace() {
        connect(FAST);
        ORG_A.retryAfter(Duration.ofMillis(50)).rateLimit(15);
        DesiredState state = state(team(20), Prune.OFF);
        RosterSync sync = sync();

        ApplyReport report = sync.apply(sync.plan(state), state, ApplyOptions.defaults().withParallelism(8),
                ApplyListener.NONE);

        assertThat(report.describe()).isEqualTo("Apply: 60 done, 0 skipped as stale, 0 failed.");
        // The limit was in play (more requests than one second's window allows); core's pacer, reading the
        // vendor's headers, may keep every one of them within it, so a 429 is allowed but not required.
        assertThat(ORG_A.requestsReceived()).as("requests the limited vendor received").isGreaterThan(15);
        assertOnePendingEach(20);
    }
}
