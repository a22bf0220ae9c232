package dev.roster.internal;

import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.Member;
import dev.roster.Members;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderInfo;
import dev.roster.RosterException;
import dev.roster.spi.Redactor;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The adapter as core's policy calls it: anything but a {@link RosterException} that escapes the
 * adapter (a third party's {@code NullPointerException}, an HTTP client's unchecked exception) is
 * turned into one, so no untyped exception reaches the application, and the original is kept only as
 * a text copy with every configured credential masked ({@link Redactor#redact(Throwable)}), so no
 * transport object holding headers travels with it. It is not retried: core cannot tell whether the
 * adapter acted before it failed, and says so.
 */
final class GuardedAdapter implements InvitationProvider {

    private final InvitationProvider adapter;
    private final Redactor redactor;
    private final String providerId;

    GuardedAdapter(InvitationProvider adapter, Redactor redactor, String providerId) {
        this.adapter = adapter;
        this.redactor = redactor;
        this.providerId = providerId;
    }

    @Override
    public ProviderInfo info() {
        return adapter.info();
    }

    @Override
    public Invitation invite(InvitationRequest request) {
        return guarded("invite", () -> adapter.invite(request));
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        return guarded("find", () -> adapter.find(invitationId));
    }

    @Override
    public Page<Invitation> list(PageRequest request) {
        return guarded("list", () -> adapter.list(request));
    }

    @Override
    public boolean revoke(String invitationId) {
        return guarded("revoke", () -> adapter.revoke(invitationId));
    }

    @Override
    public Stream<Invitation> stream() {
        return guarded("stream", adapter::stream);
    }

    @Override
    public Optional<Invitation> findByEmail(String email) {
        return guarded("findByEmail", () -> adapter.findByEmail(email));
    }

    @Override
    public Members members() {
        Members members = guarded("members", adapter::members);
        if (members == null) {
            throw new RosterException("The " + providerId + " adapter (" + adapter.getClass().getName() + ") returned null "
                    + "from members(); a defect in that adapter, to report to its authors.", ErrorDetails.of(providerId), null);
        }
        return new GuardedMembers(members);
    }

    /** The adapter's members view, guarded call by call as the adapter is. */
    private final class GuardedMembers implements Members {
        private final Members members;

        GuardedMembers(Members members) {
            this.members = members;
        }

        @Override
        public Optional<Member> find(String memberId) {
            return guarded("members().find", () -> members.find(memberId));
        }

        @Override
        public Optional<Member> findByEmail(String email) {
            return guarded("members().findByEmail", () -> members.findByEmail(email));
        }

        @Override
        public Page<Member> list(PageRequest request) {
            return guarded("members().list", () -> members.list(request));
        }

        @Override
        public Stream<Member> stream() {
            return guarded("members().stream", members::stream);
        }

        @Override
        public boolean remove(String memberId) {
            return guarded("members().remove", () -> members.remove(memberId));
        }
    }

    @Override
    public void close() {
        guarded("close", () -> {
            adapter.close();
            return null;
        });
    }

    private <T> T guarded(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RosterException typed) {
            throw typed;
        } catch (RuntimeException untyped) {
            throw new RosterException("The " + providerId + " adapter (" + adapter.getClass().getName() + ") failed in "
                    + operation + " with " + untyped.getClass().getName() + " instead of a RosterException: a defect in "
                    + "that adapter, to report to its authors. Roster cannot tell whether the vendor acted before it failed, "
                    + "so it was not retried; look the effect up (find, findByEmail) before trying again.",
                    ErrorDetails.of(providerId), redactor.redact(untyped));
        }
    }
}
