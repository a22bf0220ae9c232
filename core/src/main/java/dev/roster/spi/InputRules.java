package dev.roster.spi;

import dev.roster.InvalidRequestException;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
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

    /** The longest project id accepted. */
    public static final int MAX_PROJECT_ID_LENGTH = 255;

    private static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final Pattern INVITATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,255}");
    /** Letters, digits, inner hyphens and combining marks (vowel signs, viramas), never starting with a hyphen or mark. */
    private static final Pattern DOMAIN_LABEL =
            Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{Mn}\\p{Mc}-]*[\\p{L}\\p{N}\\p{Mn}\\p{Mc}])?");
    /** The most combining marks one letter may carry (a Thai consonant with a vowel and a tone mark has two). */
    private static final int MAX_MARKS_PER_LETTER = 3;
    /**
     * Scripts whose accented letters Unicode composes (é, ё, ά): a combining mark left on one of their
     * letters after NFKC has no precomposed form, and is the look-alike trick of a dot or stroke added
     * to a familiar letter, not spelling.
     */
    private static final Set<Character.UnicodeScript> COMPOSED_SCRIPTS = EnumSet.of(Character.UnicodeScript.LATIN,
            Character.UnicodeScript.GREEK, Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.COMMON);
    /** RFC 5322 {@code atext}: the ASCII characters an unquoted local part may hold besides letters and digits. */
    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";
    /** Scripts that may share a label with Latin and Han, as Unicode TR39's "highly restrictive" level allows. */
    private static final Set<Character.UnicodeScript> JAPANESE =
            EnumSet.of(Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA);
    private static final Set<Character.UnicodeScript> CHINESE = EnumSet.of(Character.UnicodeScript.BOPOMOFO);
    private static final Set<Character.UnicodeScript> KOREAN = EnumSet.of(Character.UnicodeScript.HANGUL);

    private InputRules() {}

    /**
     * Checks an email address and returns it trimmed. It must have at most 254 characters, exactly
     * one {@code @}, and no whitespace, control or invisible formatting characters (zero-width,
     * bidirectional overrides). The local part has 1 to 64 characters and is a dot-atom: dot-separated
     * runs of letters, digits and {@code !#$%&'*+-/=?^_`{|}~} (no quoted strings, no leading, trailing
     * or doubled dots). The domain has at least two dot-separated labels of letters, digits and inner
     * hyphens, the last one not all digits. Internationalised addresses (RFC 6531, IDNA 2008) are
     * accepted: letters of any script, with the combining marks (vowel signs, viramas) that scripts
     * such as Devanagari, Tamil or Thai write letters with, as in {@code दीपक@उदाहरण.भारत}; a mark must
     * follow a letter, never start a part. Look-alikes are refused: the address must be in Unicode
     * NFKC form (no fullwidth letters, ligatures or decomposed accents), and no dot-separated part may
     * mix scripts, such as a Cyrillic {@code а} among Latin letters (Unicode TR39's "highly
     * restrictive" level: Latin may mix only with Han and the Japanese, Chinese or Korean scripts).
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
        if (!Normalizer.isNormalized(trimmed, Normalizer.Form.NFKC)) {
            throw invalidEmail(quote(trimmed), "it contains look-alike characters (such as fullwidth letters, ligatures or "
                    + "decomposed accents); type it with plain characters (Unicode NFKC form), as in "
                    + quote(Normalizer.normalize(trimmed, Normalizer.Form.NFKC)));
        }
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty() || !atom.codePoints().allMatch(InputRules::isAtext)) {
                throw invalidEmail(quote(trimmed), "the part before '@' must be letters, digits and " + ATEXT_SYMBOLS
                        + ", with single dots only between them (no quotes, spaces, commas, brackets or \\)");
            }
            requireMarksOnLetters(atom, trimmed);
            requireOneScript(atom, trimmed);
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
            requireMarksOnLetters(label, trimmed);
            requireOneScript(label, trimmed);
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw invalidEmail(quote(trimmed), "the domain must end in a name such as .com, not a number "
                    + "(IP addresses are not accepted)");
        }
        return trimmed;
    }

    /**
     * RFC 5322 atext, plus the letters, digits and combining marks beyond ASCII that RFC 6531
     * (internationalised email) allows: vowel signs and viramas (Unicode Mn/Mc) are part of how
     * Devanagari, Tamil, Thai and many other scripts write letters. Where a mark may stand is
     * checked by {@link #requireMarksOnLetters}.
     */
    private static boolean isAtext(int codePoint) {
        if (codePoint < 0x80) {
            return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
                    || (codePoint >= '0' && codePoint <= '9') || ATEXT_SYMBOLS.indexOf(codePoint) >= 0;
        }
        return Character.isLetterOrDigit(codePoint) || isMark(codePoint);
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * Combining marks only as IDNA 2008 and the scripts that need them use them: after a letter (or
     * another of its marks), never at the start of a part or on a digit, hyphen or symbol; at most
     * {@value #MAX_MARKS_PER_LETTER} on one letter; and not on a Latin, Greek or Cyrillic letter, whose
     * accented forms are precomposed (a mark left there after NFKC is a look-alike, such as a dot
     * added to a familiar letter).
     */
    private static void requireMarksOnLetters(String part, String address) {
        int base = -1;
        int marks = 0;
        for (int i = 0; i < part.length(); ) {
            int codePoint = part.codePointAt(i);
            if (isMark(codePoint)) {
                if (base < 0 || !Character.isLetter(base)) {
                    throw invalidEmail(quote(address), "the part " + quote(part) + " has a combining mark (such as a vowel "
                            + "sign) at position " + i + " that follows no letter; a mark belongs after the letter it "
                            + "modifies");
                }
                if (COMPOSED_SCRIPTS.contains(Character.UnicodeScript.of(base))) {
                    throw invalidEmail(quote(address), "the part " + quote(part) + " has a combining mark at position " + i
                            + " on a Latin, Greek or Cyrillic letter that has no precomposed form, as look-alike addresses "
                            + "do; type accented letters as single characters");
                }
                if (++marks > MAX_MARKS_PER_LETTER) {
                    throw invalidEmail(quote(address), "the part " + quote(part) + " stacks more than "
                            + MAX_MARKS_PER_LETTER + " combining marks on one letter");
                }
            } else {
                base = codePoint;
                marks = 0;
            }
            i += Character.charCount(codePoint);
        }
    }

    /**
     * Refuses a part of an address that mixes scripts, the usual look-alike trick ({@code exаmple}
     * with a Cyrillic {@code а}). Digits, hyphens and other common characters belong to no script.
     */
    private static void requireOneScript(String part, String address) {
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        part.codePoints().mapToObj(Character.UnicodeScript::of)
                .filter(s -> s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED)
                .forEach(scripts::add);
        if (scripts.size() < 2) {
            return;
        }
        Set<Character.UnicodeScript> others = EnumSet.copyOf(scripts);
        others.remove(Character.UnicodeScript.LATIN);
        others.remove(Character.UnicodeScript.HAN);
        if (others.isEmpty() || JAPANESE.containsAll(others) || CHINESE.containsAll(others) || KOREAN.containsAll(others)) {
            return;
        }
        throw invalidEmail(quote(address), "the part " + quote(part) + " mixes the scripts " + scripts
                + ", as look-alike addresses do; type the address with one alphabet per part");
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
        return pathId(invitationId, "invitation id");
    }

    /**
     * Checks a member id (a vendor's user id, such as OpenAI's {@code user_abc} or Confluent's
     * {@code u-12345}) by the rule of {@link #invitationId}: 1 to 255 characters of
     * {@code [A-Za-z0-9._:-]}, neither {@code "."} nor {@code ".."}, since it too goes into URL paths.
     *
     * @param memberId the id as the caller gave it
     * @return the id, unchanged
     * @throws InvalidRequestException naming what is wrong with it
     */
    public static String memberId(String memberId) {
        return pathId(memberId, "member id");
    }

    private static String pathId(String id, String what) {
        if (id == null) {
            throw new InvalidRequestException("A" + (what.startsWith("i") ? "n " : " ") + what + " is required; got null.");
        }
        if (!INVITATION_ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            throw new InvalidRequestException("Invalid " + what + " " + quote(id)
                    + ": use the id a provider returned, 1 to " + MAX_INVITATION_ID_LENGTH
                    + " characters of letters, digits, '.', '_', ':' and '-' (and not '.' or '..').");
        }
        return id;
    }

    /**
     * Checks a page cursor: what a previous page returned, 1 to 4096 visible characters. Whitespace
     * of any kind, control characters, invisible formatting characters (zero-width, bidirectional
     * overrides, byte order marks), private-use and unassigned code points, and surrogates that do not
     * form a pair (which cannot be encoded as UTF-8) are refused: no vendor's cursor holds them.
     *
     * @param cursor the cursor as the caller gave it
     * @return the cursor, unchanged
     * @throws InvalidRequestException naming what is wrong with it
     */
    public static String cursor(String cursor) {
        if (cursor == null || cursor.isBlank() || cursor.length() > MAX_CURSOR_LENGTH || !visible(cursor)) {
            throw new InvalidRequestException("Invalid page cursor " + quote(cursor)
                    + ": pass the nextCursor of a previous page unchanged, or no cursor for the first page.");
        }
        return cursor;
    }

    /**
     * Checks a project id (a vendor sub-scope, such as an OpenAI project): 1 to 255 visible
     * characters, refusing what {@link #cursor(String)} refuses. Project ids travel in request bodies,
     * where JSON encoding keeps them intact, so punctuation is left to the vendor to judge.
     *
     * @param projectId the id as the caller gave it
     * @return the id, unchanged
     * @throws InvalidRequestException naming what is wrong with it
     */
    public static String projectId(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw new InvalidRequestException("A project grant needs a project id; got " + quote(projectId) + ".");
        }
        if (projectId.length() > MAX_PROJECT_ID_LENGTH || !visible(projectId)) {
            throw new InvalidRequestException("Invalid project id " + quote(projectId) + ": use the vendor's id of the project, 1 to "
                    + MAX_PROJECT_ID_LENGTH + " visible characters, without whitespace, control or invisible characters.");
        }
        return projectId;
    }

    /** True if every code point is visible: no whitespace, control, format, private-use, unassigned or lone surrogate. */
    private static boolean visible(String value) {
        return value.codePoints().allMatch(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
            switch (Character.getType(c)) {
                case Character.CONTROL:
                case Character.FORMAT:
                case Character.PRIVATE_USE:
                case Character.SURROGATE:
                case Character.UNASSIGNED:
                    return false;
                default:
                    return true;
            }
        });
    }

    private static InvalidRequestException invalidEmail(String shown, String why) {
        return new InvalidRequestException("Invalid email address " + shown + ": " + why + ".");
    }

    /**
     * Quotes a caller's value for an error message: at most 80 characters shown; control, format
     * and line-separator characters and unpaired surrogates escaped as {@code \\uXXXX}, so a hostile
     * value can neither flood a log nor forge a log line.
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
        if (shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))
                && Character.isLowSurrogate(value.charAt(shown))) {
            shown--; // never cut a pair in two
        }
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                    : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || (type == Character.SURROGATE && !paired)) {
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
