package dev.roster.testkit.reliability;

import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.testkit.simulator.SimulatedFault;
import dev.roster.testkit.simulator.VendorSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Many invites, one after another, through one provider while the simulator fails a share of all
 * requests with faults drawn at random from a fixed seed: connection resets, lost and late answers,
 * 5xx and 429s, bodies cut short, structurally wrong 2xx bodies, an unknown status. Then the network
 * heals and every invite that failed is sent again, as the exception tells the caller to. The
 * promise under test: one {@code invite} call never leaves two invitations, whatever the answers.
 * While faults are injected the simulator {@linkplain VendorSimulator#acceptDuplicateInvites accepts
 * duplicate invites}, so a create re-sent after a lost answer shows as two invitations instead of a
 * 409 the vendor would answer; the healed re-sends meet the vendor's documented 409 again.
 * Used by {@link ReliabilityContract}.
 */
final class FaultSoak {

    /** Every fault, twice over, but a slow answer once: it costs a read timeout. */
    static final List<SimulatedFault> FAULTS;

    static {
        List<SimulatedFault> faults = new ArrayList<>();
        for (SimulatedFault fault : SimulatedFault.values()) {
            if (fault != SimulatedFault.SLOW_RESPONSE) {
                faults.add(fault);
                faults.add(fault);
            }
        }
        faults.add(SimulatedFault.SLOW_RESPONSE);
        FAULTS = List.copyOf(faults);
    }

    private FaultSoak() {}

    /** What a soak did. */
    record Result(long seed, int invites, int failedThenRetried, List<String> wrongFailures, List<String> retriesFailed,
            Map<String, Integer> created, Set<String> emails, Duration took) {

        /** Emails without exactly one invitation at the vendor, with how many it holds. */
        Map<String, Integer> notExactlyOne() {
            Map<String, Integer> wrong = new TreeMap<>();
            emails.forEach(email -> {
                int count = created.getOrDefault(email, 0);
                if (count != 1) {
                    wrong.put(email, count);
                }
            });
            created.keySet().stream().filter(email -> !emails.contains(email)).forEach(email -> wrong.put(email, created.get(email)));
            return wrong;
        }
    }

    /**
     * Runs one soak on a reset simulator.
     *
     * @param simulator the vendor; reset first and left with its faults cleared
     * @param provider the provider under test, with core's policy and fast retries
     * @param seed the seed of the faults
     * @param invites how many people to invite
     * @param rate the share of requests to fail
     * @param email a new unique address for a label
     * @return what happened
     */
    static Result run(VendorSimulator simulator, InvitationProvider provider, long seed, int invites, double rate,
            java.util.function.Function<String, String> email) {
        long start = System.nanoTime();
        Set<String> emails = new LinkedHashSet<>();
        List<String> failed = new ArrayList<>();
        List<String> wrongFailures = new ArrayList<>();
        // A create sent again after its answer was lost really makes a second invitation: no 409 hides it.
        simulator.acceptDuplicateInvites(true).randomFaults(seed, rate, FAULTS);
        try {
            for (int i = 0; i < invites; i++) {
                String address = email.apply("soak-" + seed + "-" + i);
                emails.add(address.toLowerCase(Locale.ROOT));
                attempt(() -> provider.invite(InvitationRequest.of(address)), address, failed, wrongFailures);
            }
        } finally {
            simulator.clearFaults();
            // The caller's own second call, below, is not one invite call: the vendor's documented 409 answers it.
            simulator.acceptDuplicateInvites(false);
        }
        List<String> retriesFailed = new ArrayList<>();
        for (String address : failed) {
            attempt(() -> provider.invite(InvitationRequest.of(address)), address + " (sent again once healed)",
                    retriesFailed, retriesFailed);
        }
        return new Result(seed, invites, failed.size(), wrongFailures, retriesFailed, simulator.invitationsCreatedByEmail(),
                emails, Duration.ofNanos(System.nanoTime() - start));
    }

    /** One call: a failure the caller may retry is noted in {@code failed}; any other in {@code wrong}. */
    private static void attempt(Supplier<?> call, String address, List<String> failed, List<String> wrong) {
        try {
            call.get();
        } catch (ProviderUnavailableException | RateLimitedException retryLater) {
            failed.add(address);
        } catch (RuntimeException e) { // NOPMD: any other exception is what this soak looks for
            wrong.add(address + ": " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
