package dev.roster.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Redactor")
class RedactorTest {

    private static final String SECRET = "s3cret+Value/With=Signs";
    private final Redactor redactor = Redactor.of(Arrays.asList(SECRET, "KEY0000001", null, " "));

    @Test
    @DisplayName("masks every credential, also percent-encoded or JSON-escaped, and leaves other text alone")
    void text() {
        assertThat(redactor.redact("a " + SECRET + " b KEY0000001 c")).isEqualTo("a [redacted] b [redacted] c");
        assertThat(redactor.redact(HttpEndpoints.percentEncode(SECRET))).isEqualTo(Redactor.MASK);
        assertThat(redactor.redact("{\"x\":\"s3cret+Value\\/With=Signs\"}")).isEqualTo("{\"x\":\"[redacted]\"}");
        assertThat(redactor.redact("nothing here")).isEqualTo("nothing here");
        assertThat(redactor.redact((String) null)).isNull();
        assertThat(redactor.reveals("x KEY0000001")).isTrue();
        assertThat(redactor.reveals("x")).isFalse();
        assertThat(Redactor.of(List.of()).redact("anything")).isEqualTo("anything");
    }

    @Test
    @DisplayName("masks a credential echoed in any form a JSON or HTTP library writes it")
    void everyEscaping() {
        // s3cret+Value/With=Signs, character by character, as libraries escape it
        List<String> echoes = List.of(
                "s3cret\\u002BValue\\/With=Signs",                 // JSON, + as \u002B, / as \/
                "s3cret\\u002bValue\\u002fWith\\u003dSigns",       // JSON, lower-case hex
                "\\u0073\\u0033cret+Value/With=Signs",             // JSON, letters escaped too
                "s3cret\\\\u002BValue\\\\\\/With=Signs",           // JSON inside JSON
                "s3cret%2BValue%2FWith%3DSigns",                   // percent-encoded
                "s3cret%2bValue%2fWith%3dSigns",                   // percent-encoded, lower-case hex
                "s3cret%252BValue%252FWith%253DSigns",             // percent-encoded twice
                "s3cret&#43;Value&#x2F;With&#61;Signs");           // HTML character references
        for (String echo : echoes) {
            assertThat(redactor.redact("before " + echo + " after")).as(echo).isEqualTo("before [redacted] after");
            assertThat(redactor.reveals(echo)).as(echo).isTrue();
        }
        Redactor quoting = Redactor.of(List.of("pa\"ss\\word 1"));
        for (String echo : List.of("pa\\\"ss\\\\word 1", "pa%22ss%5Cword+1", "pa\\u0022ss\\u005cword\\u00201",
                "pa\\\\\\\"ss\\\\\\\\word 1")) {
            assertThat(quoting.redact("<" + echo + ">")).as(echo).isEqualTo("<[redacted]>");
        }
    }

    @Test
    @DisplayName("stays fast on hostile text, such as a long run of backslashes before a credential")
    void hostileText() {
        String hostile = "\\".repeat(200_000) + SECRET + "%".repeat(100_000) + "&#".repeat(50_000);
        String masked = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> redactor.redact(hostile));
        assertThat(masked).doesNotContain(SECRET).contains(Redactor.MASK);
    }

    @Test
    @DisplayName("masks the Base64 of key:secret, as an HTTP Basic header carries it, in its standard and URL-safe alphabets")
    void basicAuthorization() {
        Redactor pair = Redactor.of(List.of("KEY0000001", "s3cret?Value>>"));
        String standard = java.util.Base64.getEncoder().encodeToString("KEY0000001:s3cret?Value>>".getBytes(UTF_8));
        String urlSafe = java.util.Base64.getUrlEncoder().encodeToString("KEY0000001:s3cret?Value>>".getBytes(UTF_8));
        assertThat(standard).isNotEqualTo(urlSafe);
        assertThat(pair.redact("Authorization: Basic " + standard)).doesNotContain(standard.substring(0, 20));
        assertThat(pair.redact("x " + urlSafe)).doesNotContain(urlSafe.substring(0, 20));
        assertThat(pair.redact("x " + java.util.regex.Pattern.compile("%[0-9A-F]{2}").matcher(HttpEndpoints.percentEncode(standard))
                .replaceAll(hex -> hex.group().toLowerCase(java.util.Locale.ROOT))))
                .isEqualTo("x [redacted]" + "%3d".repeat(standard.length() - standard.replace("=", "").length()));
    }

    @Test
    @DisplayName("always returns a copy holding only text: class name, masked message, stack trace, causes and suppressed")
    void copiesEvenCleanFailures() {
        IllegalStateException clean = new CarryingFailure("fine", new IOException("also fine"));
        Throwable copy = redactor.redact(clean);
        assertThat(copy).isNotSameAs(clean).isNotInstanceOf(CarryingFailure.class)
                .hasToString(CarryingFailure.class.getName() + ": fine");
        assertThat(copy.getCause()).hasToString("java.io.IOException: also fine");
        assertThat(copy.getStackTrace()).isEqualTo(clean.getStackTrace());
        assertThat(redactor.reveals(clean)).isFalse();
        assertThat(redactor.redact((Throwable) null)).isNull();
    }

    @Test
    @DisplayName("tells the class a copy was made from, for every copy in the chain; other failures name their own class")
    void originalClassName() {
        Throwable copy = redactor.redact(new CarryingFailure("fine", new java.net.ConnectException("refused")));
        assertThat(Redactor.originalClassName(copy)).isEqualTo(CarryingFailure.class.getName());
        assertThat(Redactor.originalClassName(copy.getCause())).isEqualTo("java.net.ConnectException");
        assertThat(Redactor.originalClassName(new IOException("plain"))).isEqualTo("java.io.IOException");
        assertThatThrownBy(() -> Redactor.originalClassName(null)).isInstanceOf(dev.roster.InvalidRequestException.class)
                .hasMessageContaining("failure");
    }

    /** Like an HTTP client's exception: it carries its request's credentials in a field and an accessor. */
    private static final class CarryingFailure extends IllegalStateException {
        private final String authorization = "Bearer " + SECRET;

        CarryingFailure(String message, Throwable cause) {
            super(message, cause);
        }

        String authorization() {
            return authorization;
        }
    }

    @Test
    @DisplayName("refuses null credentials with a typed error naming them")
    void nullCredentials() {
        assertThatThrownBy(() -> Redactor.of(null)).isInstanceOf(dev.roster.InvalidRequestException.class)
                .hasMessageContaining("secrets");
    }

    @Test
    @DisplayName("says a copy's message was masked when its chain revealed a credential")
    void exceptions() {
        IOException root = new IOException("Unrecognized token '" + SECRET + "'");
        RuntimeException top = new RuntimeException("decoding failed", root);
        top.addSuppressed(new IllegalArgumentException("KEY0000001 again"));
        Throwable safe = redactor.redact(top);
        StringWriter printed = new StringWriter();
        safe.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain(SECRET, "KEY0000001")
                .contains("java.lang.RuntimeException: decoding failed",
                        "java.io.IOException (message redacted): Unrecognized token '[redacted]'",
                        "java.lang.IllegalArgumentException (message redacted): [redacted] again",
                        "RedactorTest.exceptions");
        assertThat(safe.getStackTrace()).isEqualTo(top.getStackTrace());
    }
}
