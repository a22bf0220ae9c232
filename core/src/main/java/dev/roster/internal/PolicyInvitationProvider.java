package dev.roster.internal;

import dev.roster.Capabilities;
import dev.roster.ConflictException;
import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.Members;
import dev.roster.Offboarding;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProjectGrant;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderInfo;
import dev.roster.RosterException;
import dev.roster.UnsupportedCapabilityException;
import dev.roster.spi.InputRules;
import dev.roster.spi.RateLimitReporting;
import dev.roster.spi.Redactor;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Core's policy around an adapter: every argument is checked before the adapter sees it, calls go
 * through {@link Attempts} (retries and pacing; an adapter that implements
 * {@link RateLimitReporting} has its vendor's rate-limit headers wired to that pacing here), and {@code invite} never makes two invitations for one call:
 * a create whose outcome is unknown is looked up before it is sent again, and a conflicting invite
 * for an already-invited email answers with the pending invitation. {@code revoke} answers true
 * only for an invitation that existed, even when a delete's answer is lost (see {@link #revoke});
 * members get the same ({@link PolicyMembers}), and {@code offboard} is made of these calls.
 * Adapters stay thin translators.
 */
public final class PolicyInvitationProvider implements InvitationProvider {

    private final InvitationProvider adapter;
    private final ProviderInfo info;
    private final Attempts attempts;
    private final Members members;

    /**
     * Wraps an adapter; what it throws that is not a {@link dev.roster.RosterException} is reported
     * as one, with no credential in it.
     *
     * @param adapter the bare adapter
     * @param attempts how calls are attempted
     * @param redactor masks the configured credentials in what the adapter throws untyped
     */
    public PolicyInvitationProvider(InvitationProvider adapter, Attempts attempts, Redactor redactor) {
        if (adapter == null || attempts == null || redactor == null) {
            throw new ProviderConfigurationException("The policy needs an adapter, its attempts and a redactor; got null.");
        }
        ProviderInfo described = adapter.info();
        if (described == null) {
            throw new ProviderConfigurationException("The adapter " + adapter.getClass().getName() + " returned null from "
                    + "info(); this is a bug in that adapter.");
        }
        this.info = described;
        this.adapter = new GuardedAdapter(adapter, redactor, described.id());
        this.attempts = attempts;
        this.members = new PolicyMembers(this.adapter, described, attempts);
        if (adapter instanceof RateLimitReporting) {
            // The vendor's rate-limit headers pace the calls made through this provider.
            ((RateLimitReporting) adapter).reportRateLimitsTo(status -> {
                if (status != null) {
                    attempts.rateLimitStatus(status);
                }
            });
        }
    }

    /**
     * Wraps an adapter once: a provider that already has the policy is returned as it is.
     *
     * @param provider a bare adapter, or one already wrapped
     * @param attempts how calls are attempted
     * @param redactor masks the configured credentials in what the adapter throws untyped
     * @return the provider with core's policy
     */
    public static InvitationProvider wrap(InvitationProvider provider, Attempts attempts, Redactor redactor) {
        return provider instanceof PolicyInvitationProvider ? provider : new PolicyInvitationProvider(provider, attempts, redactor);
    }

    @Override
    public ProviderInfo info() {
        return info;
    }

    @Override
    public Invitation invite(InvitationRequest request) {
        if (request == null) {
            throw invalid("invite needs a request: InvitationRequest.of(\"someone@example.com\").");
        }
        checkSupported(request);
        try {
            // A create whose answer was lost may have worked: look for it before sending it again.
            return attempts.run("invite", () -> adapter.invite(request), unknownOutcome -> pendingFor(request.email()));
        } catch (ConflictException conflict) {
            if (conflict.reason() != ConflictException.Reason.ALREADY_INVITED
                    && conflict.reason() != ConflictException.Reason.OTHER) {
                throw conflict;
            }
            // The vendor refused a second invitation; the caller's intent is met by the pending one.
            return attempts.run("findByEmail", () -> pendingFor(request.email(), conflict.invitationId()))
                    .orElseThrow(() -> conflict);
        }
    }

    /**
     * The pending invitation a conflict stands for: the one the vendor named, if it named one (one
     * {@code find}) and that one is pending and for this address; otherwise whatever
     * {@code findByEmail} finds. A named id the vendor got wrong (malformed, gone, another address,
     * no longer pending) costs that one request and is then ignored, never trusted.
     */
    private Optional<Invitation> pendingFor(String email, Optional<String> named) {
        Optional<String> id = named.filter(PolicyInvitationProvider::isInvitationId);
        if (id.isPresent()) {
            Optional<Invitation> found = answered(adapter.find(id.get()), "find")
                    .filter(Invitation::isPending)
                    .filter(invitation -> InputRules.sameEmail(invitation.email(), email));
            if (found.isPresent()) {
                return found;
            }
        }
        return pendingFor(email);
    }

    /** Whether a vendor's id may go into a request path (vendor output: an unfit one is skipped, not an input error). */
    private static boolean isInvitationId(String id) {
        try {
            InputRules.invitationId(id);
            return true;
        } catch (InvalidRequestException unfit) {
            return false;
        }
    }

    /**
     * After a delete whose outcome is unknown: whether it took effect. REVOKED means it did. Gone
     * means it did only if the invitation was there before the delete: a vendor that deletes
     * outright (OpenAI) shows a revoked invitation and one that never existed alike. Otherwise the
     * delete is sent again, which cannot harm (it is idempotent), and the vendor's answer decides.
     */
    private Optional<Boolean> revokedAlready(String id, boolean seenBefore) {
        Optional<Invitation> now = answered(adapter.find(id), "find");
        if (now.isPresent()) {
            return now.get().status() == InvitationStatus.REVOKED ? Optional.of(true) : Optional.empty();
        }
        return seenBefore ? Optional.of(true) : Optional.empty();
    }

    private Optional<Invitation> pendingFor(String email) {
        return answered(adapter.findByEmail(email), "findByEmail")
                .filter(Invitation::isPending);
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        String id = InputRules.invitationId(invitationId);
        return answered(attempts.run("find", () -> adapter.find(id)), "find");
    }

    @Override
    public Page<Invitation> list(PageRequest request) {
        if (request == null) {
            throw invalid("list needs a page request: PageRequest.first(50), then PageRequest.after(50, page.nextCursor()).");
        }
        request.cursor().ifPresent(InputRules::cursor); // the caller's cursor; stream() passes the vendor's as given
        return fetch(request);
    }

    /**
     * Every invitation, page by page; each cursor the vendor returns is passed back as given, not
     * judged by the caller-input rules that {@link #list} applies.
     */
    @Override
    public Stream<Invitation> stream() {
        return Pagination.stream(this::fetch, info.capabilities().maxPageSize(), info.id());
    }

    private Page<Invitation> fetch(PageRequest request) {
        int max = info.capabilities().maxPageSize();
        PageRequest bounded = request.size() > max ? request.withSize(max) : request;
        return answered(attempts.run("list", () -> adapter.list(bounded)), "list");
    }

    /**
     * Revokes, answering true only for an invitation that existed, even when the delete's answer
     * is lost. With retries on, the invitation is looked up first (one {@code find}), so that after
     * a delete whose outcome is unknown (a 5xx, an I/O error, a timeout) core can tell "revoked
     * by this call" from "never existed": REVOKED afterwards is true; gone afterwards is true if it
     * was there before, and otherwise the delete is sent again for the vendor to answer (false for
     * an unknown id); still there and not revoked, the delete is sent again. The look-up never
     * stops the delete: a vendor slow to show a new invitation still gets it. With retries off,
     * the delete is sent once and nothing is looked up.
     */
    @Override
    public boolean revoke(String invitationId) {
        String id = InputRules.invitationId(invitationId);
        if (!attempts.retries()) {
            return attempts.run("revoke", () -> adapter.revoke(id));
        }
        boolean seenBefore = answered(attempts.run("find", () -> adapter.find(id)), "find").isPresent();
        return attempts.run("revoke", () -> adapter.revoke(id), unknownOutcome -> revokedAlready(id, seenBefore));
    }

    @Override
    public Optional<Invitation> findByEmail(String email) {
        String wanted = InputRules.email(email);
        return answered(attempts.run("findByEmail", () -> adapter.findByEmail(wanted)), "findByEmail");
    }

    /**
     * The members, under the same policy ({@link PolicyMembers}): always returned; a call the provider
     * does not declare in {@link Capabilities#members()} fails before any I/O.
     */
    @Override
    public Members members() {
        return members;
    }

    /** Offboards through this policy's own calls, so each step is validated, retried and looked up as they are. */
    @Override
    public Offboarding offboard(String email) {
        return Offboarder.offboard(this, email);
    }

    @Override
    public void close() {
        adapter.close();
    }

    @Override
    public String toString() {
        return "InvitationProvider[" + info.id() + ", with core policy]";
    }

    private void checkSupported(InvitationRequest request) {
        Capabilities caps = info.capabilities();
        request.role().ifPresent(role -> {
            if (!caps.supportsRoles()) {
                throw unsupported("The " + info.displayName() + " provider takes no role at invitation time, but the request "
                        + "asks for " + InputRules.quote(role) + ". Leave the role out: this vendor grants access by its own means "
                        + "once the person has joined.");
            }
            if (!caps.roles().contains(role)) {
                throw unsupported("The " + info.displayName() + " provider has no role " + InputRules.quote(role) + ". Use one of "
                        + sorted(caps.roles()) + caps.defaultRole().map(d -> " (default: " + d + ")").orElse("") + ".");
            }
        });
        request.projects().ifPresent(grants -> {
            if (!grants.isEmpty() && !caps.projectGrants()) {
                throw unsupported("The " + info.displayName() + " provider cannot grant projects with an invitation. "
                        + "Leave the projects out.");
            }
            for (ProjectGrant grant : grants) {
                if (!caps.projectRoles().contains(grant.role())) {
                    throw unsupported("The " + info.displayName() + " provider has no project role " + InputRules.quote(grant.role())
                            + " (project " + InputRules.quote(grant.projectId()) + "). Use one of " + sorted(caps.projectRoles()) + ".");
                }
            }
        });
        for (Map.Entry<String, String> attribute : request.attributes().entrySet()) {
            Set<String> allowed = caps.vendorAttributes().get(attribute.getKey());
            if (allowed == null) {
                throw unsupported("The " + info.displayName() + " provider has no vendor attribute "
                        + InputRules.quote(attribute.getKey()) + ". Known attributes: " + sorted(caps.vendorAttributes().keySet()) + ".");
            }
            if (!allowed.isEmpty() && !allowed.contains(attribute.getValue())) {
                throw invalid("The " + info.displayName() + " attribute " + InputRules.quote(attribute.getKey()) + " cannot be "
                        + InputRules.quote(attribute.getValue()) + ". Use one of " + sorted(allowed) + ".");
            }
        }
    }

    /** An adapter's answer, which must not be null: a null is a bug in the adapter, reported as such rather than an NPE. */
    private <T> T answered(T value, String operation) {
        if (value == null) {
            throw new RosterException("The " + info.id() + " adapter returned null from " + operation + "; this is a bug in "
                    + "that adapter (it should return an empty Optional or page): report it with this message.",
                    ErrorDetails.of(info.id()), null);
        }
        return value;
    }

    private static String sorted(Set<String> values) {
        return new TreeSet<>(values).toString();
    }

    private UnsupportedCapabilityException unsupported(String message) {
        return new UnsupportedCapabilityException(message, ErrorDetails.of(info.id()), null);
    }

    private InvalidRequestException invalid(String message) {
        return new InvalidRequestException(message, ErrorDetails.of(info.id()), null);
    }
}
