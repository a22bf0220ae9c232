package dev.roster.sync;

import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderInfo;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An adapter-level wrapper (core's policy goes around it) that counts every call and fails the calls
 * it is told to, before or after the backend acts, as a flaky network would.
 */
final class FlakyProvider implements InvitationProvider {

    enum Fault {
        /** Fails before the backend acts: nothing changed. */
        BEFORE,
        /** The backend acts, then the answer is lost. */
        AFTER,
        /** A 429 whose wait core honours (its pace), nothing changed. */
        RATE_LIMITED
    }

    private final InvitationProvider backend;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Fault> inviteFaults = new ConcurrentHashMap<>();
    private final Set<String> failingForever = ConcurrentHashMap.newKeySet();

    FlakyProvider(InvitationProvider backend) {
        this.backend = backend;
    }

    /** The next invite of this address fails once with the fault. */
    FlakyProvider failInviteOnce(String email, Fault fault) {
        inviteFaults.put(email.toLowerCase(java.util.Locale.ROOT), fault);
        return this;
    }

    /** Every invite of this address fails before the backend acts, until {@link #heal()}. */
    FlakyProvider failInviteAlways(String email) {
        failingForever.add(email.toLowerCase(java.util.Locale.ROOT));
        return this;
    }

    FlakyProvider heal() {
        failingForever.clear();
        inviteFaults.clear();
        return this;
    }

    int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    void resetCounts() {
        calls.clear();
    }

    private void count(String operation) {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    private static ProviderUnavailableException unavailable() {
        return new ProviderUnavailableException("Simulated: the vendor did not answer.",
                ErrorDetails.of("in-memory").withRequestId("req-flaky-1"), null);
    }

    @Override
    public ProviderInfo info() {
        return backend.info();
    }

    @Override
    public Invitation invite(InvitationRequest request) {
        count("invite");
        String key = request.email().toLowerCase(java.util.Locale.ROOT);
        if (failingForever.contains(key)) {
            throw unavailable();
        }
        Fault fault = inviteFaults.remove(key);
        if (fault == Fault.BEFORE) {
            throw unavailable();
        }
        if (fault == Fault.RATE_LIMITED) {
            throw new RateLimitedException("Simulated: slow down.", Optional.of(Duration.ofMillis(5)),
                    ErrorDetails.of("in-memory").withHttpStatus(429), null);
        }
        Invitation sent = backend.invite(request);
        if (fault == Fault.AFTER) {
            throw unavailable();
        }
        return sent;
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        count("find");
        return backend.find(invitationId);
    }

    @Override
    public Page<Invitation> list(PageRequest request) {
        count("list");
        return backend.list(request);
    }

    @Override
    public boolean revoke(String invitationId) {
        count("revoke");
        return backend.revoke(invitationId);
    }

    @Override
    public Optional<Invitation> findByEmail(String email) {
        count("findByEmail");
        return backend.findByEmail(email);
    }

    @Override
    public void close() {
        backend.close();
    }
}
