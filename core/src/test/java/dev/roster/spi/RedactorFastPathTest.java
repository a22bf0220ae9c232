package dev.roster.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The redactor first decodes a text once and looks for the plain credentials, running its pattern
 * only where one may be; these tests hold that shortcut to the pattern's own answer.
 */
@DisplayName("The redactor's quick check")
class RedactorFastPathTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-. :";

    @Test
    @DisplayName("never lets through a credential written in any mix of the forms the pattern knows (fixed seed)")
    void neverMissesAnEncodedCredential() {
        Random random = new Random(20261202);
        for (int round = 0; round < 400; round++) {
            String secret = randomText(random, 12 + random.nextInt(40), ALPHABET);
            Redactor redactor = Redactor.of(List.of(secret, "other-" + randomText(random, 10, ALPHABET)));
            String text = randomText(random, random.nextInt(30), ALPHABET + "\\%&#;\"")
                    + encode(secret, random) + randomText(random, random.nextInt(30), ALPHABET);

            assertThat(redactor.reveals(text)).as("secret %s written as %s", secret, text).isTrue();
            assertThat(redactor.redact(text)).as("secret %s written as %s", secret, text).contains(Redactor.MASK);
        }
    }

    @Test
    @DisplayName("leaves text without a credential as it is, escapes and all")
    void leavesCleanTextAlone() {
        Redactor redactor = Redactor.of(List.of("sk-admin-0123456789abcdef", "KEY123", "s3cr/et+K"));
        for (String clean : List.of("invite-570f2d61d00648cdb08fb7b0", "ada@example.com", "%2F%zz\\u00e9&#233;&#x;",
                "sk-admin-0123456789abcde", "KEY12", "\\\\\\\\", "%", "&#;", "s3cr/et K")) {
            assertThat(redactor.reveals(clean)).as(clean).isFalse();
            assertThat(redactor.redact(clean)).isSameAs(clean);
        }
    }

    @Test
    @DisplayName("decodes each escape to the character it stands for")
    void decodes() {
        assertThat(Redactor.decodeEscapes("a\\/b\\\\u0041%41%2541&#65;&#x41;%C3%A9\\\"")).isEqualTo("a/bAAAAA\u00e9\"");
        assertThat(Redactor.decodeEscapes("100% &# x\\")).isEqualTo("100% &# x");
    }

    /** Each character in one of the forms a JSON or HTTP library may write it. */
    private static String encode(String secret, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : secret.toCharArray()) {
            switch (random.nextInt(7)) {
                case 0 -> out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
                case 1 -> out.append("\\\\".repeat(random.nextInt(3))).append(String.format("\\u%04x", (int) c));
                case 2 -> {
                    for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                        out.append(random.nextBoolean() ? "%25" : "%").append(String.format(random.nextBoolean() ? "%02x" : "%02X", b));
                    }
                }
                case 3 -> out.append(random.nextBoolean() ? "&#" + (int) c + ";" : "&#x" + Integer.toHexString(c) + ";");
                case 4 -> out.append("\\".repeat(1 + random.nextInt(2))).append(c);
                case 5 -> out.append(c == ' ' ? "+" : String.valueOf(c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String randomText(Random random, int length, String alphabet) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
