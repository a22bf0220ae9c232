package dev.roster.confluent.internal;

import dev.roster.Capabilities;
import dev.roster.ErrorDetails;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.InvitationStatus;
import dev.roster.MemberCapabilities;
import dev.roster.Members;
import dev.roster.NotFoundException;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderInfo;
import dev.roster.ProviderUnavailableException;
import dev.roster.RosterException;
import dev.roster.confluent.ConfluentCloud;
import dev.roster.spi.HttpFailures;
import dev.roster.spi.InputRules;
import dev.roster.spi.Redactor;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
public final class ConfluentInvitationProvider implements InvitationProvider {

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

    private static final Comparator<Invitation> OLDEST_FIRST =
            Comparator.comparing((Invitation i) -> i.createdAt().orElse(Instant.MIN));

    private final ConfluentApi api;
    private final URI baseUri;
    private final Redactor redactor;
    private final Members members;
    private volatile boolean closed;

    ConfluentInvitationProvider(ConfluentApi api, URI baseUri, Redactor redactor) {
        this.api = Objects.requireNonNull(api, "api");
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.members = new ConfluentMembers(this, api);
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
     * way round, and inviting it again stays idempotent. The scan costs a page per 100 invitations,
     * and only runs for an address Confluent does not hold in either spelling. Of the matches, the
     * pending invitation wins, else the newest.
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
        Optional<Invitation> pending = matches.stream().filter(i -> i.status() == InvitationStatus.PENDING).findFirst();
        return pending.isPresent() ? pending : matches.stream().max(OLDEST_FIRST);
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

    /** Nothing to shut down on Java 17: the JDK's HttpClient releases its connections once unreachable. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "ConfluentInvitationProvider[" + baseUri + "]";
    }

    /**
     * Runs one call and maps its answer: whatever goes wrong in the mapping (a required field
     * missing, a value the model refuses, a bug) makes the answer unreadable, an unknown outcome,
     * never a caller's error.
     */
    <W, T> T read(String what, Supplier<W> operation, Function<W, T> mapping) {
        W answer = call(what, operation);
        try {
            return mapping.apply(answer);
        } catch (ProviderUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("Could not " + what + ": Confluent Cloud's answer could not be mapped ("
                    + describe(e) + "). This is a fault on Confluent's side or in a proxy between, or a Roster bug; try "
                    + "again later (core does, after checking whether an invite took effect).",
                    ErrorDetails.of(ConfluentCloud.ID), null);
        }
    }

    /**
     * Runs one call to Confluent, turning what Feign throws into {@link RosterException}s: the
     * error decoder's exceptions pass through; I/O failures and timeouts become
     * {@link ProviderUnavailableException}, as do bodies that are not the JSON expected and failures
     * of the HTTP client on a broken answer (such as a {@code Content-Length} that is not a number).
     */
    private <T> T call(String what, Supplier<T> operation) {
        if (closed) {
            throw new ProviderConfigurationException("This Confluent Cloud provider was closed; load a new one to "
                    + what + ".", ErrorDetails.of(ConfluentCloud.ID), null);
        }
        try {
            return operation.get();
        } catch (RosterException e) {
            throw e;
        } catch (RetryableException e) {
            String why = HttpFailures.unresolvedHost(e, baseUri)
                    .map(unresolved -> "Confluent Cloud is out of reach: " + unresolved)
                    .orElseGet(() -> "Confluent Cloud at " + baseUri + " did not answer ("
                            + describe(e.getCause() != null ? e.getCause() : e) + ")");
            throw new ProviderUnavailableException("Could not " + what + ": " + why + ". Check the network, "
                    + "any proxy and the base URI; it is safe to try again later.", ErrorDetails.of(ConfluentCloud.ID),
                    redactor.redact(e));
        } catch (FeignException e) {
            throw unexpected(what, e);
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("Could not " + what + ": the call to Confluent Cloud at " + baseUri
                    + " failed while reading its answer (" + describe(e) + "): a broken answer from Confluent or a proxy "
                    + "between, so whether Confluent acted is unknown. Try again later (core does, after checking whether "
                    + "an invite took effect).", ErrorDetails.of(ConfluentCloud.ID), null);
        }
    }

    /**
     * Maps what Feign throws besides the error decoder's exceptions and I/O failures. A 2xx whose
     * body could not be read (Jackson failing is a {@link DecodeException}; the stream breaking
     * mid-body is a plain {@link FeignException} with the status) is a vendor-side failure.
     */
    private RosterException unexpected(String what, FeignException e) {
        if (e instanceof EncodeException) {
            return new RosterException("Could not " + what + ": the request could not be written as JSON ("
                    + describe(e) + ").", ErrorDetails.of(ConfluentCloud.ID), redactor.redact(e));
        }
        if (e instanceof DecodeException || (e.status() >= 200 && e.status() < 300)) {
            return new ProviderUnavailableException("Could not " + what + ": Confluent Cloud at " + baseUri
                    + " answered HTTP " + e.status() + " with a body that is not the JSON expected ("
                    + describe(e.getCause() != null ? e.getCause() : e) + "). Check that the base URI points at "
                    + "Confluent Cloud's API and not at a proxy's page.",
                    ErrorDetails.of(ConfluentCloud.ID).withHttpStatus(e.status()), redactor.redact(e));
        }
        return new ProviderUnavailableException("Could not " + what + ": the call to Confluent Cloud at " + baseUri
                + " failed (" + describe(e) + ").", e.status() > 0
                ? ErrorDetails.of(ConfluentCloud.ID).withHttpStatus(e.status()) : ErrorDetails.of(ConfluentCloud.ID),
                redactor.redact(e));
    }

    /** A failure's class and message for a message of ours: short, one line, without credentials. */
    private String describe(Throwable failure) {
        String message = redactor.redact(failure.getMessage());
        String text = failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text.replaceAll("\\p{Cntrl}", " ");
    }
}
