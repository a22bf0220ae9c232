package dev.roster.testkit;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.Members;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderInfo;
import java.util.Optional;

/** Passes every call to a delegate; broken variants override the one behaviour they break. */
class ForwardingInvitationProvider implements InvitationProvider {

    protected final InMemoryInvitationProvider delegate;

    ForwardingInvitationProvider(InMemoryInvitationProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public ProviderInfo info() {
        return delegate.info();
    }

    @Override
    public Invitation invite(InvitationRequest request) {
        return delegate.invite(request);
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        return delegate.find(invitationId);
    }

    @Override
    public Page<Invitation> list(PageRequest request) {
        return delegate.list(request);
    }

    @Override
    public boolean revoke(String invitationId) {
        return delegate.revoke(invitationId);
    }

    @Override
    public Optional<Invitation> findByEmail(String email) {
        return delegate.findByEmail(email);
    }

    @Override
    public Members members() {
        return delegate.members();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
