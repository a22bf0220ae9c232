package dev.roster.sync;

import dev.roster.InvitationProvider;
import dev.roster.RosterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a plan's steps: every connection at once, each through its one provider, up to
 * {@link ApplyOptions#parallelism()} steps at a time. A step is one task, so the steps of one person
 * at a connection run in order (a replace revokes, then invites).
 */
final class Applier {

    private final Map<String, InvitationProvider> providers;
    private final ApplyOptions options;
    private final ApplyListener listener;

    Applier(Map<String, InvitationProvider> providers, ApplyOptions options, ApplyListener listener) {
        this.providers = providers;
        this.options = options;
        this.listener = new SerialListener(listener);
    }

    ApplyReport apply(Plan plan) {
        List<PlanStep> steps = plan.changes();
        StepResult[] results = new StepResult[steps.size()];
        List<String> connections = plan.connections().stream().map(PlannedConnection::name).toList();
        try (Workers workers = new Workers("apply", connections.size())) {
            workers.map(connections, name -> {
                List<Integer> mine = new ArrayList<>();
                for (int i = 0; i < steps.size(); i++) {
                    if (steps.get(i).connection().equals(name)) {
                        mine.add(i);
                    }
                }
                applyAt(name, mine, steps, results);
                return name;
            });
        }
        return new ApplyReport(Arrays.asList(results));
    }

    private void applyAt(String connection, List<Integer> mine, List<PlanStep> steps, StepResult[] results) {
        if (mine.isEmpty()) {
            return;
        }
        InvitationProvider provider = providers.get(connection);
        StepRunner runner = new StepRunner(provider, options.clock());
        Optional<InvitationIndex> now = Optional.empty();
        Optional<MemberIndex> members = Optional.empty();
        if (options.checkPreconditions()) {
            try {
                now = Optional.of(InvitationIndex.read(provider));
                if (mine.stream().anyMatch(i -> steps.get(i).action() == Action.REMOVE_MEMBER)) {
                    // A saved plan's removals are checked against the members as they are now, never applied blindly.
                    members = Optional.of(MemberIndex.read(provider).orElseGet(() -> MemberIndex.of(
                            java.util.Collections.emptyIterator())));
                }
            } catch (RosterException e) {
                for (int i : mine) {
                    results[i] = new StepResult(options.clock().instant(), connection, steps.get(i).email(),
                            steps.get(i).action(), Outcome.FAILED, Optional.empty(), e.requestId(),
                            Optional.of("Could not check the step against the vendor, so it was not applied: " + e.getMessage()));
                    listener.finished(results[i]);
                }
                return;
            }
        }
        Optional<InvitationIndex> current = now;
        Optional<MemberIndex> currentMembers = members;
        try (Workers workers = new Workers("apply-" + connection, Math.min(options.parallelism(), mine.size()))) {
            workers.map(mine, i -> {
                listener.started(steps.get(i));
                results[i] = runner.run(steps.get(i), current, currentMembers);
                listener.finished(results[i]);
                return i;
            });
        }
    }

    /** Hands the listener one event at a time, whichever thread the step ran on. */
    private static final class SerialListener implements ApplyListener {
        private final ApplyListener delegate;

        SerialListener(ApplyListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized void started(PlanStep change) {
            delegate.started(change);
        }

        @Override
        public synchronized void finished(StepResult result) {
            delegate.finished(result);
        }
    }
}
