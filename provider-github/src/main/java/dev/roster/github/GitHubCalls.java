package dev.roster.github;

import dev.roster.ErrorDetails;
import dev.roster.ProviderUnavailableException;
import dev.roster.RosterException;
import dev.roster.spi.HttpFailures;
import dev.roster.spi.Redactor;
import feign.FeignException;
import feign.Response;
import feign.RetryableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one Feign call and hands back GitHub's answer, read whole: a success goes to the caller to
 * read strictly, an error status through {@link GitHubErrors}, and what Feign or the HTTP client
 * throw on their own (I/O, timeouts, a broken answer) becomes a {@link ProviderUnavailableException},
 * an unknown outcome. Vendor text and attached causes go through the {@link Redactor} first.
 */
final class GitHubCalls {

    /** The largest body read: a page of 100 invitations is about 200 KB. */
    private static final int MAX_BODY = 8 * 1024 * 1024;

    /** A mapping that may throw what Jackson throws. */
    @FunctionalInterface
    interface Reading<T> {
        T read() throws Exception;
    }

    /**
     * An answer: its status, headers (values redacted) and body.
     *
     * @param status the HTTP status
     * @param headers the headers as Feign gives them
     * @param body the body as text, empty if none
     * @param redactor masks the token in header values
     */
    record Answer(int status, Map<String, Collection<String>> headers, String body, Redactor redactor) {

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .filter(values -> values != null && !values.isEmpty())
                    .map(values -> String.join(", ", values))
                    .map(redactor::redact)
                    .findFirst();
        }
    }

    private final URI baseUri;
    private final Redactor redactor;
    private final GitHubErrors errors;

    GitHubCalls(URI baseUri, Redactor redactor, GitHubErrors errors) {
        this.baseUri = baseUri;
        this.redactor = redactor;
        this.errors = errors;
    }

    URI baseUri() {
        return baseUri;
    }

    /**
     * Runs the call: a 2xx answer is returned, anything else thrown as GitHub's error table says.
     *
     * @throws RosterException for an error answer or a failed exchange
     */
    Answer run(String operation, GitHubErrors.Operation kind, Supplier<Response> call) {
        Answer answer = exchange(operation, call);
        if (answer.status() < 200 || answer.status() > 299) {
            if (kind == GitHubErrors.Operation.CANCEL && answer.status() == 404) {
                return answer; // the caller decides: no pending invitation any more
            }
            throw errors.decode(kind, answer.status(), answer::header, redactor.redact(answer.body()));
        }
        return answer;
    }

    private Answer exchange(String operation, Supplier<Response> call) {
        try (Response response = call.get()) {
            return new Answer(response.status(), response.headers(), body(operation, response), redactor);
        } catch (RosterException e) {
            throw e;
        } catch (RetryableException e) {
            throw unreachable(operation, e);
        } catch (FeignException e) {
            throw new ProviderUnavailableException("The GitHub " + operation + " call failed: " + e.getClass().getSimpleName()
                    + "; whether GitHub acted is unknown. Try again later (core does, after checking whether an invite or "
                    + "revoke took effect).", ErrorDetails.of(GitHubProviderFactory.ID), redactor.redact(e));
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("The GitHub " + operation + " call failed while reading GitHub's answer at "
                    + baseUri + " (" + e.getClass().getSimpleName() + ": " + HttpFailures.snippet(redactor.redact(e.getMessage()))
                    + "): a broken answer from GitHub or a proxy between, so whether GitHub acted is unknown. Try again later "
                    + "(core does, after checking whether an invite or revoke took effect).",
                    ErrorDetails.of(GitHubProviderFactory.ID), null);
        }
    }

    private String body(String operation, Response response) {
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().asInputStream()) {
            return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProviderUnavailableException("GitHub's answer to " + operation + " broke off while it was read ("
                    + e.getClass().getSimpleName() + "); whether GitHub acted is unknown. Try again later (core does, after "
                    + "checking whether an invite or revoke took effect).", ErrorDetails.of(GitHubProviderFactory.ID)
                    .withHttpStatus(response.status()), null);
        }
    }

    private ProviderUnavailableException unreachable(String operation, RetryableException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        Optional<String> unresolved = HttpFailures.unresolvedHost(e, baseUri);
        String what;
        if (unresolved.isPresent()) {
            what = unresolved.get();
        } else if (cause instanceof HttpConnectTimeoutException) {
            what = "could not connect to GitHub at " + baseUri + " within the connect timeout";
        } else if (cause instanceof HttpTimeoutException) {
            what = "GitHub at " + baseUri + " did not answer within the read timeout";
        } else {
            what = "the connection to GitHub at " + baseUri + " failed (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + redactor.redact(cause.getMessage())) + ")";
        }
        return new ProviderUnavailableException("The GitHub " + operation + " call did not complete: " + what
                + ". Check the network and ProviderConfig's timeouts, or try again later; core retries this itself.",
                ErrorDetails.of(GitHubProviderFactory.ID), redactor.redact(e));
    }
}
