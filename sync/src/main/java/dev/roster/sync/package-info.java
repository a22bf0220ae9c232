/**
 * Keeping vendors in step with one desired state: who should be invited where, and with what.
 *
 * <p>A {@link dev.roster.sync.DesiredState} (connections with their defaults and prune setting,
 * people with their connections and overrides) goes in with the providers, connected by name; a
 * {@link dev.roster.sync.Plan} comes out; {@link dev.roster.sync.RosterSync#apply applying} it
 * carries its steps out and reports each one. The CLI's {@code roster plan} and {@code roster apply}
 * are this engine behind a YAML file, but it is just as usable from Java:
 *
 * <pre>{@code
 * InvitationProvider openai = InvitationProviders.load("openai", openAiConfig);
 * InvitationProvider research = InvitationProviders.load("openai", researchOrgConfig); // a second organisation
 *
 * DesiredState state = new DesiredState(
 *         List.of(ConnectionSpec.of("openai", "openai").withDefaults(Access.none().withRole("reader")),
 *                 ConnectionSpec.of("openai-research", "openai").withPrune(Prune.PENDING)),
 *         List.of(Person.of("ada@example.com").at("openai").at("openai-research"),
 *                 Person.of("grace@example.com").at("openai", Access.none()
 *                         .withRole("owner")
 *                         .withProjects(List.of(ProjectAccess.of("proj_abc", "member"))))));
 *
 * RosterSync sync = RosterSync.of(Map.of("openai", openai, "openai-research", research));
 * List<Problem> problems = sync.problems(state);        // every problem at once, with paths
 * Plan plan = sync.plan(state);                         // one listing per connection
 * plan.steps().forEach(c -> System.out.println(c.action().mark() + " " + c.connection() + " " + c.email()));
 * System.out.println(plan.summary().describe());        // Plan: 3 to invite, 0 to re-invite, ...
 *
 * ApplyReport report = sync.apply(plan, state, ApplyOptions.defaults(), new ApplyListener() {
 *     public void finished(StepResult step) {           // one event per step: progress, journal
 *         System.out.println(step.outcome() + " " + step.action().label() + " " + step.email());
 *     }
 * });
 * System.out.println(report.describe());                // Apply: 3 done, 0 skipped as stale, 0 failed.
 * }</pre>
 *
 * <p><b>What a plan decides</b>, per person and connection, from the member the vendor shows for the
 * address (where its provider can list members) and the invitation (the pending one, else the
 * newest): a member: unchanged, whatever became of their invitation (changing a member's access is
 * out of scope, and said so in a note); else none or revoked: {@code invite}; expired:
 * {@code re-invite}; pending with the same role and projects: unchanged; pending with others:
 * {@code replace} (revoke, then invite anew); accepted but no longer a member: {@code invite}; a status
 * Roster does not know: unchanged, with a note. At a connection with
 * {@link dev.roster.sync.Prune#PENDING}, the pending invitations of people the state does not list
 * there are revoked; members are never removed. Only {@link dev.roster.sync.Prune#MEMBERS}, an explicit
 * opt-in at a connection whose provider can list and remove members, also removes their memberships
 * ({@code remove-member}); a service account never is.
 *
 * <p><b>Applying</b> checks first that the plan was made for this state (its fingerprint) and these
 * connections, then, by default, re-reads each connection once and skips as
 * {@link dev.roster.sync.Outcome#SKIPPED_STALE stale} every step whose invitation is no longer what the
 * plan saw (for a member removal: the member it saw is still there). A failed step does not stop the others, and running again converges: core's
 * {@code invite} is idempotent per address, so a half-failed run leaves nothing to duplicate.
 */
package dev.roster.sync;
