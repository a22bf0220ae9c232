package dev.roster.sync;

import dev.roster.Capabilities;
import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.Member;
import dev.roster.MemberCapabilities;
import dev.roster.Members;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderInfo;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** Members by id, when this vendor has members of its own ({@link #addMember}); null until then. */
    private final Map<String, Member> members;

    /** Whose members this vendor shows. */
    enum MemberMode {
        /** The backend's, as it declares them. */
        BACKEND,
        /** Its own ({@link #addMember}), with every member capability declared. */
        OWN,
        /** None: it declares no member capability, as a vendor that knows only invitations. */
        NONE,
        /**
         * Its own ({@link #addMember}), listed and removable but never with their addresses, and not
         * found by email: as a vendor that hides members' addresses (GitHub).
         */
        UNADDRESSED
    }

    private final MemberMode mode;

    FlakyProvider(InvitationProvider backend) {
        this(backend, MemberMode.BACKEND);
    }

    /** A wrapper whose members are as the mode says (core's policy reads the capabilities once, when it wraps this). */
    FlakyProvider(InvitationProvider backend, MemberMode mode) {
        this.backend = backend;
        this.mode = mode;
        this.members = mode == MemberMode.OWN || mode == MemberMode.UNADDRESSED ? new LinkedHashMap<>() : null;
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

    /** Adds a member: a person who joined long ago, whatever became of their invitation. */
    synchronized FlakyProvider addMember(String id, String email, boolean serviceAccount) {
        if (members == null) {
            throw new IllegalStateException("Build the world with World.withMembers to give a vendor members");
        }
        members.put(id, Member.builder().id(id).email(mode == MemberMode.UNADDRESSED ? null : email)
                .serviceAccount(serviceAccount).provider(info().id()).build());
        return this;
    }

    /** The ids of the members there are now. */
    synchronized List<String> memberIds() {
        return members == null ? List.of() : List.copyOf(members.keySet());
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
    public synchronized ProviderInfo info() {
        ProviderInfo info = backend.info();
        if (mode == MemberMode.BACKEND) {
            return info;
        }
        Capabilities c = info.capabilities();
        return new ProviderInfo(info.id(), info.displayName(), new Capabilities(c.roles(), c.defaultRole(), c.projectGrants(),
                c.projectRoles(), c.revokeAccepted(), c.maxPageSize(), c.vendorAttributes(),
                mode == MemberMode.OWN ? MemberCapabilities.all()
                        : mode == MemberMode.UNADDRESSED ? new MemberCapabilities(true, false, true) : MemberCapabilities.none(),
                c.acceptedObservable()));
    }

    @Override
    public synchronized Members members() {
        if (mode == MemberMode.BACKEND) {
            return backend.members();
        }
        if (mode == MemberMode.NONE) {
            return InvitationProvider.super.members();
        }
        return new Members() {
            @Override
            public Optional<Member> find(String memberId) {
                count("members.find");
                synchronized (FlakyProvider.this) {
                    return Optional.ofNullable(members.get(memberId));
                }
            }

            @Override
            public Page<Member> list(PageRequest request) {
                count("members.list");
                synchronized (FlakyProvider.this) {
                    return Page.last(new ArrayList<>(members.values()));
                }
            }

            @Override
            public boolean remove(String memberId) {
                count("members.remove");
                synchronized (FlakyProvider.this) {
                    return members.remove(memberId) != null;
                }
            }
        };
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
