package dev.roster.confluent.internal;

import dev.roster.Capabilities;
import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.MemberCapabilities;
import dev.roster.Members;
import dev.roster.NotFoundException;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderInfo;
import dev.roster.ProviderUnavailableException;
import dev.roster.StandingInvitation;
import dev.roster.confluent.ConfluentCloud;
import dev.roster.provider.support.FeignCalls;
import dev.roster.provider.support.RateLimitFeed;
import dev.roster.spi.InputRules;
import dev.roster.spi.RateLimitReporting;
import dev.roster.spi.RateLimitStatus;
import dev.roster.spi.Redactor;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Confluent Cloud adapter: a thin translation between {@link InvitationProvider} and the IAM v2
 * invitations API. It neither retries, nor validates emails, nor paginates for the caller: core's
 * policy, which {@code InvitationProviders.load} wraps around it, does. Thread-safe.
 *
 * <p>Confluent has no roles at invitation time (access is granted afterwards with role bindings on
 * the invited {@code user.id}), so the capabilities declare none, and core rejects a requested
 * role before any request. The one request attribute is {@code auth_type}.
 */
public final class ConfluentInvitationProvider implements InvitationProvider, RateLimitReporting {

    /** What Confluent Cloud invitations can do. */
    static final Capabilities CAPABILITIES = Capabilities.builder()
            .vendorAttribute(ConfluentCloud.AUTH_TYPE, ConfluentCloud.AUTH_TYPE_LOCAL, ConfluentCloud.AUTH_TYPE_SSO)
            .revokeAccepted(false)
            .maxPageSize(100)
            .members(MemberCapabilities.all())
            .build();

    private static final ProviderInfo INFO = new ProviderInfo(ConfluentCloud.ID, ConfluentCloud.DISPLAY_NAME, CAPABILITIES);

    /**
     * The most pages {@link #findByEmail} reads for one address (each holds up to 100 invitations):
     * a guard against a vendor or proxy that sends new page tokens forever, since the lookup runs
     * inside an invite's recovery. Reaching it is an error, never a partial answer.
     */
    private static final int MAX_EMAIL_PAGES = 20;

    private final ConfluentApi api;
    private final FeignCalls calls;
    private final Members members;
    private final RateLimitFeed rateLimits;

    ConfluentInvitationProvider(ConfluentApi api, URI baseUri, Redactor redactor, RateLimitFeed rateLimits) {
        this(api, new FeignCalls(ConfluentCloud.DISPLAY_NAME, ConfluentCloud.ID, baseUri, redactor), rateLimits);
    }

    /** An adapter running its calls through {@code calls}, whose closing also closes the client's connections. */
    ConfluentInvitationProvider(ConfluentApi api, FeignCalls calls, RateLimitFeed rateLimits) {
        this.api = Objects.requireNonNull(api, "api");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.members = new ConfluentMembers(this, api);
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /**
     * Confluent's {@code X-RateLimit-*} headers, from every answer, pace core's calls (see
     * {@link ConfluentRateLimits}).
     *
     * @param listener core's pacer for this provider
     */
    @Override
    public void reportRateLimitsTo(Consumer<RateLimitStatus> listener) {
        rateLimits.reportTo(listener);
    }

    /** The members: users who accepted ({@link ConfluentMembers}). */
    @Override
    public Members members() {
        return members;
    }

    /**
     * Creates the adapter from a configuration.
     *
     * @param config the credentials {@code CONFLUENT_CLOUD_API_KEY} and
     *     {@code CONFLUENT_CLOUD_API_SECRET}, the base URI, timeouts, and optionally the property
     *     {@value ConfluentCloud#HTTP_LOG_PROPERTY}
     * @return the bare adapter
     * @throws ProviderConfigurationException naming a missing credential or an unsafe base URI
     */
    public static ConfluentInvitationProvider create(ProviderConfig config) {
        return ConfluentClients.create(config, null);
    }

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public Invitation invite(InvitationRequest request) {
        Objects.requireNonNull(request, "request");
        Wire.CreateInvitation body = new Wire.CreateInvitation(request.email(),
                request.attributes().get(ConfluentCloud.AUTH_TYPE));
        return read("create an invitation", () -> api.create(body), InvitationMapper::invitation);
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        String id = InputRules.invitationId(invitationId);
        try {
            return Optional.of(read("read invitation " + id, () -> api.get(id), InvitationMapper::invitation));
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public Page<Invitation> list(PageRequest request) {
        Objects.requireNonNull(request, "request");
        int size = Math.min(request.size(), CAPABILITIES.maxPageSize());
        String token = request.cursor().map(ConfluentInvitationProvider::pageToken).map(QueryValues::encode).orElse(null);
        return read("list invitations", () -> api.list(size, token, null, null), InvitationMapper::page);
    }

    /**
     * A cursor as Confluent's {@code page_token}: at most {@value ConfluentCloud#MAX_PAGE_TOKEN_LENGTH}
     * characters, as its spec says. Anything longer cannot have come from a Confluent page (the mapper
     * refuses a longer token in Confluent's answer as unreadable, so {@code stream()} never passes one
     * back), and would only earn a 400; it is refused before any request, saying what to do.
     */
    static String pageToken(String cursor) {
        int length = cursor.codePointCount(0, cursor.length());
        if (length > ConfluentCloud.MAX_PAGE_TOKEN_LENGTH) {
            throw new InvalidRequestException("Invalid page cursor " + InputRules.quote(cursor) + " for Confluent Cloud: it has "
                    + length + " characters, and Confluent's page tokens have at most " + ConfluentCloud.MAX_PAGE_TOKEN_LENGTH
                    + ". Pass the nextCursor of a previous Confluent Cloud page unchanged, or no cursor for the first page.",
                    ErrorDetails.of(ConfluentCloud.ID), null);
        }
        return cursor;
    }

    @Override
    public boolean revoke(String invitationId) {
        String id = InputRules.invitationId(invitationId);
        try {
            return read("delete invitation " + id, () -> api.delete(id), InvitationMapper::deleted);
        } catch (NotFoundException unknown) {
            return false;
        }
    }

    /**
     * Uses Confluent's server-side {@code email} filter instead of scanning every invitation. The
     * filter is an exact match, case included ("Filter the results by exact match for email", says
     * the spec), while addresses compare case-insensitively: if the address as given finds nothing
     * and has capitals, its lower-case form is tried too, and if that finds nothing either, every
     * invitation is scanned ({@link InvitationProvider#findByEmail the default}), so that an
     * invitation sent to {@code Ada@Example.com} is found for {@code ada@example.com} and the other
     * way round, and inviting it again stays idempotent.
     *
     * <p>Why the scan stays: Confluent documents neither a case-insensitive filter nor whether it
     * stores an address as sent or normalised, and an address can be stored in any of the 2^n
     * spellings of its letters (a caller may have invited {@code Ada@example.COM} outside Roster),
     * so no bounded set of filtered queries is complete; answering "none" from them could turn a
     * re-invite into a second invitation. The scan costs a page per 100 invitations and runs only for
     * an address Confluent holds in neither spelling. Core's re-invite rarely needs it: Confluent's
     * 409 names the pending invitation ({@code Location}), which core reads with one {@code find}.
     *
     * <p>Of the matches, the one {@link StandingInvitation} rules stands for the address. Confluent
     * calls its list "sorted" without saying by what, so nothing here depends on its order.
     */
    @Override
    public Optional<Invitation> findByEmail(String email) {
        Objects.requireNonNull(email, "email");
        String wanted = email.strip();
        List<Invitation> matches = byEmail(wanted);
        String lower = wanted.toLowerCase(Locale.ROOT);
        if (matches.isEmpty() && !lower.equals(wanted)) {
            matches = byEmail(lower);
        }
        if (matches.isEmpty()) {
            return InvitationProvider.super.findByEmail(wanted);
        }
        return matches.stream().max(StandingInvitation.order());
    }

    /**
     * Every invitation Confluent holds for the address, all pages of them. A page token seen before
     * or more than {@value #MAX_EMAIL_PAGES} pages would make a partial answer (an expired
     * invitation while a pending one sits on a later page, which turns an idempotent re-invite into
     * a second invitation or a conflict): the answer is unreadable instead, as core's pagination
     * treats a repeated cursor.
     */
    private List<Invitation> byEmail(String email) {
        List<Invitation> matches = new ArrayList<>();
        Set<String> seenTokens = new HashSet<>();
        String encodedEmail = QueryValues.encode(email);
        Optional<String> token = Optional.empty();
        for (int pages = 1; ; pages++) {
            String encodedToken = token.map(QueryValues::encode).orElse(null);
            Page<Invitation> page = read("look up invitations by email",
                    () -> api.list(CAPABILITIES.maxPageSize(), encodedToken, encodedEmail, null), InvitationMapper::page);
            page.items().stream().filter(i -> InputRules.sameEmail(i.email(), email)).forEach(matches::add);
            token = page.nextCursor();
            if (token.isEmpty()) {
                return matches;
            }
            if (!seenTokens.add(token.get())) {
                throw incompleteLookup("returned the page_token " + InputRules.quote(token.get()) + " twice, so its pages "
                        + "would never end");
            }
            if (pages == MAX_EMAIL_PAGES) {
                throw incompleteLookup("still had more after " + MAX_EMAIL_PAGES + " pages of " + CAPABILITIES.maxPageSize()
                        + " invitations for one address, far more than one address can hold");
            }
        }
    }

    private static ProviderUnavailableException incompleteLookup(String what) {
        return new ProviderUnavailableException("Could not look up invitations by email: Confluent Cloud " + what + ". Roster "
                + "stopped rather than answer from some of them (a pending invitation may be on a page not read). This is "
                + "a fault on Confluent's side or in a proxy between; try again later, and report it if it persists.",
                ErrorDetails.of(ConfluentCloud.ID), null);
    }

    /** Refuses every later call and closes the client's idle connections. */
    @Override
    public void close() {
        calls.close();
    }

    @Override
    public String toString() {
        return "ConfluentInvitationProvider[" + calls.baseUri() + "]";
    }

    /** Runs one call and maps its answer through the shared Feign plumbing (also used by {@link ConfluentMembers}). */
    <W, T> T read(String what, Supplier<W> operation, Function<W, T> mapping) {
        return calls.read(what, operation, mapping);
    }
}
