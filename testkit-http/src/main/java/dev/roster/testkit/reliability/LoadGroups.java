package dev.roster.testkit.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link ReliabilityContract}'s groups under load: the random-fault soak and one provider shared by many threads.
 * Not meant to be extended on its own.
 */
abstract class LoadGroups extends FaultMatrixGroups {
    // ----------------------------------------------------------------------------------------
    // Random faults

    /**
     * The seeds of the random-fault soak, one soak each: fixed, so that a failure can be replayed.
     *
     * @return two seeds by default
     */
    protected long[] soakSeeds() {
        return new long[] {20_261_202L, 8L};
    }

    @Nested
    @Order(2)
    @DisplayName("under random faults")
    class RandomFaults {

        @Test
        @DisplayName("150 invites per seed with 30% of all requests faulted (every kind of fault, at random) leave exactly "
                + "one invitation per email, once the failed ones are sent again")
        void oneInvitationPerEmail() {
            for (long seed : soakSeeds()) {
                simulator().reset();
                simulator().slowResponseDelay(soakReadTimeout().plus(SLOW_MARGIN)).retryAfter(vendorRetryAfter());
                FaultSoak.Result result;
                try (InvitationProvider provider = load(simulator().config().toBuilder().readTimeout(soakReadTimeout())
                        .retryPolicy(retryPolicy()).build())) {
                    result = FaultSoak.run(simulator(), provider, seed, 150, 0.3, LoadGroups.this::email);
                }
                String did = "inviting " + result.invites() + " people under random faults (seed " + seed + ")";
                if (!result.wrongFailures().isEmpty()) {
                    throw failure(did + " threw " + result.wrongFailures().size() + " exception(s) a caller cannot retry: "
                                    + first(result.wrongFailures()), "only ProviderUnavailableException or RateLimitedException "
                                    + "under faults (the outcome is unknown, or the vendor asked to wait)",
                            "that every failure of the transport and the mapping is a RosterException, and a status the "
                                    + "adapter does not know after a create is an unknown outcome", null);
                }
                // Before the healed re-sends' failures: a duplicate can make a re-send fail too, and is the worse news.
                Map<String, Integer> duplicated = new TreeMap<>(result.notExactlyOne());
                duplicated.values().removeIf(count -> count < 2);
                if (!duplicated.isEmpty()) {
                    throw failure(did + ": afterwards the vendor holds, for these emails, these many invitations: "
                                    + duplicated, "exactly one invitation per email: one invite call never leaves two",
                            "that the adapter reads answers strictly (a 2xx without a list's data or an invitation's id is a "
                                    + "ProviderUnavailableException, never an empty page) and that findByEmail finds a "
                                    + "pending invitation, so core's lookup after an unknown outcome never mistakes a "
                                    + "broken answer for 'not invited yet' and sends the create again", null);
                }
                if (!result.retriesFailed().isEmpty()) {
                    throw failure(did + ", then sending the failed invites again once the faults were gone failed: "
                            + first(result.retriesFailed()), "every invite to succeed once the network heals",
                            "that the provider keeps no broken state after failures", null);
                }
                if (!result.notExactlyOne().isEmpty()) {
                    throw failure(did + ": afterwards the vendor holds, for these emails, these many invitations: "
                                    + result.notExactlyOne(), "exactly one invitation per email: none lost, none duplicated",
                            "that the adapter reads answers strictly (a 2xx without a list's data or an invitation's id is a "
                                    + "ProviderUnavailableException, never an empty page), so core's lookup after an unknown "
                                    + "outcome never mistakes a broken answer for 'not invited yet'", null);
                }
                summaries.add("Random faults, seed " + seed + ": " + result.invites() + " invites with 30% of requests faulted, "
                        + result.failedThenRetried() + " failed and were sent again, every email invited exactly once, in "
                        + result.took().toMillis() + " ms.");
            }
        }
    }

    // ----------------------------------------------------------------------------------------
    // Shared by many threads

    @Nested
    @Order(3)
    @DisplayName("shared by many threads")
    class SharedSafely {

        @Test
        @DisplayName("one provider used by 16 threads for hundreds of mixed operations each makes no error, and loses or "
                + "duplicates no invitation")
        void sixteenThreads() throws Exception {
            pacedRun();
            long start = System.nanoTime();
            List<Worker> workers = new ArrayList<>();
            try (InvitationProvider provider = load(simulator().config().toBuilder().retryPolicy(RetryPolicy.defaults()).build())) {
                for (int t = 0; t < CONCURRENT_THREADS; t++) {
                    workers.add(new Worker(t, provider));
                }
                runTogether(workers.stream().map(w -> (Callable<Void>) () -> {
                    w.run();
                    return null;
                }).collect(Collectors.toList()));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            List<String> errors = workers.stream().flatMap(w -> w.errors.stream()).collect(Collectors.toList());
            if (!errors.isEmpty()) {
                throw failure(errors.size() + " of " + CONCURRENT_THREADS * operationsPerThread() + " operations by "
                                + CONCURRENT_THREADS + " threads went wrong; the first: " + errors.subList(0, Math.min(5, errors.size())),
                        "every operation to succeed with the right result", "that the adapter keeps no per-call state in "
                                + "shared fields and its HTTP client is thread-safe", null);
            }
            Map<String, Boolean> pendingByEmail = new LinkedHashMap<>();
            workers.forEach(w -> {
                w.pending.forEach(i -> pendingByEmail.put(i.email().toLowerCase(Locale.ROOT), true));
                w.revoked.forEach(i -> pendingByEmail.put(i.email().toLowerCase(Locale.ROOT), false));
            });
            checkCreatedOnce(simulator(), pendingByEmail.keySet(), "after " + CONCURRENT_THREADS + " threads × " + operationsPerThread()
                    + " operations");
            Map<String, InvitationStatus> listed = new LinkedHashMap<>();
            try (InvitationProvider observer = load(simulator().config()); Stream<Invitation> all = observer.stream()) {
                all.forEach(i -> listed.merge(i.email().toLowerCase(Locale.ROOT), i.status(),
                        (a, b) -> a == InvitationStatus.PENDING ? a : b));
            }
            List<String> wrong = pendingByEmail.entrySet().stream()
                    .filter(e -> e.getValue() ? listed.get(e.getKey()) != InvitationStatus.PENDING
                            : listed.get(e.getKey()) == InvitationStatus.PENDING)
                    .map(e -> e.getKey() + (e.getValue() ? " should be pending but is " : " was revoked but is ")
                            + listed.get(e.getKey()))
                    .collect(Collectors.toList());
            if (!wrong.isEmpty()) {
                throw failure(wrong.size() + " invitations ended in the wrong state, such as "
                                + wrong.subList(0, Math.min(5, wrong.size())), "invited ones pending and revoked ones not",
                        "that concurrent revokes and invites do not touch each other's invitations", null);
            }
            long invites = workers.stream().mapToLong(w -> w.pending.size() + w.revoked.size()).sum();
            long revokes = workers.stream().mapToLong(w -> w.revoked.size()).sum();
            summaries.add("Shared safely: " + CONCURRENT_THREADS + " threads × " + operationsPerThread() + " mixed operations "
                    + "(" + invites + " invitations, " + revokes + " revoked) through one provider: 0 errors, none lost or "
                    + "duplicated; " + simulator().requestsReceived() + " requests in " + took.toMillis() + " ms.");
        }
    }

    /** One thread's share of the mixed operations, on its own addresses, checking every answer. */
    final class Worker {
        /**
         * The mix, 25 operations long: 4 invites (I), 7 finds (F), 5 first pages (L), 3 next pages (N),
         * 2 revokes (R), 2 finds of revoked ones (C), 1 stream of 120 (S), and 1 findByEmail or, every
         * other cycle, an idempotent second invite of a pending address (E).
         */
        private static final String CYCLE = "IFLNFRIFLCFSIFLNRLIFCLFNE";

        final int thread;
        final InvitationProvider provider;
        final List<Invitation> pending = new ArrayList<>();
        final List<Invitation> revoked = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        Worker(int thread, InvitationProvider provider) {
            this.thread = thread;
            this.provider = provider;
        }

        void run() {
            for (int i = 0; i < operationsPerThread(); i++) {
                char op = CYCLE.charAt(i % CYCLE.length());
                try {
                    step(op, i);
                } catch (RuntimeException | AssertionError e) {
                    errors.add("thread " + thread + ", operation " + i + " (" + op + "): " + e);
                }
            }
        }

        private void step(char op, int i) {
            if (pending.isEmpty() && op != 'I' && op != 'L' && op != 'N' && op != 'S') {
                op = 'I';
            }
            switch (op) {
                case 'I': {
                    String email = email("shared-" + thread + "-" + i);
                    Invitation created = provider.invite(InvitationRequest.of(email));
                    expectThat(created.isPending() && created.email().equalsIgnoreCase(email), "invite(" + email + ") returned "
                            + created);
                    pending.add(created);
                    break;
                }
                case 'F': {
                    Invitation mine = pending.get(ThreadLocalRandom.current().nextInt(pending.size()));
                    Optional<Invitation> found = provider.find(mine.id());
                    expectThat(found.isPresent() && found.get().id().equals(mine.id()) && found.get().isPending(),
                            "find(" + mine.id() + ") returned " + found);
                    break;
                }
                case 'L': {
                    Page<Invitation> page = provider.list(PageRequest.first(10));
                    expectThat(page.items().size() <= 10, "list(first(10)) returned " + page.items().size() + " items");
                    break;
                }
                case 'N': {
                    Page<Invitation> first = provider.list(PageRequest.first(5));
                    if (first.nextCursor().isPresent()) {
                        Page<Invitation> next = provider.list(PageRequest.after(5, first.nextCursor().get()));
                        expectThat(next.items().size() <= 5, "the next page of 5 had " + next.items().size() + " items");
                    }
                    break;
                }
                case 'R': {
                    Invitation oldest = pending.remove(0);
                    expectThat(provider.revoke(oldest.id()), "revoke(" + oldest.id() + ") answered false");
                    revoked.add(oldest);
                    break;
                }
                case 'C': {
                    if (revoked.isEmpty()) {
                        break;
                    }
                    Invitation gone = revoked.get(ThreadLocalRandom.current().nextInt(revoked.size()));
                    Optional<Invitation> found = provider.find(gone.id());
                    expectThat(found.isEmpty() || found.get().status() == InvitationStatus.REVOKED,
                            "find(" + gone.id() + ") of a revoked invitation returned " + found);
                    break;
                }
                case 'S': {
                    try (Stream<Invitation> all = provider.stream()) {
                        long seen = all.limit(120).count();
                        expectThat(seen > 0, "stream() returned nothing although this thread has invitations");
                    }
                    break;
                }
                case 'E': {
                    // Both look the email up, which costs a scan of every page where the vendor cannot filter by
                    // email (OpenAI): one or the other per cycle.
                    Invitation mine = pending.get(pending.size() - 1);
                    if (i / CYCLE.length() % 2 == 0) {
                        Optional<Invitation> found = provider.findByEmail(mine.email());
                        expectThat(found.isPresent() && found.get().id().equals(mine.id()),
                                "findByEmail(" + mine.email() + ") returned " + found + ", not " + mine.id());
                    } else {
                        Invitation again = provider.invite(InvitationRequest.of(mine.email()));
                        expectThat(again.id().equals(mine.id()), "inviting " + mine.email() + " again returned " + again.id()
                                + ", not the pending " + mine.id());
                    }
                    break;
                }
                default:
                    throw new IllegalStateException("unknown operation " + op);
            }
        }

        private void expectThat(boolean condition, String otherwise) {
            if (!condition) {
                throw new AssertionError(otherwise);
            }
        }
    }

}
