package dev.roster.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    @DisplayName("returns a clean exception as it is, and a redacted copy of one whose chain reveals a credential")
    void exceptions() {
        IllegalStateException clean = new IllegalStateException("fine", new IOException("also fine"));
        assertThat(redactor.redact(clean)).isSameAs(clean);

        IOException root = new IOException("Unrecognized token '" + SECRET + "'");
        RuntimeException top = new RuntimeException("decoding failed", root);
        top.addSuppressed(new IllegalArgumentException("KEY0000001 again"));
        Throwable safe = redactor.redact(top);
        StringWriter printed = new StringWriter();
        safe.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain(SECRET, "KEY0000001")
                .contains("java.lang.RuntimeException (message redacted): decoding failed",
                        "java.io.IOException (message redacted): Unrecognized token '[redacted]'",
                        "java.lang.IllegalArgumentException (message redacted): [redacted] again",
                        "RedactorTest.exceptions");
        assertThat(safe.getStackTrace()).isEqualTo(top.getStackTrace());
    }
}
