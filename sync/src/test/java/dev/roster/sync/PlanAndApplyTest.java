package dev.roster.sync;

import static dev.roster.sync.World.connection;
import static dev.roster.sync.World.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.Invitation;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.ProjectGrant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Plan and apply against in-memory vendors")
class PlanAndApplyTest {

    private static final String ACME = "acme";

    private static List<Person> people(int count, String connection) {
        return IntStream.range(0, count).mapToObj(i -> Person.of("person" + i + "@example.com").at(connection)).toList();
    }

    private static List<Action> actions(Plan plan) {
        return plan.steps().stream().map(PlanStep::action).toList();
    }

    @Nested
    @DisplayName("from empty vendors")
    class FromEmpty {

        @Test
        @DisplayName("plans one invite per person with one listing per connection, applies them, and then plans no changes")
        void convergesInOneRun() {
            World world = World.of(ACME);
            DesiredState state = state(List.of(connection(ACME).withDefaults(Access.none().withRole("admin"))),
                    people(250, ACME));
            RosterSync sync = world.sync();

            Plan plan = sync.plan(state);

            assertThat(plan.summary().describe()).isEqualTo("Plan: 250 to invite, 0 to re-invite, 0 to replace, 0 to revoke, "
                    + "0 unchanged.");
            assertThat(world.wire(ACME).calls("list")).as("one listing pass: 1 page of an empty vendor").isEqualTo(1);
            assertThat(world.wire(ACME).calls("findByEmail") + world.wire(ACME).calls("find")).isZero();

            ApplyReport report = sync.apply(plan, state);

            assertThat(report.describe()).isEqualTo("Apply: 250 done, 0 skipped as stale, 0 failed.");
            assertThat(world.pendingByEmail(ACME)).hasSize(250).allSatisfy((email, count) -> assertThat(count).isEqualTo(1));
            assertThat(world.vendor(ACME).snapshot()).allSatisfy(i -> assertThat(i.role()).contains("admin"));

            world.wire(ACME).resetCounts();
            Plan again = sync.plan(state);
            assertThat(again.summary().describe()).isEqualTo("No changes: 250 unchanged.");
            assertThat(world.wire(ACME).calls("list")).as("250 invitations in pages of 100: one pass").isEqualTo(3);
        }

        @Test
        @DisplayName("reports one result per step to the listener, one event at a time, with the invitation's id")
        void listenerHearsEveryStep() {
            World world = World.of(ACME);
            DesiredState state = state(List.of(connection(ACME)), people(20, ACME));
            List<StepResult> heard = Collections.synchronizedList(new ArrayList<>());
            List<PlanStep> started = Collections.synchronizedList(new ArrayList<>());
            int[] inside = {0};
            boolean[] overlapped = {false};
            ApplyListener listener = new ApplyListener() {
                @Override
                public void started(PlanStep change) {
                    started.add(change);
                }

                @Override
                public void finished(StepResult result) {
                    if (++inside[0] > 1) {
                        overlapped[0] = true;
                    }
                    heard.add(result);
                    inside[0]--;
                }
            };

            RosterSync sync = world.sync();
            ApplyReport report = sync.apply(sync.plan(state), state, ApplyOptions.defaults().withClock(World.CLOCK), listener);

            assertThat(heard).hasSize(20).containsExactlyInAnyOrderElementsOf(report.results());
            assertThat(started).hasSize(20);
            assertThat(overlapped[0]).isFalse();
            assertThat(report.results()).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.DONE);
                assertThat(r.time()).isEqualTo(World.CLOCK.instant());
                assertThat(r.invitationId()).isPresent();
                assertThat(world.vendor(ACME).find(r.invitationId().get()).map(Invitation::email)).contains(r.email());
            });
        }
    }

    @Nested
    @DisplayName("decides from what each vendor shows")
    class Decides {

        @Test
        @DisplayName("an expired invitation is re-invited")
        void expiredIsReinvited() {
            World world = World.of(ACME);
            Invitation old = world.providers.get(ACME).invite(InvitationRequest.of("ada@example.com"));
            world.vendor(ACME).expire(old.id());
            DesiredState state = state(List.of(connection(ACME)), List.of(Person.of("ada@example.com").at(ACME)));
            RosterSync sync = world.sync();

            Plan plan = sync.plan(state);
            assertThat(actions(plan)).containsExactly(Action.REINVITE);
            assertThat(plan.steps().get(0).seen().map(SeenInvitation::id)).contains(old.id());

            ApplyReport report = sync.apply(plan, state);
            assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.DONE));
            assertThat(world.pendingByEmail(ACME)).containsExactly(Map.entry("ada@example.com", 1L));
            assertThat(sync.plan(state).summary().changes()).isZero();
        }

        @Test
        @DisplayName("a pending invitation with another role is replaced: revoked, then invited anew with the new role")
        void changedRoleIsReplaced() {
            World world = World.of(ACME);
            Invitation old = world.providers.get(ACME).invite(InvitationRequest.builder("ada@example.com").role("member").build());
            DesiredState state = state(List.of(connection(ACME)),
                    List.of(Person.of("ADA@example.com").at(ACME, Access.none().withRole("owner"))));
            RosterSync sync = world.sync();

            Plan plan = sync.plan(state);
            assertThat(actions(plan)).containsExactly(Action.REPLACE);
            assertThat(plan.summary().describe()).isEqualTo("Plan: 0 to invite, 0 to re-invite, 1 to replace, 0 to revoke, "
                    + "0 unchanged.");

            StepResult result = sync.apply(plan, state).results().get(0);

            assertThat(result.outcome()).isEqualTo(Outcome.DONE);
            assertThat(world.vendor(ACME).find(old.id()).map(Invitation::status)).contains(InvitationStatus.REVOKED);
            Invitation now = world.vendor(ACME).find(result.invitationId().orElseThrow()).orElseThrow();
            assertThat(now.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(now.role()).contains("owner");
            assertThat(sync.plan(state).summary().describe()).isEqualTo("No changes: 1 unchanged.");
        }

        @Test
        @DisplayName("other projects replace too; the same projects in another order do not")
        void changedProjectsAreReplaced() {
            World world = World.of(ACME);
            world.providers.get(ACME).invite(InvitationRequest.builder("ada@example.com")
                    .project("p1", "member").project("p2", "owner").build());
            Access same = Access.none().withProjects(List.of(ProjectAccess.of("p2", "owner"), ProjectAccess.of("p1", "member")));
            Access other = Access.none().withProjects(List.of(ProjectAccess.of("p1", "owner")));
            RosterSync sync = world.sync();

            assertThat(actions(sync.plan(state(List.of(connection(ACME)), List.of(Person.of("ada@example.com").at(ACME, same))))))
                    .containsExactly(Action.UNCHANGED);
            DesiredState changed = state(List.of(connection(ACME)), List.of(Person.of("ada@example.com").at(ACME, other)));
            sync.apply(sync.plan(changed), changed);

            assertThat(world.providers.get(ACME).findByEmail("ada@example.com").orElseThrow().projects())
                    .containsExactly(ProjectGrant.of("p1", "owner"));
        }

        @Test
        @DisplayName("a member is left alone, with a note when the state asks for other access")
        void memberIsLeftAlone() {
            World world = World.of(ACME);
            world.vendor(ACME).accept(world.providers.get(ACME).invite(InvitationRequest.of("ada@example.com")).id());
            DesiredState state = state(List.of(connection(ACME)),
                    List.of(Person.of("ada@example.com").at(ACME, Access.none().withRole("owner"))));

            Plan plan = world.sync().plan(state);

            assertThat(plan.steps()).singleElement().satisfies(c -> {
                assertThat(c.action()).isEqualTo(Action.UNCHANGED);
                assertThat(c.note()).contains(Decisions.MEMBER_DIFFERS);
            });
            assertThat(world.sync().apply(plan, state).results()).isEmpty();
        }

        @Test
        @DisplayName("a revoked invitation is invited again")
        void revokedIsInvited() {
            World world = World.of(ACME);
            world.providers.get(ACME).revoke(world.providers.get(ACME).invite(InvitationRequest.of("ada@example.com")).id());
            DesiredState state = state(List.of(connection(ACME)), List.of(Person.of("ada@example.com").at(ACME)));

            assertThat(actions(world.sync().plan(state))).containsExactly(Action.INVITE);
        }
    }

    @Nested
    @DisplayName("prunes")
    class Prunes {

        @Test
        @DisplayName("pending invitations of people not listed at a pruned connection, never accepted ones, and nothing with prune off")
        void prunesPendingOnly() {
            World world = World.of("pruned", "kept");
            for (String connection : List.of("pruned", "kept")) {
                world.providers.get(connection).invite(InvitationRequest.of("ada@example.com"));
                world.providers.get(connection).invite(InvitationRequest.of("eve@example.com"));
                world.vendor(connection).accept(world.providers.get(connection).invite(InvitationRequest.of("mal@example.com")).id());
            }
            DesiredState state = state(List.of(connection("pruned").withPrune(Prune.PENDING), connection("kept")),
                    List.of(Person.of("ada@example.com").at("pruned").at("kept")));
            RosterSync sync = world.sync();

            Plan plan = sync.plan(state);

            assertThat(plan.steps()).extracting(c -> c.connection() + " " + c.action() + " " + c.email()).containsExactly(
                    "pruned UNCHANGED ada@example.com",
                    "pruned REVOKE eve@example.com",
                    "pruned UNCHANGED mal@example.com",
                    "kept UNCHANGED ada@example.com");
            assertThat(plan.steps().get(2).note()).hasValueSatisfying(note -> assertThat(note).contains("not listed here"));

            ApplyReport report = sync.apply(plan, state);

            assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.DONE));
            assertThat(world.pendingByEmail("pruned")).containsOnlyKeys("ada@example.com");
            assertThat(world.pendingByEmail("kept")).containsOnlyKeys("ada@example.com", "eve@example.com");
            assertThat(world.vendor("pruned").findByEmail("mal@example.com").map(Invitation::status))
                    .contains(InvitationStatus.ACCEPTED);
            assertThat(sync.plan(state).summary().changes()).isZero();
        }
    }

    @Nested
    @DisplayName("with members")
    class WithMembers {

        @Test
        @DisplayName("a listed member whose invitation is long gone is unchanged, not invited again")
        void memberWithoutInvitationUnchanged() {
            World world = World.withMembers(ACME);
            world.wire(ACME).addMember("u-ada", "Ada@Example.com", false);
            DesiredState state = state(List.of(connection(ACME)), List.of(Person.of("ada@example.com").at(ACME),
                    Person.of("bob@example.com").at(ACME)));

            Plan plan = world.sync().plan(state);

            assertThat(plan.steps()).extracting(s -> s.action() + " " + s.email() + " " + s.member().map(SeenMember::id))
                    .containsExactly("UNCHANGED ada@example.com Optional[u-ada]", "INVITE bob@example.com Optional.empty");
            assertThat(world.wire(ACME).calls("members.list")).as("members read once, beside the invitations").isEqualTo(1);
        }

        @Test
        @DisplayName("prune: members removes members not listed (revoking their pending invitation), never a service "
                + "account; prune: pending and off never remove a member")
        void prunesMembersOnlyWithTheOptIn() {
            World world = World.withMembers("members", "pending", "off");
            for (String connection : List.of("members", "pending", "off")) {
                world.wire(connection).addMember("u-ada", "ada@example.com", false)
                        .addMember("u-eve", "eve@example.com", false)
                        .addMember("sa-ci", "ci@example.com", true);
                world.providers.get(connection).invite(InvitationRequest.of("eve@example.com"));
            }
            DesiredState state = state(List.of(connection("members").withPrune(Prune.MEMBERS),
                    connection("pending").withPrune(Prune.PENDING), connection("off")),
                    List.of(Person.of("ada@example.com").at("members").at("pending").at("off")));
            RosterSync sync = world.sync();

            Plan plan = sync.plan(state);

            assertThat(plan.changes()).extracting(s -> s.connection() + " " + s.action().label() + " " + s.email())
                    .containsExactly("members remove-member eve@example.com", "pending revoke eve@example.com");
            assertThat(plan.steps()).filteredOn(s -> s.email().equals("ci@example.com"))
                    .extracting(s -> s.connection() + " " + s.action() + " " + s.note().isPresent())
                    .containsExactly("members UNCHANGED true", "pending UNCHANGED true");
            assertThat(plan.summary().describe()).isEqualTo("Plan: 0 to invite, 0 to re-invite, 0 to replace, 1 to revoke, "
                    + "1 member to remove, 5 unchanged.");
            assertThat(Action.REMOVE_MEMBER.mark()).isNotIn(Action.REVOKE.mark(), Action.INVITE.mark(), Action.REPLACE.mark());

            ApplyReport report = sync.apply(plan, state);

            assertThat(report.results()).extracting(r -> r.connection() + " " + r.outcome() + " " + r.message().orElse(""))
                    .containsExactly("members DONE revoked " + report.results().get(0).invitationId().orElseThrow()
                            + "; removed member u-eve", "pending DONE ");
            assertThat(world.wire("members").memberIds()).containsExactly("u-ada", "sa-ci");
            assertThat(world.pendingByEmail("members")).isEmpty();
            assertThat(world.wire("pending").memberIds()).containsExactly("u-ada", "u-eve", "sa-ci");
            assertThat(world.wire("off").memberIds()).containsExactly("u-ada", "u-eve", "sa-ci");
            assertThat(world.pendingByEmail("off")).containsOnlyKeys("eve@example.com");
            assertThat(sync.plan(state).summary().changes()).as("converged").isZero();
        }

        @Test
        @DisplayName("a saved removal is re-checked: a member already gone is stale, not removed blindly")
        void savedRemovalRechecked() {
            World world = World.withMembers(ACME);
            world.wire(ACME).addMember("u-eve", "eve@example.com", false);
            DesiredState state = state(List.of(connection(ACME).withPrune(Prune.MEMBERS)), List.of());
            RosterSync sync = world.sync();
            Plan saved = sync.plan(state);
            assertThat(actions(saved)).containsExactly(Action.REMOVE_MEMBER);
            world.providers.get(ACME).members().remove("u-eve");
            world.wire(ACME).addMember("u-eve2", "eve@example.com", false);
            world.wire(ACME).resetCounts();

            StepResult result = sync.apply(saved, state).results().get(0);

            assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED_STALE);
            assertThat(result.message().orElseThrow()).contains("member u-eve2").contains("plan saw member u-eve;");
            assertThat(world.wire(ACME).calls("members.remove")).isZero();
            assertThat(world.wire(ACME).memberIds()).containsExactly("u-eve2");
        }

        @Test
        @DisplayName("at a vendor that hides members' addresses: prune: members is a problem naming why, and prune: pending "
                + "never proposes removing a member it cannot match (members are not even read)")
        void membersWithoutAddressesAreNeverPruned() {
            World world = World.withUnaddressedMembers(ACME);
            world.wire(ACME).addMember("ada-lovelace", "ada@example.com", false).addMember("eve", "eve@example.com", false);
            world.providers.get(ACME).invite(InvitationRequest.of("mal@example.com"));
            DesiredState members = state(List.of(connection(ACME).withPrune(Prune.MEMBERS)),
                    List.of(Person.of("ada@example.com").at(ACME)));

            assertThat(world.sync().problems(members)).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("vendors.acme.prune");
                assertThat(p.message()).contains("does not reveal members' addresses").contains("prune: pending")
                        .contains("--member " + world.providers.get(ACME).info().id() + "=ID");
            });

            DesiredState pending = state(List.of(connection(ACME).withPrune(Prune.PENDING)),
                    List.of(Person.of("ada@example.com").at(ACME)));
            Plan plan = world.sync().plan(pending);

            assertThat(plan.steps()).extracting(s -> s.action() + " " + s.email())
                    .containsExactly("INVITE ada@example.com", "REVOKE mal@example.com");
            assertThat(plan.steps()).allSatisfy(s -> assertThat(s.member()).isEmpty());
            assertThat(world.wire(ACME).calls("members.list")).as("members that match no address are not read").isZero();
            world.sync().apply(plan, pending);
            assertThat(world.wire(ACME).memberIds()).containsExactly("ada-lovelace", "eve");
            assertThat(world.wire(ACME).calls("members.remove")).isZero();
        }

        @Test
        @DisplayName("prune: members at a vendor that cannot list and remove members is a problem at vendors.<name>.prune")
        void pruneMembersNeedsTheCapability() {
            World world = World.withoutMembers(ACME);
            DesiredState state = state(List.of(connection(ACME).withPrune(Prune.MEMBERS)), List.of());

            assertThat(world.sync().problems(state)).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("vendors.acme.prune");
                assertThat(p.message()).contains("prune: members").contains("prune: pending");
            });
            assertThatThrownBy(() -> world.sync().plan(state)).isInstanceOf(InvalidDesiredStateException.class);
            assertThat(world.wire(ACME).calls("list")).isZero();
        }
    }

    @Nested
    @DisplayName("two connections of one provider")
    class TwoConnections {

        @Test
        @DisplayName("are planned and applied independently, each with its own defaults")
        void independent() {
            World world = World.of("org-a", "org-b");
            DesiredState state = state(
                    List.of(connection("org-a").withDefaults(Access.none().withRole("admin")), connection("org-b")),
                    List.of(Person.of("ada@example.com").at("org-a").at("org-b"),
                            Person.of("bob@example.com").at("org-b", Access.none().withRole("owner"))));
            RosterSync sync = world.sync();

            ApplyReport report = sync.apply(sync.plan(state), state);

            assertThat(report.count(Outcome.DONE)).isEqualTo(3);
            assertThat(world.vendor("org-a").snapshot()).extracting(i -> i.email() + " " + i.role().orElseThrow())
                    .containsExactly("ada@example.com admin");
            assertThat(world.vendor("org-b").snapshot()).extracting(i -> i.email() + " " + i.role().orElseThrow())
                    .containsExactlyInAnyOrder("ada@example.com member", "bob@example.com owner");
            assertThat(sync.plan(state).summary().describe()).isEqualTo("No changes: 3 unchanged.");
        }

        @Test
        @DisplayName("cannot share one provider instance: they would undo each other")
        void oneInstanceTwiceIsRefused() {
            World world = World.of(ACME);
            assertThatThrownBy(() -> RosterSync.of(Map.of("a", world.providers.get(ACME), "b", world.providers.get(ACME))))
                    .isInstanceOf(dev.roster.InvalidRequestException.class)
                    .hasMessageContaining("The same provider is connected as");
        }
    }

    @Nested
    @DisplayName("applying a saved plan")
    class SavedPlans {

        @Test
        @DisplayName("skips as stale every step whose invitation changed since the plan, and applies the others")
        void staleStepsAreSkipped() {
            World world = World.of(ACME);
            Invitation ada = world.providers.get(ACME).invite(InvitationRequest.builder("ada@example.com").role("member").build());
            Invitation bob = world.providers.get(ACME).invite(InvitationRequest.of("bob@example.com"));
            world.vendor(ACME).expire(bob.id());
            DesiredState state = state(List.of(connection(ACME)), List.of(
                    Person.of("ada@example.com").at(ACME, Access.none().withRole("owner")),
                    Person.of("bob@example.com").at(ACME),
                    Person.of("cy@example.com").at(ACME),
                    Person.of("dee@example.com").at(ACME)));
            RosterSync sync = world.sync();
            Plan saved = sync.plan(state);
            assertThat(actions(saved)).containsExactly(Action.REPLACE, Action.REINVITE, Action.INVITE, Action.INVITE);

            // Meanwhile: Ada accepts her old invitation, someone invites Cy by hand.
            world.vendor(ACME).accept(ada.id());
            world.providers.get(ACME).invite(InvitationRequest.builder("cy@example.com").role("admin").build());

            ApplyReport report = sync.apply(saved, state);

            assertThat(report.results()).extracting(r -> r.email() + " " + r.outcome()).containsExactly(
                    "ada@example.com SKIPPED_STALE", "bob@example.com DONE", "cy@example.com SKIPPED_STALE",
                    "dee@example.com DONE");
            assertThat(report.results().get(0).message().orElseThrow())
                    .contains("now shows invitation " + ada.id() + " (accepted").contains("not applied blindly");
            assertThat(world.vendor(ACME).find(ada.id()).map(Invitation::status)).contains(InvitationStatus.ACCEPTED);
            assertThat(world.providers.get(ACME).findByEmail("cy@example.com").orElseThrow().role()).contains("admin");
        }

        @Test
        @DisplayName("applied twice, does nothing twice: the second run finds every step stale")
        void secondRunDoesNothing() {
            World world = World.of(ACME);
            DesiredState state = state(List.of(connection(ACME)), people(5, ACME));
            RosterSync sync = world.sync();
            Plan saved = sync.plan(state);
            sync.apply(saved, state);
            world.wire(ACME).resetCounts();

            ApplyReport again = sync.apply(saved, state);

            assertThat(again.count(Outcome.SKIPPED_STALE)).isEqualTo(5);
            assertThat(world.wire(ACME).calls("invite")).isZero();
            assertThat(world.pendingByEmail(ACME)).hasSize(5).allSatisfy((e, n) -> assertThat(n).isEqualTo(1));
        }

        @Test
        @DisplayName("without precondition checks (a plan made moments ago), no listing is spent and steps run as planned")
        void withoutChecks() {
            World world = World.of(ACME);
            DesiredState state = state(List.of(connection(ACME)), people(5, ACME));
            RosterSync sync = world.sync();
            Plan plan = sync.plan(state);
            world.wire(ACME).resetCounts();

            ApplyReport report = sync.apply(plan, state, ApplyOptions.defaults().withCheckPreconditions(false),
                    ApplyListener.NONE);

            assertThat(report.count(Outcome.DONE)).isEqualTo(5);
            assertThat(world.wire(ACME).calls("list")).isZero();
        }

        @Test
        @DisplayName("without checks, an invitation sent meanwhile with other access is adopted (never doubled) and said so")
        void adoptedWithANote() {
            World world = World.of(ACME);
            DesiredState state = state(List.of(connection(ACME)), List.of(Person.of("ada@example.com").at(ACME)));
            RosterSync sync = world.sync();
            Plan plan = sync.plan(state);
            Invitation meanwhile = world.providers.get(ACME).invite(InvitationRequest.builder("ada@example.com").role("admin").build());

            StepResult result = sync.apply(plan, state, ApplyOptions.defaults().withCheckPreconditions(false), ApplyListener.NONE)
                    .results().get(0);

            assertThat(result.outcome()).isEqualTo(Outcome.DONE);
            assertThat(result.invitationId()).contains(meanwhile.id());
            assertThat(result.message().orElseThrow()).contains("already had a pending invitation").contains("plan again");
            assertThat(world.pendingByEmail(ACME)).containsExactly(Map.entry("ada@example.com", 1L));
            assertThat(actions(sync.plan(state))).containsExactly(Action.REPLACE);
        }

        @Test
        @DisplayName("is refused for another desired state or other connections, before any request")
        void refusedForAnotherState() {
            World world = World.of(ACME, "other");
            DesiredState state = state(List.of(connection(ACME)), people(2, ACME));
            RosterSync sync = world.sync();
            Plan saved = sync.plan(state);
            world.wire(ACME).resetCounts();

            DesiredState edited = state(List.of(connection(ACME)), people(3, ACME));
            assertThatThrownBy(() -> sync.apply(saved, edited)).isInstanceOf(PlanMismatchException.class)
                    .hasMessageContaining("another desired state").hasMessageContaining(saved.fingerprint());
            DesiredState otherVendors = state(List.of(connection(ACME).withPrune(Prune.PENDING)), people(2, ACME));
            assertThatThrownBy(() -> sync.apply(saved, otherVendors)).isInstanceOf(PlanMismatchException.class);
            Plan otherFormat = new Plan(99, saved.fingerprint(), saved.connections(), saved.steps());
            assertThatThrownBy(() -> sync.apply(otherFormat, state)).isInstanceOf(PlanMismatchException.class)
                    .hasMessageContaining("format version 99");

            assertThat(world.wire(ACME).calls("list") + world.wire(ACME).calls("invite")).isZero();
            assertThat(world.vendor(ACME).snapshot()).isEmpty();
        }

        @Test
        @DisplayName("the fingerprint ignores order, and sees every value")
        void fingerprint() {
            Person ada = Person.of("ada@example.com").at("a", Access.none().withRole("owner")).at("b");
            Person bob = Person.of("bob@example.com").at("a");
            DesiredState one = state(List.of(connection("a"), connection("b")), List.of(ada, bob));
            DesiredState reordered = state(List.of(connection("b"), connection("a")), List.of(bob, ada));

            assertThat(Fingerprint.of(reordered)).isEqualTo(Fingerprint.of(one)).startsWith("sha256:");
            assertThat(Fingerprint.of(state(List.of(connection("a"), connection("b")),
                    List.of(ada, Person.of("bob@example.com").at("a", Access.none().withRole("member"))))))
                    .isNotEqualTo(Fingerprint.of(one));
            assertThat(Fingerprint.of(state(List.of(connection("a"),
                    connection("b").withEndpoint(java.net.URI.create("http://127.0.0.1:1/v1"))), List.of(ada, bob))))
                    .isNotEqualTo(Fingerprint.of(one));
            assertThat(Fingerprint.of(state(List.of(connection("a"), ConnectionSpec.of("b", "openai")), List.of(ada, bob))))
                    .isNotEqualTo(Fingerprint.of(one));
        }
    }

    @Nested
    @DisplayName("under faults")
    class Faults {

        @Test
        @DisplayName("a run that fails half way reports each failure with its request id, and the next run converges")
        void halfFailedRunConverges() {
            World world = World.of(dev.roster.RetryPolicy.none(), ACME);
            DesiredState state = state(List.of(connection(ACME)), people(10, ACME));
            world.wire(ACME)
                    .failInviteOnce("person1@example.com", FlakyProvider.Fault.AFTER)
                    .failInviteOnce("person2@example.com", FlakyProvider.Fault.BEFORE)
                    .failInviteAlways("person3@example.com");
            RosterSync sync = world.sync();

            ApplyReport first = sync.apply(sync.plan(state), state);

            assertThat(first.anyFailed()).isTrue();
            assertThat(first.results()).filteredOn(r -> r.outcome() == Outcome.FAILED)
                    .extracting(StepResult::email)
                    .containsExactly("person1@example.com", "person2@example.com", "person3@example.com");
            assertThat(first.results()).filteredOn(r -> r.outcome() == Outcome.FAILED).allSatisfy(r -> {
                assertThat(r.requestId()).contains("req-flaky-1");
                assertThat(r.message().orElseThrow()).contains("Simulated: the vendor did not answer.");
            });

            Plan second = sync.plan(state);
            assertThat(second.summary().describe())
                    .as("person1 was invited despite the lost answer; person2 and person3 were not")
                    .isEqualTo("Plan: 2 to invite, 0 to re-invite, 0 to replace, 0 to revoke, 8 unchanged.");
            world.wire(ACME).heal();
            assertThat(sync.apply(second, state).anyFailed()).isFalse();

            assertThat(sync.plan(state).summary().describe()).isEqualTo("No changes: 10 unchanged.");
            assertThat(world.pendingByEmail(ACME)).hasSize(10).allSatisfy((e, n) -> assertThat(n).isEqualTo(1));
        }

        @Test
        @DisplayName("faults and 429s that core's retries absorb leave every step done and one invitation per person")
        void retriesAbsorbFaults() {
            World world = World.of(ACME);
            DesiredState state = state(List.of(connection(ACME)), people(30, ACME));
            for (int i = 0; i < 30; i += 3) {
                world.wire(ACME).failInviteOnce("person" + i + "@example.com", FlakyProvider.Fault.values()[(i / 3) % 3]);
            }
            RosterSync sync = world.sync();

            ApplyReport report = sync.apply(sync.plan(state), state, ApplyOptions.defaults().withParallelism(8),
                    ApplyListener.NONE);

            assertThat(report.describe()).isEqualTo("Apply: 30 done, 0 skipped as stale, 0 failed.");
            assertThat(world.vendor(ACME).snapshot()).hasSize(30);
            assertThat(world.pendingByEmail(ACME)).hasSize(30).allSatisfy((e, n) -> assertThat(n).isEqualTo(1));
        }

        @Test
        @DisplayName("a replace whose invite fails says the pending invitation was revoked, and the next plan invites")
        void replaceHalfDone() {
            World world = World.of(dev.roster.RetryPolicy.none(), ACME);
            Invitation old = world.providers.get(ACME).invite(InvitationRequest.of("ada@example.com"));
            DesiredState state = state(List.of(connection(ACME)),
                    List.of(Person.of("ada@example.com").at(ACME, Access.none().withRole("owner"))));
            RosterSync sync = world.sync();
            world.wire(ACME).failInviteAlways("ada@example.com");

            StepResult result = sync.apply(sync.plan(state), state).results().get(0);

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.message().orElseThrow()).startsWith("revoked " + old.id() + "; inviting anew failed (the next "
                    + "plan invites): Simulated: the vendor did not answer.");
            world.wire(ACME).heal();
            assertThat(actions(sync.plan(state))).containsExactly(Action.INVITE);
        }

        @Test
        @DisplayName("a connection that cannot be read fails its steps, not the other connection's")
        void unreadableConnection() {
            World world = World.of(dev.roster.RetryPolicy.none(), "up", "down");
            DesiredState state = state(List.of(connection("up"), connection("down")),
                    List.of(Person.of("ada@example.com").at("up").at("down")));
            RosterSync sync = world.sync();
            Plan plan = sync.plan(state);
            world.vendor("down").close(); // from now on every call fails

            ApplyReport report = sync.apply(plan, state);

            assertThat(report.results()).extracting(r -> r.connection() + " " + r.outcome())
                    .containsExactly("up DONE", "down FAILED");
            assertThat(report.results().get(1).message().orElseThrow()).startsWith("Could not check the step against the vendor");
            assertThat(Optional.of(world.pendingByEmail("up"))).hasValueSatisfying(m -> assertThat(m).hasSize(1));
        }
    }
}
