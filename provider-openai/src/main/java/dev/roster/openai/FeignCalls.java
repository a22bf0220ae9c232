package dev.roster.openai;

import dev.roster.ErrorDetails;
import dev.roster.ProviderUnavailableException;
import dev.roster.RosterException;
import dev.roster.spi.HttpFailures;
import dev.roster.spi.Redactor;
import feign.FeignException;
import feign.RetryableException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a Feign call and turns what Feign throws on its own into {@link RosterException}s: the error
 * decoder already mapped HTTP error answers, so what is left is I/O (Feign wraps an
 * {@link java.io.IOException} of the HTTP client, timeouts included, in a {@link RetryableException})
 * and 2xx answers whose body could not be read. Vendor text in messages, and the Feign exceptions
 * attached as causes, go through the {@link Redactor} first: a body or a parser's message may echo
 * the key.
 */
final class FeignCalls {

    private final URI baseUri;
    private final Redactor redactor;

    FeignCalls(URI baseUri, Redactor redactor) {
        this.baseUri = baseUri;
        this.redactor = redactor;
    }

    URI baseUri() {
        return baseUri;
    }

    /**
     * Runs a call and reads its answer: whatever goes wrong in the mapping (a required field missing,
     * a value the model refuses, a bug) makes the answer unreadable, an unknown outcome, never a
     * caller's error.
     */
    <W, T> T read(String operation, Supplier<W> call, Function<W, T> mapping) {
        W answer = run(operation, call);
        try {
            return mapping.apply(answer);
        } catch (ProviderUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("OpenAI's answer to " + operation + " could not be mapped ("
                    + e.getClass().getSimpleName() + ": " + HttpFailures.snippet(redactor.redact(e.getMessage()))
                    + "). This is a fault on OpenAI's side or in a proxy between, or a Roster bug; try again later "
                    + "(core does, after checking whether an invite or revoke took effect).",
                    ErrorDetails.of(OpenAiProviderFactory.ID), null);
        }
    }

    <T> T run(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RosterException e) {
            throw e;
        } catch (RetryableException e) {
            throw unreachable(operation, e);
        } catch (FeignException e) {
            ErrorDetails details = ErrorDetails.of(OpenAiProviderFactory.ID).withHttpStatus(e.status());
            if (e.status() >= 200 && e.status() < 300) {
                // Not e.contentUTF8(): for a DecodeException that is the request's body, not the answer's.
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new ProviderUnavailableException("OpenAI answered " + operation + " with HTTP " + e.status()
                        + " but a body Roster could not read as its JSON (" + cause.getClass().getSimpleName() + ": "
                        + HttpFailures.snippet(redactor.redact(cause.getMessage())) + "). This is a fault on OpenAI's side or in a proxy "
                        + "between; try again later (core does, after checking whether an invite or revoke took effect).",
                        details, redactor.redact(e));
            }
            // Not an answer the error decoder saw: the outcome is unknown.
            throw new ProviderUnavailableException("The OpenAI " + operation + " call failed: " + e.getClass().getSimpleName()
                    + " (HTTP " + e.status() + "); whether OpenAI acted is unknown. Try again later (core does, after "
                    + "checking whether an invite or revoke took effect).",
                    e.status() > 0 ? details : ErrorDetails.of(OpenAiProviderFactory.ID), redactor.redact(e));
        } catch (RuntimeException e) {
            // The HTTP client itself failed on the answer (such as a Content-Length that is not a number).
            throw new ProviderUnavailableException("The OpenAI " + operation + " call failed while reading OpenAI's answer at "
                    + baseUri + " (" + e.getClass().getSimpleName() + ": " + HttpFailures.snippet(redactor.redact(e.getMessage()))
                    + "): a broken answer from OpenAI or a proxy between, so whether OpenAI acted is unknown. Try again later "
                    + "(core does, after checking whether an invite or revoke took effect).",
                    ErrorDetails.of(OpenAiProviderFactory.ID), null);
        }
    }

    private ProviderUnavailableException unreachable(String operation, RetryableException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String what;
        java.util.Optional<String> unresolved = HttpFailures.unresolvedHost(e, baseUri);
        if (unresolved.isPresent()) {
            what = unresolved.get();
        } else if (cause instanceof HttpConnectTimeoutException) {
            what = "could not connect to OpenAI at " + baseUri + " within the connect timeout";
        } else if (cause instanceof HttpTimeoutException) {
            what = "OpenAI at " + baseUri + " did not answer within the read timeout";
        } else {
            what = "the connection to OpenAI at " + baseUri + " failed (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + redactor.redact(cause.getMessage())) + ")";
        }
        return new ProviderUnavailableException("The OpenAI " + operation + " call did not complete: " + what
                + ". Check the network and ProviderConfig's timeouts, or try again later; core retries this itself.",
                ErrorDetails.of(OpenAiProviderFactory.ID), redactor.redact(e));
    }
}
