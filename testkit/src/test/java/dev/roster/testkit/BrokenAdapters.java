package dev.roster.testkit;

import dev.roster.ConflictException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.NotFoundException;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
}
