package dev.roster.testkit;

import dev.roster.Capabilities;
import dev.roster.ConflictException;
import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.Members;
import dev.roster.Member;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.NotFoundException;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.ProviderInfo;
import dev.roster.spi.InputRules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Deliberately broken variants of the in-memory provider, each with the contract run against it.
 * They run only inside {@link ContractCatchesBrokenAdaptersTest}, which expects them to fail.
 */
final class BrokenAdapters {

    static final String RUN_VARIANTS = "roster.testkit.run-broken-variants";

    private BrokenAdapters() {}

    /** Keeps the variants from running as ordinary tests: they are meant to fail. */
    static final class OnlyWhenAskedFor implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(RUN_VARIANTS).map(Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run by ContractCatchesBrokenAdaptersTest")
                    : ConditionEvaluationResult.disabled("a deliberately broken adapter, run only by "
                            + "ContractCatchesBrokenAdaptersTest");
        }
    }

    /** The contract against a variant built from a fresh in-memory backend. */
    @ExtendWith(OnlyWhenAskedFor.class)
    abstract static class Variant extends InvitationProviderContract {
        private final InMemoryInvitationProvider backend = new InMemoryInvitationProvider();

        abstract InvitationProvider breakIt(InMemoryInvitationProvider backend);

        InMemoryInvitationProvider backend() {
            return backend;
        }

        @Override
        protected InvitationProvider provider() {
            return InvitationProviders.withPolicy(breakIt(backend), ProviderConfig.defaults());
        }

        @Override
        protected InvitationProvider newProvider() {
            return InvitationProviders.withPolicy(breakIt(new InMemoryInvitationProvider()), ProviderConfig.defaults());
        }

        @Override
        protected VendorControl vendor() {
            return backend;
        }
    }

    /** The correct provider, through the same machinery, as the control group. */
    static class Correct extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend);
        }
    }

    static class IgnoresCursor extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Page<Invitation> list(PageRequest request) {
                    return delegate.list(PageRequest.first(request.size()));
                }
            };
        }
    }

    static class DropsLastItemOfPage extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Page<Invitation> list(PageRequest request) {
                    Page<Invitation> page = delegate.list(request);
                    List<Invitation> items = page.items();
                    return new Page<>(items.isEmpty() ? items : items.subList(0, items.size() - 1), page.nextCursor());
                }
            };
        }
    }

    static class RevokeDoesNothing extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public boolean revoke(String invitationId) {
                    return delegate.find(invitationId).isPresent();
                }
            };
        }
    }

    /**
     * Loses an invite when two overlap: the first two calls from threads other than the test's own
     * meet at a barrier (so the overlap is certain, not left to timing) and one of them is reported
     * created but never shows up again.
     */
    static class LosesConcurrentInvites extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            CyclicBarrier meeting = new CyclicBarrier(2);
            Set<String> lost = ConcurrentHashMap.newKeySet();
            Thread testThread = Thread.currentThread();
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Invitation invite(InvitationRequest request) {
                    Invitation invitation = delegate.invite(request);
                    if (Thread.currentThread() != testThread && lost.isEmpty() && meetsAnotherCall(meeting)) {
                        synchronized (lost) {
                            if (lost.isEmpty()) {
                                lost.add(invitation.id());
                            }
                        }
                    }
                    return invitation;
                }

                @Override
                public Optional<Invitation> find(String invitationId) {
                    return delegate.find(invitationId).filter(i -> !lost.contains(i.id()));
                }

                @Override
                public Page<Invitation> list(PageRequest request) {
                    Page<Invitation> page = delegate.list(request);
                    return new Page<>(page.items().stream().filter(i -> !lost.contains(i.id())).collect(Collectors.toList()),
                            page.nextCursor());
                }

                @Override
                public Optional<Invitation> findByEmail(String email) {
                    return delegate.findByEmail(email).filter(i -> !lost.contains(i.id()));
                }
            };
        }

        private static boolean meetsAnotherCall(CyclicBarrier meeting) {
            try {
                meeting.await(30, TimeUnit.SECONDS);
                return true;
            } catch (TimeoutException | BrokenBarrierException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static class MatchesEmailsCaseSensitively extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Optional<Invitation> findByEmail(String email) {
                    return delegate.snapshot().stream().filter(i -> i.email().equals(email)).reduce((a, b) -> b);
                }
            };
        }
    }

    static class ReportsAcceptedAsPending extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            Function<Invitation, Invitation> misreport = i -> i.status() == InvitationStatus.ACCEPTED
                    ? i.toBuilder().status(InvitationStatus.PENDING).build() : i;
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Optional<Invitation> find(String invitationId) {
                    return delegate.find(invitationId).map(misreport);
                }
            };
        }
    }

    static class ThrowsForUnknownId extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Optional<Invitation> find(String invitationId) {
                    return Optional.of(delegate.find(invitationId)
                            .orElseThrow(() -> new NotFoundException("no invitation " + invitationId)));
                }
            };
        }
    }

    /** Sends a second invitation instead of reporting the duplicate as a conflict. */
    static class DuplicatesInvites extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Invitation invite(InvitationRequest request) {
                    try {
                        return delegate.invite(request);
                    } catch (ConflictException e) {
                        delegate.findByEmail(request.email()).ifPresent(i -> delegate.revoke(i.id()));
                        return delegate.invite(request);
                    }
                }
            };
        }
    }

    static class ForgetsRole extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Invitation invite(InvitationRequest request) {
                    return delegate.invite(InvitationRequest.builder(request.email()).build());
                }
            };
        }
    }

    /** Handed to the contract without core's policy: nothing checks the caller's email before the adapter. */
    static class SkipsCorePolicy extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend);
        }

        @Override
        protected InvitationProvider provider() {
            return breakIt(backend());
        }
    }

    /**
     * Says "more" on an exactly full last page, as an adapter does that decides there is a next page
     * from the page being full: the cursor leads to an empty page.
     */
    static class CursorAfterLastPage extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Page<Invitation> list(PageRequest request) {
                    Page<Invitation> page = delegate.list(request);
                    List<Invitation> items = page.items();
                    boolean full = items.size() == Math.min(request.size(), info().capabilities().maxPageSize());
                    return page.nextCursor().isEmpty() && full
                            ? Page.of(items, items.get(items.size() - 1).id()) : page;
                }
            };
        }
    }

    /**
     * Answers findByEmail with the address's oldest invitation, whatever its status: after an
     * expiry, a re-invite is then answered with a conflict instead of the pending invitation.
     */
    static class FindsOldestByEmail extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Optional<Invitation> findByEmail(String email) {
                    return delegate.snapshot().stream().filter(i -> InputRules.sameEmail(i.email(), email)).findFirst();
                }
            };
        }
    }

    /** Lists every invitation as pending, as an adapter does whose list mapping defaults the status. */
    static class ListsEverythingPending extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Page<Invitation> list(PageRequest request) {
                    Page<Invitation> page = delegate.list(request);
                    return new Page<>(page.items().stream().map(i -> i.toBuilder().status(InvitationStatus.PENDING).build())
                            .collect(Collectors.toList()), page.nextCursor());
                }
            };
        }
    }

    /** Reads the vendor's Unix seconds as milliseconds: every creation and expiry time lands in January 1970. */
    static class ReadsSecondsAsMillis extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new Remapping(backend, i -> i.toBuilder()
                    .createdAt(i.createdAt().map(t -> Instant.ofEpochMilli(t.getEpochSecond())).orElse(null))
                    .expiresAt(i.expiresAt().map(t -> Instant.ofEpochMilli(t.getEpochSecond())).orElse(null))
                    .build());
        }
    }

    /** Throws for an invitation revoked before, as an adapter does that maps the vendor's second answer to an error. */
    static class ThrowsOnSecondRevoke extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public boolean revoke(String invitationId) {
                    if (delegate.find(invitationId).filter(i -> i.status() == InvitationStatus.REVOKED).isPresent()) {
                        throw new NotFoundException("invitation " + invitationId + " was already revoked");
                    }
                    return delegate.revoke(invitationId);
                }
            };
        }
    }

    /** Refuses to revoke an expired invitation, as if it were accepted. */
    static class RefusesToRevokeExpired extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public boolean revoke(String invitationId) {
                    if (delegate.find(invitationId).filter(i -> i.status() == InvitationStatus.EXPIRED).isPresent()) {
                        throw new ConflictException(ConflictException.Reason.ACCEPTED_CANNOT_BE_REVOKED,
                                "invitation " + invitationId + " is no longer pending", ErrorDetails.of("broken"), null);
                    }
                    return delegate.revoke(invitationId);
                }
            };
        }
    }

    /** Keeps answering after close(), as an adapter does whose close() releases nothing and checks nothing. */
    static class WorksAfterClose extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public void close() {
                    // Forgets to close.
                }
            };
        }
    }

    /** Throws on a second close(), as an adapter does that shuts an executor down twice. */
    static class ClosesOnlyOnce extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            AtomicBoolean closed = new AtomicBoolean();
            return new ForwardingInvitationProvider(backend) {
                @Override
                public void close() {
                    if (!closed.compareAndSet(false, true)) {
                        throw new IllegalStateException("already closed");
                    }
                    delegate.close();
                }
            };
        }
    }

    /**
     * Declares that it can revoke accepted invitations, yet refuses with a conflict as the in-memory
     * backend does: the contract holds an adapter to what it declares.
     */
    static class DeclaresRevokeAcceptedButRefuses extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            ProviderInfo info = revokingAccepted(backend.info());
            return new ForwardingInvitationProvider(backend) {
                @Override
                public ProviderInfo info() {
                    return info;
                }
            };
        }
    }

    /**
     * A correct adapter that declares it can revoke accepted invitations, and does (keeping them
     * as REVOKED): the other side of the contract's revoke-accepted test.
     */
    static class RevokesAccepted extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            ProviderInfo info = revokingAccepted(backend.info());
            Set<String> revokedAfterAcceptance = ConcurrentHashMap.newKeySet();
            return new Remapping(backend, i -> revokedAfterAcceptance.contains(i.id())
                    ? i.toBuilder().status(InvitationStatus.REVOKED).build() : i) {
                @Override
                public ProviderInfo info() {
                    return info;
                }

                @Override
                public boolean revoke(String invitationId) {
                    if (delegate.find(invitationId).filter(i -> i.status() == InvitationStatus.ACCEPTED).isPresent()) {
                        revokedAfterAcceptance.add(invitationId);
                        return true;
                    }
                    return delegate.revoke(invitationId);
                }
            };
        }
    }

    /** Counts an address as a member as soon as it is invited: member must mean accepted. */
    static class PendingIsAMember extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Invitation invite(InvitationRequest request) {
                    Invitation sent = delegate.invite(request);
                    delegate.join(sent.email());
                    return sent;
                }
            };
        }
    }

    /** Answers every removal with true, as if a 404 were a success. */
    static class RemoveAlwaysTrue extends Variant {
        @Override
        InvitationProvider breakIt(InMemoryInvitationProvider backend) {
            return new ForwardingInvitationProvider(backend) {
                @Override
                public Members members() {
                    Members real = delegate.members();
                    return new Members() {
                        @Override
                        public Optional<Member> find(String memberId) {
                            return real.find(memberId);
                        }

                        @Override
                        public Page<Member> list(PageRequest request) {
                            return real.list(request);
                        }

                        @Override
                        public boolean remove(String memberId) {
                            real.remove(memberId);
                            return true;
                        }
                    };
                }
            };
        }
    }

    /** Passes every invitation the backend answers through one mapping, in every read. */
    static class Remapping extends ForwardingInvitationProvider {
        private final Function<Invitation, Invitation> mapping;

        Remapping(InMemoryInvitationProvider delegate, Function<Invitation, Invitation> mapping) {
            super(delegate);
            this.mapping = mapping;
        }

        @Override
        public Invitation invite(InvitationRequest request) {
            return mapping.apply(delegate.invite(request));
        }

        @Override
        public Optional<Invitation> find(String invitationId) {
            return delegate.find(invitationId).map(mapping);
        }

        @Override
        public Page<Invitation> list(PageRequest request) {
            Page<Invitation> page = delegate.list(request);
            return new Page<>(page.items().stream().map(mapping).collect(Collectors.toList()), page.nextCursor());
        }

        @Override
        public Optional<Invitation> findByEmail(String email) {
            return delegate.findByEmail(email).map(mapping);
        }
    }

    private static ProviderInfo revokingAccepted(ProviderInfo info) {
        Capabilities caps = info.capabilities();
        return new ProviderInfo(info.id(), info.displayName(), new Capabilities(caps.roles(), caps.defaultRole(),
                caps.projectGrants(), caps.projectRoles(), true, caps.maxPageSize(), caps.vendorAttributes(), caps.members()));
    }
}
