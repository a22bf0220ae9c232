package dev.roster.testkit.security;

import dev.roster.spi.HttpEndpoints;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The forms in which a JSON or HTTP library may write a credential: as it is, percent-encoded
 * (upper- and lower-case hex), form-encoded ({@code +} for a space), and JSON-escaped ({@code \/},
 * {@code \"}, {@code \\}, and {@code \}{@code u00XX} for punctuation or for every character, in
 * upper- and lower-case hex). A vendor simulator echoes them all; a leak search looks for them all.
 */
final class CredentialForms {

    private CredentialForms() {}

    /**
     * Every form of the value, by a name for messages, the value itself first; forms equal to an
     * earlier one are left out.
     *
     * @param value the credential
     * @return name to form
     */
    static Map<String, String> of(String value) {
        Map<String, String> forms = new LinkedHashMap<>();
        put(forms, "", value);
        put(forms, " URL-encoded", HttpEndpoints.percentEncode(value));
        put(forms, " URL-encoded in lower-case hex", lowerHexPercent(HttpEndpoints.percentEncode(value)));
        put(forms, " form-encoded", URLEncoder.encode(value, StandardCharsets.UTF_8));
        put(forms, " JSON-escaped", value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        put(forms, " JSON-escaped, punctuation as \\u00XX", unicodeEscaped(value, c -> !Character.isLetterOrDigit(c), false));
        put(forms, " JSON-escaped, punctuation as \\u00xx", unicodeEscaped(value, c -> !Character.isLetterOrDigit(c), true));
        put(forms, " JSON-escaped, every character as \\u00XX", unicodeEscaped(value, c -> true, false));
        put(forms, " JSON-escaped twice", value.replace("\\", "\\\\\\\\").replace("\"", "\\\\\\\"").replace("/", "\\\\\\/"));
        return forms;
    }

    private static void put(Map<String, String> forms, String name, String form) {
        if (!forms.containsValue(form)) {
            forms.put(name, form);
        }
    }

    private static String lowerHexPercent(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                out.append('%').append(encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unicodeEscaped(String value, IntPredicate escape, boolean lowerCase) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (escape.test(c)) {
                String hex = String.format("\\u%04X", (int) c);
                out.append(lowerCase ? hex.toLowerCase(Locale.ROOT) : hex);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
