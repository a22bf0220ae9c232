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

    /** Characters that start an escape; a credential holding one is always searched the slow way. */
    private static final String ESCAPE_CHARACTERS = "\\%&#;";

    /** A credential holding this could be read as a JSON escape by the quick check: it is searched the slow way. */
    private static final Pattern UNICODE_ESCAPE_LOOKALIKE = Pattern.compile("u[0-9A-Fa-f]{4}");

    /** All the credentials' forms as one pattern; empty when there is nothing to mask. */
    private final Optional<Pattern> credentials;
    /** The values the pattern looks for, with every '+' read as a space; empty when the fast check cannot be trusted. */
    private final List<String> plainValues;

    private Redactor(Optional<Pattern> credentials, List<String> plainValues) {
        this.credentials = credentials;
        this.plainValues = plainValues;
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
            return new Redactor(Optional.empty(), List.of());
        }
        String alternatives = longestFirst.stream().map(Redactor::anyForm).collect(Collectors.joining("|"));
        boolean plain = longestFirst.stream().noneMatch(v -> v.chars().anyMatch(c -> ESCAPE_CHARACTERS.indexOf(c) >= 0)
                || UNICODE_ESCAPE_LOOKALIKE.matcher(v).find());
        List<String> plainValues = new ArrayList<>();
        if (plain) {
            for (String value : longestFirst) {
                plainValues.add(value.replace('+', ' '));
            }
        }
        return new Redactor(Optional.of(Pattern.compile(alternatives)), List.copyOf(plainValues));
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
        if (text == null || credentials.isEmpty() || cannotHold(text)) {
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
        return text != null && credentials.isPresent() && !cannotHold(text) && credentials.get().matcher(text).find();
    }

    /**
     * The fast path: true when no form of any credential can be in the text. The text is decoded once,
     * undoing every escape the pattern knows (backslashes, {@code \\uXXXX}, {@code %XX} and
     * {@code %25XX}, {@code &#...;}), and searched for the plain values; only where one of them is
     * found does the pattern run. Sound only for credentials without escape characters of their own,
     * which is why it is off for the others.
     */
    private boolean cannotHold(String text) {
        if (plainValues.isEmpty()) {
            return false;
        }
        // A '+' may be a space (form encoding) or itself: read as a space on both sides, it matches either way.
        String decoded = decodeEscapes(text).replace('+', ' ');
        for (String value : plainValues) {
            if (decoded.contains(value)) {
                return false;
            }
        }
        return true;
    }

    /** The text with each escape the pattern knows replaced by the character it stands for. */
    static String decodeEscapes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '%' && hexAt(text, i + 1, 2)) {
                int at = i + 1;
                if (text.startsWith("25", at) && hexAt(text, at + 2, 2)) {
                    at += 2;
                }
                bytes.write(Integer.parseInt(text.substring(at, at + 2), 16));
                i = at + 2;
                continue;
            }
            flush(bytes, out);
            if (c == '\\') {
                // Backslashes only ever prefix what follows (JSON's escapes, escaped again): skip them, and read
                // a \\uXXXX; anything else after them is read on the next turn, an escape of its own included.
                int j = i;
                while (j < n && text.charAt(j) == '\\') {
                    j++;
                }
                if (j < n && text.charAt(j) == 'u' && hexAt(text, j + 1, 4)) {
                    out.append((char) Integer.parseInt(text.substring(j + 1, j + 5), 16));
                    i = j + 5;
                } else {
                    i = j;
                }
                continue;
            }
            if (c == '&' && i + 2 < n && text.charAt(i + 1) == '#') {
                int end = text.indexOf(';', i + 2);
                if (end > i + 2 && end - i <= 64) {
                    String number = text.substring(i + 2, end);
                    try {
                        int codePoint = number.charAt(0) == 'x' || number.charAt(0) == 'X'
                                ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number);
                        if (Character.isValidCodePoint(codePoint)) {
                            out.appendCodePoint(codePoint);
                            i = end + 1;
                            continue;
                        }
                    } catch (NumberFormatException | StringIndexOutOfBoundsException notANumber) {
                        // not a character reference: kept as it is
                    }
                }
            }
            out.append(c);
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    private static boolean hexAt(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
            bytes.reset();
        }
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
