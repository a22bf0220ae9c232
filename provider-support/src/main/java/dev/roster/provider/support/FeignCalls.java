package dev.roster.provider.support;

import dev.roster.ErrorDetails;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderUnavailableException;
import dev.roster.RosterException;
import dev.roster.spi.HttpFailures;
import dev.roster.spi.Redactor;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an adapter's Feign calls and turns whatever Feign throws on its own into
 * {@link RosterException}s, the same way for every vendor. The adapter's error decoder has already
 * mapped the vendor's HTTP error answers; what is left is:
 * <ul>
 *   <li>I/O and timeouts (Feign wraps the transport's {@link java.io.IOException} in a
 *       {@link RetryableException}): {@link ProviderUnavailableException}, naming an unresolved host,
 *       the connect timeout or the read timeout where that is what happened;</li>
 *   <li>a 2xx answer whose body is not the JSON expected, and a transport failing on a broken answer:
 *       {@link ProviderUnavailableException}, an unknown outcome;</li>
 *   <li>an answer the adapter's mapping refuses (a required field missing, say):
 *       {@link ProviderUnavailableException}, never a caller's error ({@link #read});</li>
 *   <li>any call after {@link #close()}: {@link ProviderConfigurationException}.</li>
 * </ul>
 * Vendor text in messages, and the Feign exceptions attached as causes, pass through the
 * {@link Redactor} first: a body or a parser's message may echo a credential. Thread-safe.
 */
public final class FeignCalls {

    private static final int MAX_DESCRIPTION = 300;

    private final String vendor;
    private final String providerId;
    private final URI baseUri;
    private final Redactor redactor;
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * Calls to one vendor's endpoint.
     *
     * @param vendor the vendor's name for messages, such as {@code "Confluent Cloud"}
     * @param providerId the provider id the exceptions carry, such as {@code "confluent"}
     * @param baseUri the endpoint, named in messages about I/O failures
     * @param redactor masks the credentials in everything quoted or attached
     */
    public FeignCalls(String vendor, String providerId, URI baseUri, Redactor redactor) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /**
     * The endpoint these calls go to.
     *
     * @return the base URI
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Refuses every later call with a {@link ProviderConfigurationException} and closes the idle
     * connections of the clients built {@linkplain FeignClients.Builder#closedBy closed by} these calls;
     * a second call does nothing.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.forEach(Runnable::run);
    }

    /** Run once by {@link #close()}: releasing a client's connections. */
    void alsoClose(Runnable release) {
        onClose.add(release);
    }

    /**
     * Runs a call and maps its answer: whatever goes wrong in the mapping (a required field missing,
     * a value the model refuses, a bug) makes the answer unreadable, an unknown outcome, never a
     * caller's error.
     *
     * @param what what the call does, as a verb phrase for "Could not ...", such as {@code "list invitations"}
     * @param call the Feign call
     * @param mapping from the vendor's answer to the domain model
     * @param <W> the vendor's wire type
     * @param <T> the model's type
     * @return the mapped answer
     * @throws RosterException the error decoder's exceptions as they are, and the failures above
     */
    public <W, T> T read(String what, Supplier<W> call, Function<W, T> mapping) {
        W answer = run(what, call);
        try {
            return mapping.apply(answer);
        } catch (ProviderUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("Could not " + what + ": " + vendor + "'s answer could not be mapped ("
                    + describe(e) + "). This is a fault on " + vendor + "'s side or in a proxy between, or a Roster bug; "
                    + "try again later (core does, after checking whether an invite or revoke took effect).",
                    ErrorDetails.of(providerId), null);
        }
    }

    /**
     * Runs a call, turning what Feign throws into {@link RosterException}s.
     *
     * @param what what the call does, as a verb phrase for "Could not ..."
     * @param call the Feign call
     * @param <T> the answer's type
     * @return the answer
     * @throws RosterException the error decoder's exceptions as they are, and the failures above
     */
    public <T> T run(String what, Supplier<T> call) {
        if (closed) {
            throw new ProviderConfigurationException("This " + vendor + " provider was closed; load a new one to " + what + ".",
                    ErrorDetails.of(providerId), null);
        }
        try {
            return call.get();
        } catch (RosterException e) {
            throw e;
        } catch (RetryableException e) {
            throw unreachable(what, e);
        } catch (FeignException e) {
            throw unexpected(what, e);
        } catch (RuntimeException e) {
            // The transport itself failed on the answer (such as a Content-Length that is not a number).
            throw new ProviderUnavailableException("Could not " + what + ": the call to " + vendor + " at " + baseUri
                    + " failed while reading its answer (" + describe(e) + "): a broken answer from " + vendor + " or a "
                    + "proxy between, so whether " + vendor + " acted is unknown. Try again later (core does, after checking "
                    + "whether an invite or revoke took effect).", ErrorDetails.of(providerId), null);
        }
    }

    private ProviderUnavailableException unreachable(String what, RetryableException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        Optional<String> unresolved = HttpFailures.unresolvedHost(e, baseUri);
        String why;
        if (unresolved.isPresent()) {
            why = vendor + " is out of reach: " + unresolved.get();
        } else if (isConnectTimeout(cause)) {
            why = "could not connect to " + vendor + " at " + baseUri + " within the connect timeout (" + describe(cause) + ")";
        } else if (cause instanceof SocketTimeoutException || isCallTimeout(cause)) {
            why = vendor + " at " + baseUri + " did not answer within the read timeout (the call timed out: " + describe(cause) + ")";
        } else {
            why = vendor + " at " + baseUri + " did not answer (" + describe(cause) + ")";
        }
        return new ProviderUnavailableException("Could not " + what + ": " + why + ". Check the network, any proxy, the base "
                + "URI and ProviderConfig's timeouts; it is safe to try again later (core retries this itself).",
                ErrorDetails.of(providerId), redactor.redact(e));
    }

    /** OkHttp's bound on the whole call (connect and read timeouts together) ran out. */
    private static boolean isCallTimeout(Throwable cause) {
        return cause instanceof InterruptedIOException && "timeout".equals(cause.getMessage());
    }

    private static boolean isConnectTimeout(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        return (cause instanceof SocketTimeoutException || cause instanceof ConnectException) && message.contains("connect")
                && message.contains("timed out");
    }

    /**
     * What Feign throws besides the error decoder's exceptions and I/O failures. A 2xx whose body
     * could not be read (Jackson failing is a {@link DecodeException}; the stream breaking mid-body is
     * a plain {@link FeignException} with the status) is a vendor-side failure.
     */
    private RosterException unexpected(String what, FeignException e) {
        if (e instanceof EncodeException) {
            return new RosterException("Could not " + what + ": the request could not be written as JSON (" + describe(e)
                    + "). This is a Roster bug; please report it.", ErrorDetails.of(providerId), redactor.redact(e));
        }
        if (e instanceof DecodeException || (e.status() >= 200 && e.status() < 300)) {
            // Not e.contentUTF8(): for a DecodeException that is the request's body, not the answer's.
            return new ProviderUnavailableException("Could not " + what + ": " + vendor + " at " + baseUri + " answered HTTP "
                    + e.status() + " with a body that is not the JSON expected (" + describe(e.getCause() != null ? e.getCause() : e)
                    + "). Check that the base URI points at " + vendor + "'s API and not at a proxy's page; otherwise this is "
                    + "a fault on " + vendor + "'s side: try again later (core does, after checking whether an invite or "
                    + "revoke took effect).", ErrorDetails.of(providerId).withHttpStatus(e.status()), redactor.redact(e));
        }
        // Not an answer the error decoder saw: the outcome is unknown.
        return new ProviderUnavailableException("Could not " + what + ": the call to " + vendor + " at " + baseUri + " failed ("
                + describe(e) + "); whether " + vendor + " acted is unknown. Try again later (core does, after checking "
                + "whether an invite or revoke took effect).",
                e.status() > 0 ? ErrorDetails.of(providerId).withHttpStatus(e.status()) : ErrorDetails.of(providerId),
                redactor.redact(e));
    }

    /** A failure's class and message for a message of ours: short, one line, without credentials. */
    private String describe(Throwable failure) {
        String message = redactor.redact(failure.getMessage());
        String text = failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        String cut = text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", " ");
    }
}
