package dev.roster.testkit;

import dev.roster.Capabilities;
import dev.roster.ConflictException;
import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Member;
import dev.roster.MemberCapabilities;
import dev.roster.Members;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderInfo;
import dev.roster.spi.InputRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference adapter: invitations kept in memory, behaving as the contract says every vendor
 * does. It passes the whole {@link InvitationProviderContract}, and it is what applications use in
 * their own unit tests instead of a vendor.
 *
 * <pre>{@code
 * InMemoryInvitationProvider backend = new InMemoryInvitationProvider();
 * InvitationProvider invitations = InvitationProviders.withPolicy(backend, ProviderConfig.defaults());
 * Invitation sent = invitations.invite(InvitationRequest.of("ada@example.com"));
 * backend.accept(sent.id()); // act as Ada
 * }</pre>
 *
 * <p>Roles: {@code member} (the default), {@code admin}, {@code owner}; project grants with roles
 * {@code member} and {@code owner}; pages of up to 100; accepted invitations cannot be revoked;
 * invitations expire 7 days after creation (when {@link #expire} says so: time does not pass on its
 * own). Revoking keeps the invitation as {@code REVOKED}, so revoking it again answers {@code true};
 * revoking an expired one makes it {@code REVOKED} too. Members ({@link #members()}, every member
 * capability): accepting an invitation makes its invitee a member, as {@link #join} does without one;
 * removing a member lets the address be invited again. After {@link #close()} every
 * {@link InvitationProvider} call throws {@link ProviderConfigurationException}, as the vendors'
 * adapters do; the vendor side ({@link #accept}, {@link #expire}, {@link #snapshot()},
 * {@link #clear()}) stays usable, since it stands for the vendor, not for the connection to it.
 * Thread-safe.
 */
public final class InMemoryInvitationProvider implements InvitationProvider, VendorControl {

    /** The id this provider reports. */
    public static final String ID = "in-memory";

    /** How long after creation an invitation's {@link Invitation#expiresAt()} lies. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    private static final ProviderInfo INFO = new ProviderInfo(ID, "In-memory (testkit)",
            Capabilities.builder()
                    .roles("member", "admin", "owner")
                    .projectGrants("member", "owner")
                    .revokeAccepted(false)
                    .maxPageSize(100)
                    .members(MemberCapabilities.all())
                    .build());

    private final Clock clock;
    private final NavigableMap<String, Invitation> invitations = new TreeMap<>();
    /** Members by id, in joining order (ids grow). */
    private final NavigableMap<String, Member> members = new TreeMap<>();
    private final Members memberView = new MemberView();
    private long sequence;
    private long memberSequence;
    private boolean closed;

    /** A provider on the system clock. */
    public InMemoryInvitationProvider() {
        this(Clock.systemUTC());
    }

    /**
     * A provider whose creation times come from the given clock.
     *
     * @param clock the clock
     */
    public InMemoryInvitationProvider(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public synchronized Invitation invite(InvitationRequest request) {
        requireOpen("invite");
        String email = InputRules.email(request.email());
        for (Invitation existing : invitations.values()) {
            if (!InputRules.sameEmail(existing.email(), email)) {
                continue;
            }
            if (existing.isPending()) {
                throw new ConflictException(ConflictException.Reason.ALREADY_INVITED,
                        email + " already has a pending invitation, " + existing.id() + ".", ErrorDetails.of(ID), null);
            }
        }
        if (memberWith(email).isPresent()) {
            throw new ConflictException(ConflictException.Reason.ALREADY_MEMBER,
                    email + " is already a member of the organisation.", ErrorDetails.of(ID), null);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Invitation created = Invitation.builder()
                .id(String.format("inv-%08d", ++sequence))
                .email(email)
                .role(request.role().or(INFO.capabilities()::defaultRole).orElse(null))
                .status(InvitationStatus.PENDING)
                .createdAt(now)
                .expiresAt(now.plus(VALIDITY))
                .projects(request.projects().orElse(List.of()))
                .provider(ID)
                .build();
        invitations.put(created.id(), created);
        return created;
    }

    @Override
    public synchronized Optional<Invitation> find(String invitationId) {
        requireOpen("find");
        return Optional.ofNullable(invitations.get(invitationId));
    }

    @Override
    public synchronized Page<Invitation> list(PageRequest request) {
        requireOpen("list");
        return page(invitations, request, Invitation::id);
    }

    /** A page of a map ordered by id, the cursor being the last id served. */
    private static <T> Page<T> page(NavigableMap<String, T> all, PageRequest request, java.util.function.Function<T, String> id) {
        NavigableMap<String, T> rest = all;
        if (request.cursor().isPresent()) {
            String after = request.cursor().get();
            if (!all.containsKey(after)) {
                throw new InvalidRequestException("Unknown page cursor '" + after + "': pass a nextCursor this provider returned.",
                        ErrorDetails.of(ID), null);
            }
            rest = all.tailMap(after, false);
        }
        int size = Math.min(request.size(), INFO.capabilities().maxPageSize());
        List<T> items = new ArrayList<>(size);
        for (T item : rest.values()) {
            if (items.size() == size) {
                break;
            }
            items.add(item);
        }
        boolean more = rest.size() > items.size();
        return Page.of(items, more ? id.apply(items.get(items.size() - 1)) : null);
    }

    @Override
    public synchronized boolean revoke(String invitationId) {
        requireOpen("revoke");
        Invitation invitation = invitations.get(invitationId);
        if (invitation == null) {
            return false;
        }
        if (invitation.status() == InvitationStatus.ACCEPTED) {
            throw new ConflictException(ConflictException.Reason.ACCEPTED_CANNOT_BE_REVOKED,
                    "Invitation " + invitationId + " was already accepted, so it cannot be revoked: remove the member "
                            + "from the organisation instead.", ErrorDetails.of(ID), null);
        }
        invitations.put(invitationId, invitation.toBuilder().status(InvitationStatus.REVOKED).build());
        return true;
    }

    @Override
    public synchronized Optional<Invitation> findByEmail(String email) {
        requireOpen("findByEmail");
        Invitation newest = null;
        for (Invitation invitation : invitations.descendingMap().values()) {
            if (InputRules.sameEmail(invitation.email(), email)) {
                if (invitation.isPending()) {
                    return Optional.of(invitation);
                }
                newest = newest == null ? invitation : newest;
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * The members: everyone who accepted an invitation or {@link #join joined}, until removed.
     * Supports everything ({@link MemberCapabilities#all()}); ids look like {@code user-00000001}.
     */
    @Override
    public Members members() {
        return memberView;
    }

    /** Accepting makes the invitee a member (once: a member who accepts a second invitation stays one member). */
    @Override
    public synchronized void accept(String invitationId) {
        Invitation invitation = require(invitationId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        invitations.put(invitationId, invitation.toBuilder()
                .status(InvitationStatus.ACCEPTED)
                .acceptedAt(now)
                .build());
        if (memberWith(invitation.email()).isEmpty()) {
            addMember(invitation.email(), invitation.role().orElse(null), now);
        }
    }

    @Override
    public synchronized String join(String email) {
        return memberWith(email).orElseGet(() -> addMember(email, INFO.capabilities().defaultRole().orElse(null),
                clock.instant().truncatedTo(ChronoUnit.MILLIS))).id();
    }

    private Member addMember(String email, String role, Instant joinedAt) {
        Member member = Member.builder().id(String.format("user-%08d", ++memberSequence)).email(email).role(role)
                .joinedAt(joinedAt).provider(ID).build();
        members.put(member.id(), member);
        return member;
    }

    private Optional<Member> memberWith(String email) {
        return members.values().stream().filter(m -> InputRules.sameEmail(m.email().orElse(null), email)).findFirst();
    }

    /** The members view: the same store, lock and closed state as the invitations. */
    private final class MemberView implements Members {
        @Override
        public Optional<Member> find(String memberId) {
            synchronized (InMemoryInvitationProvider.this) {
                requireOpen("find a member");
                return Optional.ofNullable(members.get(memberId));
            }
        }

        @Override
        public Optional<Member> findByEmail(String email) {
            synchronized (InMemoryInvitationProvider.this) {
                requireOpen("find a member");
                return memberWith(email);
            }
        }

        @Override
        public Page<Member> list(PageRequest request) {
            synchronized (InMemoryInvitationProvider.this) {
                requireOpen("list members");
                return page(members, request, Member::id);
            }
        }

        @Override
        public boolean remove(String memberId) {
            synchronized (InMemoryInvitationProvider.this) {
                requireOpen("remove a member");
                return members.remove(memberId) != null;
            }
        }
    }

    @Override
    public synchronized void expire(String invitationId) {
        invitations.put(invitationId, require(invitationId).toBuilder().status(InvitationStatus.EXPIRED).build());
    }

    /**
     * Every invitation held, in creation order: for assertions in tests.
     *
     * @return a snapshot of the invitations
     */
    public synchronized List<Invitation> snapshot() {
        return List.copyOf(invitations.values());
    }

    /** Forgets every invitation and member. */
    public synchronized void clear() {
        invitations.clear();
        members.clear();
    }

    /**
     * Refuses every later {@link InvitationProvider} call; closing again does nothing. The
     * invitations stay, for {@link #snapshot()} and the {@link VendorControl} methods.
     */
    @Override
    public synchronized void close() {
        closed = true;
    }

    private void requireOpen(String operation) {
        if (closed) {
            throw new ProviderConfigurationException("This in-memory provider was closed; create a new one to " + operation
                    + ".", ErrorDetails.of(ID), null);
        }
    }

    @Override
    public synchronized String toString() {
        return "InMemoryInvitationProvider[" + invitations.size() + " invitations]";
    }

    private Invitation require(String invitationId) {
        Invitation invitation = invitations.get(invitationId);
        if (invitation == null) {
            throw new IllegalArgumentException("No invitation with id " + invitationId + " in " + this);
        }
        return invitation;
    }
}
