package dev.roster.testkit.security;

import dev.roster.spi.InputRules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The hostile-input corpus shipped with the testkit ({@value #RESOURCE}, beside this class): values
 * a caller, or an attacker behind one, may hand to an {@link dev.roster.InvitationProvider}, each with
 * the outcome every provider must show. {@link HostileInputContract} runs them against an adapter;
 * the file's header explains the columns and the escapes.
 *
 * <pre>{@code
 * for (HostileInputs.Case c : HostileInputs.corpus()) {
 *     System.out.println(c);   // line 12: invitation_id '..' (traversal, invalid: parent directory)
 * }
 * }</pre>
 */
public final class HostileInputs {

    /** The corpus's resource name, relative to this class. */
    public static final String RESOURCE = "hostile-inputs.tsv";

    private static volatile List<Case> corpus;

    private HostileInputs() {}

    /** Where a value goes: which argument of which operation. */
    public enum Target {
        /** {@code find(value)} and {@code revoke(value)}. */
        INVITATION_ID,
        /** {@code invite(InvitationRequest.of(value))} and {@code findByEmail(value)}. */
        EMAIL,
        /** {@code list(PageRequest.after(10, value))}. */
        CURSOR,
        /** {@code list(PageRequest.first(value))}; the value is a decimal int. */
        PAGE_SIZE,
        /** The role of an invitation request. */
        ROLE,
        /** The project id of a project grant. */
        PROJECT_ID,
        /** The role of a project grant. */
        PROJECT_ROLE,
        /** The name of a vendor attribute. */
        ATTRIBUTE_NAME,
        /** The value of the vendor attribute {@code auth_type}. */
        AUTH_TYPE;

        /**
         * The target's name in the corpus, such as {@code invitation_id}.
         *
         * @return the column value
         */
        public String columnName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Target of(String column, int line) {
            for (Target target : values()) {
                if (target.columnName().equals(column)) {
                    return target;
                }
            }
            throw new IllegalArgumentException(RESOURCE + " line " + line + ": unknown target '" + column + "'");
        }
    }

    /** The outcome a case expects; the corpus header defines each exactly. */
    public enum Expect {
        /** {@link dev.roster.InvalidRequestException} before any request, on every provider. */
        INVALID,
        /** {@link dev.roster.UnsupportedCapabilityException} before any request, on every provider. */
        UNSUPPORTED,
        /** Refused before any request: invalid where the provider has the capability, else unsupported. */
        REJECT,
        /** Sent, intact, to exactly the intended endpoint; unsupported where the provider lacks the capability. */
        SEND,
        /**
         * Sent as for {@link #SEND} where the vendor's length limit for the target admits it, else
         * {@link dev.roster.InvalidRequestException} before any request (see
         * {@link HostileInputContract.Endpoints#maxCursorLength()}).
         */
        BOUNDED;

        static Expect of(String column, int line) {
            try {
                return valueOf(column.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + line + ": unknown expectation '" + column
                        + "'; use invalid, unsupported, reject, send or bounded", e);
            }
        }
    }

    /**
     * One case of the corpus.
     *
     * @param line its line in the file, to find it again
     * @param target where the value goes
     * @param category what it attacks, such as {@code traversal}
     * @param expect the outcome every provider must show
     * @param value the value, escapes resolved; null for {@code \N}
     * @param rawValue the value as written in the file
     * @param note why the case is there; may be empty
     */
    public record Case(int line, Target target, String category, Expect expect, String value, String rawValue, String note) {

        /**
         * Checks that the non-nullable parts are present.
         *
         * @param line its line in the file
         * @param target where the value goes
         * @param category what it attacks
         * @param expect the outcome every provider must show
         * @param value the value, escapes resolved; null for {@code \N}
         * @param rawValue the value as written in the file
         * @param note why the case is there; may be empty
         */
        public Case {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(expect, "expect");
            Objects.requireNonNull(rawValue, "rawValue");
            Objects.requireNonNull(note, "note");
        }

        /**
         * The value shown safely: at most 80 characters, control and invisible characters escaped.
         *
         * @return the quoted value, or {@code null}
         */
        public String shownValue() {
            return InputRules.quote(value);
        }

        /** {@code line 12: invitation_id '..' (traversal, invalid: parent directory)}. */
        @Override
        public String toString() {
            return "line " + line + ": " + target.columnName() + " " + shownValue() + " (" + category + ", "
                    + expect.name().toLowerCase(Locale.ROOT) + (note.isEmpty() ? "" : ": " + note) + ")";
        }
    }

    /**
     * Every case of the shipped corpus, in file order. Read once and cached.
     *
     * @return the cases
     * @throws IllegalStateException if the resource is missing
     * @throws IllegalArgumentException naming the line of a malformed case
     */
    public static List<Case> corpus() {
        List<Case> cases = corpus;
        if (cases == null) {
            try (InputStream in = HostileInputs.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing beside " + HostileInputs.class.getName());
                }
                cases = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + RESOURCE, e);
            }
            corpus = cases;
        }
        return cases;
    }

    /**
     * Parses corpus lines: five tab-separated columns (the note optional), {@code #} comments and
     * blank lines ignored.
     *
     * @param lines the file's lines
     * @return the cases, in order
     * @throws IllegalArgumentException naming the line of a malformed case
     */
    public static List<Case> parse(List<String> lines) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int line = i + 1;
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            String[] columns = text.split("\t", -1);
            if (columns.length < 4 || columns.length > 5) {
                throw new IllegalArgumentException(RESOURCE + " line " + line + ": expected 4 or 5 tab-separated columns "
                        + "(target, category, expect, value, note); got " + columns.length);
            }
            cases.add(new Case(line, Target.of(columns[0], line), columns[1], Expect.of(columns[2], line),
                    unescape(columns[3], line), columns[3], columns.length == 5 ? columns[4] : ""));
        }
        return List.copyOf(cases);
    }

    /**
     * Resolves the corpus's escapes: backslash escapes for a backslash, tab, line feed, carriage
     * return, a UTF-16 code unit ({@code u} and four hex digits) and a literal brace; {@code {xN}}
     * (the character before, repeated to appear N times in all); and {@code \N} (the whole field: null).
     *
     * @param raw the value as written
     * @param line its line, for error messages
     * @return the value, or null for {@code \N}
     * @throws IllegalArgumentException on any other escape, or a malformed one
     */
    public static String unescape(String raw, int line) {
        if (raw.equals("\\N")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                if (i + 1 >= raw.length()) {
                    throw malformed(line, "a lone backslash at the end");
                }
                char next = raw.charAt(++i);
                switch (next) {
                    case '\\' -> out.append('\\');
                    case 't' -> out.append('\t');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case '{' -> out.append('{');
                    case 'u' -> {
                        if (i + 4 >= raw.length()) {
                            throw malformed(line, "\\u needs four hex digits");
                        }
                        String hex = raw.substring(i + 1, i + 5);
                        if (!hex.matches("[0-9A-Fa-f]{4}")) {
                            throw malformed(line, "\\u needs four hex digits, got '" + hex + "'");
                        }
                        out.append((char) Integer.parseInt(hex, 16));
                        i += 4;
                    }
                    default -> throw malformed(line, "unknown escape \\" + next);
                }
            } else if (c == '{' && raw.startsWith("{x", i)) {
                int close = raw.indexOf('}', i);
                String count = close < 0 ? "" : raw.substring(i + 2, close);
                if (!count.matches("[0-9]{1,7}") || out.length() == 0) {
                    throw malformed(line, "{xN} needs a character before it and a count N");
                }
                int times = Integer.parseInt(count);
                int previous = out.codePointBefore(out.length());
                if (times < 1) {
                    throw malformed(line, "{xN} needs N of at least 1");
                }
                out.append(new String(Character.toChars(previous)).repeat(times - 1));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static IllegalArgumentException malformed(int line, String why) {
        return new IllegalArgumentException(RESOURCE + " line " + line + ": " + why);
    }
}
