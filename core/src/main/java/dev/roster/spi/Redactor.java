package dev.roster.spi;

import dev.roster.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 * <p>Each credential is found in every form a JSON or HTTP library may write it, each character on
 * its own: as it is; JSON-escaped ({@code \/}, {@code \"}, {@code \\}, and {@code \}{@code uXXXX}
 * in upper- or lower-case hex, also escaped again as JSON inside JSON does); percent-encoded in
 * upper- or lower-case hex (also twice, {@code %252B}); form-encoded ({@code +} for a space); and as an
 * HTML character reference. The Base64 of {@code a:b} for any two of the credentials (an HTTP Basic
 * header's value) is masked too, in the same forms. Thread-safe and immutable.
 */
public final class Redactor {

    /** What a credential is replaced with. */
    public static final String MASK = "[redacted]";

    private static final String REPLACEMENT = Matcher.quoteReplacement(MASK);

    /** All the credentials' forms as one pattern; empty when there is nothing to mask. */
    private final Optional<Pattern> credentials;

    private Redactor(Optional<Pattern> credentials) {
        this.credentials = credentials;
    }

    /**
     * A redactor for these credentials; null and blank ones are ignored.
     *
     * @param secrets the credentials and what is derived from them, such as a Basic header's Base64
     * @return the redactor
     */
    public static Redactor of(Collection<String> secrets) {
        if (secrets == null) {
            throw new InvalidRequestException("Redactor.of needs the secrets to mask; got null (pass List.of() for none).");
        }
        List<String> given = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank() && !given.contains(secret)) {
                given.add(secret);
            }
        }
        Set<String> values = new LinkedHashSet<>(given);
        for (String user : given) {
            for (String password : given) {
                if (!user.equals(password)) {
                    byte[] basic = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
                    values.add(Base64.getEncoder().withoutPadding().encodeToString(basic));
                    values.add(Base64.getUrlEncoder().withoutPadding().encodeToString(basic));
                }
            }
        }
        List<String> longestFirst = new ArrayList<>(values);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        if (longestFirst.isEmpty()) {
            return new Redactor(Optional.empty());
        }
        String alternatives = longestFirst.stream().map(Redactor::anyForm).collect(Collectors.joining("|"));
        return new Redactor(Optional.of(Pattern.compile(alternatives)));
    }

    /** A pattern matching the value written in any of the forms named in the class comment, character by character. */
    private static String anyForm(String value) {
        StringBuilder out = new StringBuilder("(?:");
        value.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            // Backslashes before the character: JSON's \" \/ \\ and the same escaped again (JSON inside JSON, up to
            // four levels). Bounded and possessive, so that a long run of backslashes in hostile text stays fast.
            out.append("(?:").append(character.equals("\\") ? "\\\\{1,16}" : "\\\\{0,15}+" + Pattern.quote(character));
            StringBuilder unicode = new StringBuilder();
            for (char unit : character.toCharArray()) {
                unicode.append("\\\\{1,15}+u").append(String.format("%04x", (int) unit));
            }
            out.append("|(?i:").append(unicode).append(')');
            StringBuilder percent = new StringBuilder();
            for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
                percent.append("%(?:25)?").append(String.format("%02x", b & 0xFF));
            }
            out.append("|(?i:").append(percent).append(')');
            out.append("|&#(?:0*").append(codePoint).append("|(?i:x0*").append(Integer.toHexString(codePoint)).append("));");
            if (codePoint == ' ') {
                out.append("|\\+");
            }
            out.append(')');
        });
        return out.append(')').toString();
    }

    /**
     * The text with every credential replaced by {@value #MASK}.
     *
     * @param text vendor text, or null
     * @return the text without credentials, or null
     */
    public String redact(String text) {
        if (text == null || credentials.isEmpty()) {
            return text;
        }
        return credentials.get().matcher(text).replaceAll(REPLACEMENT);
    }

    /**
     * Whether the text holds a credential, in any of the forms {@link #redact(String)} masks.
     *
     * @param text any text, or null
     * @return true if {@link #redact(String)} would change it
     */
    public boolean reveals(String text) {
        return text != null && credentials.isPresent() && credentials.get().matcher(text).find();
    }

    /**
     * Whether the text of a failure reveals a credential: the {@code toString} or message of it, its
     * causes or its suppressed exceptions. (Its fields are not searched: {@link #redact(Throwable)}
     * drops them all.)
     *
     * @param failure the exception, or null
     * @return true if some of its text holds a credential
     */
    public boolean reveals(Throwable failure) {
        return reveals(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * An exception safe to attach as a cause: always a copy of the failure's chain, never the failure
     * itself, since an HTTP client's exception holds its request and response (with the
     * {@code Authorization} header) in fields and accessors any code could read. Each copy names the
     * original class in its {@code toString}, keeps the stack trace and the message (credentials
     * masked), and copies the causes and suppressed exceptions the same way; nothing else of the
     * original is kept. A copy whose message had to be masked says so.
     *
     * @param failure the exception, or null
     * @return the copy; null for null
     */
    public Throwable redact(Throwable failure) {
        return copy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * The fully qualified name of the class a failure was thrown as: for a copy made by
     * {@link #redact(Throwable)}, the class it was copied from (the copy's own class is an internal
     * detail); for any other failure, its own class. Lets code that reports failures (such as the
     * attempt history of a retried call) name what really went wrong.
     *
     * @param failure the exception, a redacted copy or any other
     * @return the original class's name, such as {@code java.net.ConnectException}
     * @throws InvalidRequestException if the failure is null
     */
    public static String originalClassName(Throwable failure) {
        if (failure == null) {
            throw new InvalidRequestException("Redactor.originalClassName needs a failure; got null.");
        }
        return failure instanceof RedactedFailure ? ((RedactedFailure) failure).originalClass : failure.getClass().getName();
    }

    private boolean reveals(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (reveals(safeToString(t)) || reveals(t.getMessage())) {
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
        String message = t.getMessage();
        String masked = redact(message);
        RedactedFailure copy = new RedactedFailure(t.getClass().getName(), masked, !Objects.equals(message, masked),
                copy(t.getCause(), seen));
        copy.setStackTrace(t.getStackTrace());
        for (Throwable suppressed : t.getSuppressed()) {
            Throwable redacted = copy(suppressed, seen);
            if (redacted != null) {
                copy.addSuppressed(redacted);
            }
        }
        return copy;
    }

    private static String safeToString(Throwable t) {
        try {
            return t.toString();
        } catch (RuntimeException e) {
            return t.getClass().getName();
        }
    }

    /** A copy of a failure holding only text: it prints as the original class. */
    private static final class RedactedFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String originalClass;
        private final boolean masked;

        RedactedFailure(String originalClass, String message, boolean masked, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
            this.masked = masked;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return originalClass + (masked ? " (message redacted)" : "") + (message == null ? "" : ": " + message);
        }
    }
}
