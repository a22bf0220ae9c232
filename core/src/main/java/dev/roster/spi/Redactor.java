package dev.roster.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Removes an adapter's credentials from text a vendor sent back, before it reaches a message, a
 * log line or an exception cause. Vendors and proxies do echo credentials (a wrong key quoted in a
 * 401, a request header repeated in an HTML error page or an {@code x-request-id}); an adapter runs
 * every piece of vendor text through {@link #redact(String)} and every exception it attaches as a
 * cause through {@link #redact(Throwable)}.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.of(List.of(key.reveal(), secret.reveal(), basicHeaderValue));
 * String safe = redactor.redact(responseBody);
 * }</pre>
 *
 * <p>Each credential is searched as it is, percent-encoded ({@link HttpEndpoints#percentEncode})
 * and JSON-escaped ({@code /} as {@code \/}). Thread-safe and immutable.
 */
public final class Redactor {

    /** What a credential is replaced with. */
    public static final String MASK = "[redacted]";

    private final List<String> forms;

    private Redactor(List<String> forms) {
        this.forms = forms;
    }

    /**
     * A redactor for these credentials; null and blank ones are ignored.
     *
     * @param secrets the credentials and what is derived from them, such as a Basic header's Base64
     * @return the redactor
     */
    public static Redactor of(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : Objects.requireNonNull(secrets, "secrets")) {
            if (secret != null && !secret.isBlank()) {
                forms.add(secret);
                forms.add(HttpEndpoints.percentEncode(secret));
                forms.add(secret.replace("/", "\\/"));
            }
        }
        List<String> longestFirst = new ArrayList<>(forms);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(longestFirst));
    }

    /**
     * The text with every credential replaced by {@value #MASK}.
     *
     * @param text vendor text, or null
     * @return the text without credentials, or null
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String form : forms) {
            out = out.replace(form, MASK);
        }
        return out;
    }

    /**
     * Whether the text holds a credential.
     *
     * @param text any text, or null
     * @return true if {@link #redact(String)} would change it
     */
    public boolean reveals(String text) {
        return text != null && forms.stream().anyMatch(text::contains);
    }

    /**
     * An exception safe to attach as a cause: the failure itself when no message in its chain (causes
     * and suppressed) holds a credential; otherwise a copy of the chain whose messages are redacted,
     * each naming the original class and keeping its stack trace, so the diagnosis survives.
     *
     * @param failure the exception, or null
     * @return the exception or its redacted copy; null for null
     */
    public Throwable redact(Throwable failure) {
        if (failure == null || !reveals(failure, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return failure;
        }
        return copy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private boolean reveals(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (reveals(t.toString()) || reveals(t.getMessage())) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (reveals(suppressed, seen)) {
                return true;
            }
        }
        return reveals(t.getCause(), seen);
    }

    private Throwable copy(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        RedactedFailure copy = new RedactedFailure(t.getClass().getName(), redact(t.getMessage()), copy(t.getCause(), seen));
        copy.setStackTrace(t.getStackTrace());
        for (Throwable suppressed : t.getSuppressed()) {
            Throwable redacted = copy(suppressed, seen);
            if (redacted != null) {
                copy.addSuppressed(redacted);
            }
        }
        return copy;
    }

    /** A copy of a failure whose message held a credential; it prints as the original class. */
    private static final class RedactedFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String originalClass;

        RedactedFailure(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return originalClass + " (message redacted)" + (message == null ? "" : ": " + message);
        }
    }
}
