package dev.roster.internal;

import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.InvitationProvider;
import dev.roster.Member;
import dev.roster.MemberCapabilities;
import dev.roster.Members;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderInfo;
import dev.roster.RosterException;
import dev.roster.UnsupportedCapabilityException;
import dev.roster.spi.InputRules;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Core's policy around an adapter's {@link Members}, as {@link PolicyInvitationProvider} is around its
 * invitations: each argument checked, then the declared {@link MemberCapabilities} (an undeclared call
 * is an {@link UnsupportedCapabilityException} before any I/O), then the call through {@link Attempts}.
 * {@link #remove} answers true only for a member that existed, even when the removal's answer is lost.
 */
final class PolicyMembers implements Members {

    private final InvitationProvider adapter;
    private final ProviderInfo info;
    private final Attempts attempts;

    /** The view over {@code adapter}, which is already guarded ({@link GuardedAdapter}). */
    PolicyMembers(InvitationProvider adapter, ProviderInfo info, Attempts attempts) {
        this.adapter = adapter;
        this.info = info;
        this.attempts = attempts;
    }

    @Override
    public Optional<Member> find(String memberId) {
        String id = InputRules.memberId(memberId);
        require(can().list(), "look members up by id");
        return lookUp(id);
    }

    @Override
    public Optional<Member> findByEmail(String email) {
        String wanted = InputRules.email(email);
        require(can().findByEmail(), "look members up by email address (the vendor does not reveal members' addresses)");
        return answered(attempts.run("members.findByEmail", () -> adapter.members().findByEmail(wanted)), "findByEmail");
    }

    @Override
    public Page<Member> list(PageRequest request) {
        if (request == null) {
            throw new InvalidRequestException("members().list needs a page request: PageRequest.first(50), then "
                    + "PageRequest.after(50, page.nextCursor()).", ErrorDetails.of(info.id()), null);
        }
        request.cursor().ifPresent(InputRules::cursor); // the caller's cursor; stream() passes the vendor's as given
        require(can().list(), "list members");
        return fetch(request);
    }

    /** Every member, page by page, each vendor cursor passed back as given. */
    @Override
    public Stream<Member> stream() {
        require(can().list(), "list members");
        return Pagination.stream(this::fetch, info.capabilities().maxPageSize(), info.id());
    }

    /**
     * Removes, answering true only for a member that existed, as {@link PolicyInvitationProvider#revoke}
     * does for invitations: with retries on, the member is looked up first, and after a removal whose
     * outcome is unknown, gone afterwards is true if it was there before; otherwise (still there, or an id
     * never seen) the removal is sent again for the vendor to answer. With retries off it is sent once.
     */
    @Override
    public boolean remove(String memberId) {
        String id = InputRules.memberId(memberId);
        require(can().remove(), "remove members");
        if (!attempts.retries()) {
            return attempts.run("members.remove", () -> adapter.members().remove(id));
        }
        boolean seenBefore = can().list() && lookUp(id).isPresent();
        return attempts.run("members.remove", () -> adapter.members().remove(id),
                unknownOutcome -> seenBefore && answered(adapter.members().find(id), "find").isEmpty()
                        ? Optional.of(true) : Optional.empty());
    }

    private Optional<Member> lookUp(String id) {
        return answered(attempts.run("members.find", () -> adapter.members().find(id)), "find");
    }

    private Page<Member> fetch(PageRequest request) {
        int max = info.capabilities().maxPageSize();
        PageRequest bounded = request.size() > max ? request.withSize(max) : request;
        return answered(attempts.run("members.list", () -> adapter.members().list(bounded)), "list");
    }

    private MemberCapabilities can() {
        return info.capabilities().members();
    }

    private void require(boolean declared, String what) {
        if (!declared) {
            throw new UnsupportedCapabilityException("The " + info.displayName() + " provider cannot " + what + "; see "
                    + "info().capabilities().members() for what it can do with members.", ErrorDetails.of(info.id()), null);
        }
    }

    private <T> T answered(T value, String operation) {
        if (value == null) {
            throw new RosterException("The " + info.id() + " adapter returned null from members()." + operation + "; this is "
                    + "a bug in that adapter (it should return an empty Optional or page): report it with this message.",
                    ErrorDetails.of(info.id()), null);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Members[" + info.id() + ", with core policy]";
    }
}
