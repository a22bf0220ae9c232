package dev.roster.testkit.reliability;


import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import dev.roster.testkit.simulator.SimulatedFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix of {@link ReliabilityContract}: every operation under every {@code SimulatedFault}, once when
 * the fault passes and once when it persists. Not meant to be extended on its own.
 */
abstract class FaultMatrixGroups extends ReliabilitySupport {
    // ----------------------------------------------------------------------------------------
    // The fault matrix

    /**
     * Every fault, named for the report.
     *
     * @return the faults
     */
    static Stream<Named<SimulatedFault>> faults() {
        return Stream.of(SimulatedFault.values()).map(fault -> Named.of(describe(fault), fault));
    }

    @Nested
    @Order(1)
    @DisplayName("when a fault strikes and then passes")
    class FaultsThatPass {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("invite returns the invitation, and the vendor holds exactly one for the email")
        void invite(SimulatedFault fault) {
            passes(Operation.INVITE, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("find returns the invitation")
        void find(SimulatedFault fault) {
            passes(Operation.FIND, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("list returns the page")
        void list(SimulatedFault fault) {
            passes(Operation.LIST, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("stream returns every invitation once")
        void stream(SimulatedFault fault) {
            passes(Operation.STREAM, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("revoke answers true, and the invitation is revoked")
        void revoke(SimulatedFault fault) {
            passes(Operation.REVOKE, fault);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("when a fault persists")
    class FaultsThatPersist {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("invite fails with the right exception in time, and inviting again leaves exactly one invitation")
        void invite(SimulatedFault fault) {
            persists(Operation.INVITE, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("find fails with the right exception in time, and finds once the fault is gone")
        void find(SimulatedFault fault) {
            persists(Operation.FIND, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("list fails with the right exception in time, and lists once the fault is gone")
        void list(SimulatedFault fault) {
            persists(Operation.LIST, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("stream fails with the right exception in time, and streams once the fault is gone")
        void stream(SimulatedFault fault) {
            persists(Operation.STREAM, fault);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roster.testkit.reliability.ReliabilityContract#faults")
        @DisplayName("revoke fails with the right exception in time (or succeeds), and the invitation ends up revoked")
        void revoke(SimulatedFault fault) {
            persists(Operation.REVOKE, fault);
        }
    }

    void passes(Operation operation, SimulatedFault fault) {
        int count = passingCount(fault);
        try (Scene scene = new Scene(operation, retryPolicy())) {
            simulator().failNext(count, fault);
            Outcome outcome = scene.perform();
            simulator().clearFaults();
            record(PASSES, operation, fault, outcome);
            String did = operation.label + " under " + describe(fault) + " ×" + count;
            if (outcome.failure != null) {
                throw failure(did + " threw " + outcome.failure, "the call to succeed once the fault has passed, within "
                        + retryPolicy().maxAttempts() + " attempts (429s paced, not counted)", hint(fault), outcome.failure);
            }
            scene.checkResult(outcome.result, did);
            scene.checkTime(outcome, did);
            if (operation == Operation.INVITE && simulator().answeredWith(409) > 0) {
                throw failure(did + " sent the create again after it had already worked: the vendor answered 409 "
                                + simulator().answeredWith(409) + " time(s)",
                        "a create whose answer was lost to be looked up (findByEmail) before it is sent again",
                        "that the adapter maps a lost or unreadable answer to ProviderUnavailableException, so core's policy "
                                + "knows the outcome is unknown and looks the email up (PolicyInvitationProvider.invite)", null);
            }
            scene.checkVendorHoldsOnePerEmail(did);
        }
    }

    void persists(Operation operation, SimulatedFault fault) {
        try (Scene scene = new Scene(operation, persistentPolicy())) {
            simulator().failNext(PERSISTENT, fault);
            Outcome outcome = scene.perform();
            simulator().clearFaults();
            record(PERSISTS, operation, fault, outcome);
            String did = operation.label + " under " + describe(fault) + " on every request";
            Class<? extends RosterException> expected = fault == SimulatedFault.RATE_LIMITED_WITH_RETRY_AFTER
                    ? RateLimitedException.class : ProviderUnavailableException.class;
            if (outcome.failure != null && !expected.isInstance(outcome.failure)) {
                throw failure(did + " threw " + outcome.failure, "a " + expected.getSimpleName()
                        + " (or success with the right result)", hint(fault), outcome.failure);
            }
            if (outcome.failure == null) {
                scene.checkResult(outcome.result, did);
            }
            scene.checkTime(outcome, did);
            // The network heals; the caller tries again, as the exception told it to.
            Outcome again = scene.perform();
            if (again.failure != null) {
                throw failure(did + ", then once the fault was gone, " + operation.label + " threw " + again.failure,
                        "the next try to succeed", "that the provider keeps no broken state after failures", again.failure);
            }
            if (operation == Operation.REVOKE) {
                // The first revoke may have worked although it failed: "no such invitation" is then fair.
                scene.checkRevoked(did + ", then revoke again");
            } else {
                scene.checkResult(again.result, did + ", then " + operation.label + " again");
            }
            scene.checkVendorHoldsOnePerEmail(did + ", then " + operation.label + " again");
        }
    }
    /** One cell of the matrix: the invitations it needs, the providers, and the checks. */
    final class Scene implements AutoCloseable {
        final Operation operation;
        final InvitationProvider healthy;
        final InvitationProvider provider;
        final List<String> emails = new ArrayList<>();
        final List<Invitation> existing = new ArrayList<>();

        final RetryPolicy policy;

        Scene(Operation operation, RetryPolicy policy) {
            this.operation = operation;
            this.policy = policy;
            simulator().slowResponseDelay(readTimeout().plus(SLOW_MARGIN)).retryAfter(vendorRetryAfter());
            // Sets the scene and checks it, without retries: they could hide what the matrix looks for.
            this.healthy = load(simulator().config().toBuilder().retryPolicy(RetryPolicy.none()).build());
            this.provider = load(simulator().config().toBuilder().readTimeout(readTimeout()).retryPolicy(policy).build());
            if (operation == Operation.INVITE) {
                emails.add(email("matrix-invite"));
            } else {
                for (int i = 0; i < 3; i++) {
                    Invitation invitation = healthy.invite(InvitationRequest.of(email("matrix-" + operation.name())));
                    emails.add(invitation.email());
                    existing.add(invitation);
                }
            }
        }

        String target() {
            return existing.get(1).id();
        }

        Outcome perform() {
            int before = simulator().requestsReceived();
            long start = System.nanoTime();
            Object result = null;
            RosterException failure = null;
            try {
                result = call();
            } catch (RosterException e) {
                failure = e;
            }
            return new Outcome(result, failure, simulator().requestsReceived() - before, Duration.ofNanos(System.nanoTime() - start));
        }

        private Object call() {
            switch (operation) {
                case INVITE:
                    return provider.invite(InvitationRequest.of(emails.get(0)));
                case FIND:
                    return provider.find(target());
                case LIST:
                    return provider.list(PageRequest.first(10));
                case STREAM:
                    try (Stream<Invitation> all = provider.stream()) {
                        return all.collect(Collectors.toList());
                    }
                default:
                    return provider.revoke(target());
            }
        }

        @SuppressWarnings("unchecked")
        void checkResult(Object result, String did) {
            switch (operation) {
                case INVITE: {
                    Invitation invitation = (Invitation) result;
                    if (!invitation.isPending() || !invitation.email().equalsIgnoreCase(emails.get(0))) {
                        throw failure(did + " returned " + invitation, "a pending invitation for " + emails.get(0),
                                "the adapter's mapping of the create's answer", null);
                    }
                    break;
                }
                case FIND: {
                    Optional<Invitation> found = (Optional<Invitation>) result;
                    if (found.isEmpty() || !found.get().id().equals(target())) {
                        throw failure(did + " returned " + found, "the invitation " + target(),
                                "that a failed read is never answered as 'not found'", null);
                    }
                    break;
                }
                case LIST:
                    checkIds(((Page<Invitation>) result).items(), did);
                    break;
                case STREAM:
                    checkIds((List<Invitation>) result, did);
                    break;
                default:
                    if (!Boolean.TRUE.equals(result)) {
                        throw failure(did + " returned " + result, "true: the invitation existed and was revoked",
                                "that core looks a delete whose answer was lost up (find) before sending it again; a second "
                                        + "delete answers 'no such invitation'", null);
                    }
                    checkRevoked(did);
                    break;
            }
        }

        private void checkIds(List<Invitation> items, String did) {
            List<String> ids = items.stream().map(Invitation::id).sorted().collect(Collectors.toList());
            List<String> expected = existing.stream().map(Invitation::id).sorted().collect(Collectors.toList());
            if (!ids.equals(expected)) {
                throw failure(did + " returned the invitations " + ids, "exactly " + expected + ", each once",
                        "that a retried page is not appended twice and a failed page is not skipped", null);
            }
        }

        void checkRevoked(String did) {
            Optional<InvitationStatus> now = healthy.find(target()).map(Invitation::status);
            if (now.isPresent() && now.get() != InvitationStatus.REVOKED) {
                throw failure(did + ": afterwards the invitation is " + now.get(), "it to be revoked (REVOKED, or gone)",
                        "the adapter's revoke and its status mapping", null);
            }
        }

        void checkTime(Outcome outcome, String did) {
            if (outcome.took.compareTo(callBudget()) > 0) {
                throw failure(did + " took " + outcome.took.toMillis() + " ms", "at most " + callBudget().toMillis()
                        + " ms (the read timeout " + readTimeout().toMillis() + " ms twice per attempt, the backoff, and the "
                        + "rate-limit budget)", "that the adapter applies ProviderConfig.readTimeout to every request", null);
            }
        }

        void checkVendorHoldsOnePerEmail(String did) {
            Map<String, Integer> created = new TreeMap<>(simulator().invitationsCreatedByEmail());
            Map<String, Integer> expected = new TreeMap<>();
            emails.forEach(email -> expected.put(email.toLowerCase(Locale.ROOT), 1));
            if (!created.equals(expected)) {
                throw failure(did + ": afterwards the vendor has created " + created,
                        "exactly one invitation per requested email, " + expected + ": none lost, none duplicated",
                        "core's lookup before re-sending a create, and that the adapter maps lost answers to "
                                + "ProviderUnavailableException", null);
            }
        }

        @Override
        public void close() {
            simulator().clearFaults();
            provider.close();
            healthy.close();
        }
    }

    /** What one call did. */
    static final class Outcome {
        final Object result;
        final RosterException failure;
        final int requests;
        final Duration took;

        Outcome(Object result, RosterException failure, int requests, Duration took) {
            this.result = result;
            this.failure = failure;
            this.requests = requests;
            this.took = took;
        }

        String cell() {
            String what = failure == null ? "ok" : failure.getClass().getSimpleName().replace("Exception", "");
            return what + " · " + requests + " req · " + took.toMillis() + " ms";
        }
    }

    synchronized void record(String round, Operation operation, SimulatedFault fault, Outcome outcome) {
        matrices.computeIfAbsent(round, r -> new EnumMap<>(SimulatedFault.class))
                .computeIfAbsent(fault, f -> new EnumMap<>(Operation.class))
                .put(operation, outcome.cell());
    }

    static String hint(SimulatedFault fault) {
        switch (fault) {
            case CONNECTION_RESET_BEFORE_READ:
                return "that an I/O failure becomes a ProviderUnavailableException without an HTTP status (core retries it)";
            case CONNECTION_RESET_AFTER_PROCESSING:
            case EMPTY_REPLY:
                return "that a lost answer becomes a ProviderUnavailableException, so core looks the effect up before "
                        + "sending again";
            case MALFORMED_JSON:
                return "that a 2xx body the adapter cannot read is a ProviderUnavailableException (the vendor may have acted), "
                        + "not a plain RosterException";
            case SLOW_RESPONSE:
                return "that the adapter applies ProviderConfig.readTimeout and maps the timeout to ProviderUnavailableException";
            case SERVER_ERROR:
                return "that a 5xx becomes a ProviderUnavailableException carrying the status";
            case UNAVAILABLE_WITH_RETRY_AFTER:
                return "that a 503 becomes a ProviderUnavailableException carrying its Retry-After";
            case RATE_LIMITED_WITH_RETRY_AFTER:
                return "that a 429 becomes a RateLimitedException carrying Retry-After (core paces those within "
                        + "RetryPolicy.rateLimitBudget)";
            case UNKNOWN_STATUS:
                return "that a status the adapter's table does not name is a ProviderUnavailableException (an unknown "
                        + "outcome: looked up and retried), not a plain RosterException";
            case BAD_CONTENT_LENGTH:
                return "that a failure inside the HTTP client (an IllegalArgumentException for the header) becomes a "
                        + "ProviderUnavailableException";
            default:
                return "that the adapter reads answers strictly: a 2xx without what the vendor's contract requires (a list's "
                        + "data, an invitation's id and email, ...) is a ProviderUnavailableException, never an empty page "
                        + "or a default value, so core looks a create up instead of sending it again";
        }
    }
}
