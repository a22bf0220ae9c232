package dev.roster.spi;

import dev.roster.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The input rules core's policy enforces before any I/O, public so that an adapter can defend
 * itself when it is used without the policy (and so that both agree on what is valid).
 */
public final class InputRules {

    /** The longest email address accepted, per RFC 5321's path limit. */
    public static final int MAX_EMAIL_LENGTH = 254;

    /** The longest invitation id accepted. */
    public static final int MAX_INVITATION_ID_LENGTH = 255;

    /** The longest page cursor accepted. */
    public static final int MAX_CURSOR_LENGTH = 4096;

    private static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final Pattern INVITATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,255}");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?");

    private InputRules() {}

    /**
     * Checks an email address and returns it trimmed. It must have at most 254 characters, exactly
     * one {@code @}, a local part of at most 64 characters, no whitespace or control characters, and
     * a domain of at least two dot-separated labels of letters, digits and inner hyphens.
     *
     * @param email the address as the caller gave it
     * @return the address without surrounding whitespace, case preserved
     * @throws InvalidRequestException naming what is wrong with it
     */
    public static String email(String email) {
        if (email == null) {
            throw invalidEmail("null", "an email address is required");
        }
        String trimmed = email.strip();
        if (trimmed.isEmpty()) {
            throw invalidEmail(quote(email), "it is empty");
        }
        if (trimmed.length() > MAX_EMAIL_LENGTH) {
            throw invalidEmail(quote(trimmed), "it has " + trimmed.length() + " characters, more than " + MAX_EMAIL_LENGTH);
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                throw invalidEmail(quote(trimmed), "it contains whitespace or a control character at position " + i);
            }
        }
        int at = trimmed.indexOf('@');
        if (at < 0 || at != trimmed.lastIndexOf('@')) {
            throw invalidEmail(quote(trimmed), "it must contain exactly one '@'");
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        if (local.isEmpty() || local.length() > MAX_LOCAL_PART_LENGTH) {
            throw invalidEmail(quote(trimmed), "the part before '@' must have 1 to " + MAX_LOCAL_PART_LENGTH + " characters");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw invalidEmail(quote(trimmed), "the domain must have a dot, as in example.com");
        }
        for (String label : labels) {
            if (label.length() > 63 || !DOMAIN_LABEL.matcher(label).matches()) {
                throw invalidEmail(quote(trimmed),
                        "the domain must be dot-separated labels of letters, digits and inner hyphens, as in example.com");
            }
        }
        return trimmed;
    }

    /**
     * Whether two (valid) email addresses name the same mailbox for invitation purposes: compared
     * case-insensitively, as every supported vendor does.
     *
     * @param a one address
     * @param b another address
     * @return true if they are equal ignoring case
     */
    public static boolean sameEmail(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Checks an invitation id: 1 to 255 characters of {@code [A-Za-z0-9._:-]}, and neither
     * {@code "."} nor {@code ".."}. Ids are put into URL paths, and HTTP clients keep {@code /} and
     * {@code ..} there, so anything else could steer a request to another endpoint.
     *
     * @param invitationId the id as the caller gave it
     * @return the id, unchanged
     * @throws InvalidRequestException naming what is wrong with it
     */
    public static String invitationId(String invitationId) {
        if (invitationId == null) {
            throw new InvalidRequestException("An invitation id is required; got null.");
        }
        if (!INVITATION_ID.matcher(invitationId).matches() || invitationId.equals(".") || invitationId.equals("..")) {
            throw new InvalidRequestException("Invalid invitation id " + quote(invitationId)
                    + ": use the id a provider returned, 1 to " + MAX_INVITATION_ID_LENGTH
                    + " characters of letters, digits, '.', '_', ':' and '-' (and not '.' or '..').");
        }
        return invitationId;
    }

    /**
     * Checks a page cursor: what a previous page returned, 1 to 4096 printable characters.
     *
     * @param cursor the cursor as the caller gave it
     * @return the cursor, unchanged
     * @throws InvalidRequestException naming what is wrong with it
     */
    public static String cursor(String cursor) {
        if (cursor == null || cursor.isBlank() || cursor.length() > MAX_CURSOR_LENGTH
                || cursor.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidRequestException("Invalid page cursor " + quote(cursor)
                    + ": pass the nextCursor of a previous page unchanged, or no cursor for the first page.");
        }
        return cursor;
    }

    private static InvalidRequestException invalidEmail(String shown, String why) {
        return new InvalidRequestException("Invalid email address " + shown + ": " + why + ".");
    }

    /**
     * Quotes a caller's value for an error message: at most 80 characters shown, control and format
     * characters escaped, so a hostile value can neither flood a log nor forge a log line.
     *
     * @param value the value, or null
     * @return the value quoted, or {@code "null"}
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(value.length(), 80);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (value.length() > shown) {
            out.append("… (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }
}
