package dev.roster.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.InvalidRequestException;
import dev.roster.InvitationRequest;
import dev.roster.ProjectGrant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("InputRules")
class InputRulesTest {

    @Nested
    @DisplayName("an email address")
    class Emails {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"ada@example.com", "ada+ops@example.com", "o'brien@example.com", "a/b@example.com",
            "a&limit=1@example.com", "{{7*7}}@example.com", "a%0d%0a@example.com", "ada@xn--bcher-kva.example",
            "ada@b\u00fccher.example", "jos\u00e9@example.com", "\u0438\u0432\u0430\u043d@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444",
            "\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a", "ada@\u30c6\u30b9\u30c8\u4f8b.jp", "ivan.\u0438\u0432\u0430\u043d@example.com"})
        @DisplayName("is accepted when valid, however unusual")
        void accepted(String email) {
            assertThat(InputRules.email(email)).isEqualTo(email);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {".ada@example.com", "ada.@example.com", "a..da@example.com", "<ada@example.com>",
            "\"ada\"@example.com", "ada,eve@example.com", "ada;eve@example.com", "ada(x)@example.com", "a\\b@example.com",
            "ada[1]@example.com", "ada:x@example.com"})
        @DisplayName("is refused when its local part is not a dot-atom (quotes, specials, stray dots)")
        void notADotAtom(String email) {
            assertThatThrownBy(() -> InputRules.email(email)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("the part before '@' must be letters, digits and");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"\uff41\uff44\uff41@example.com", "ada@\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.com",
            "\ufb01nance@example.com", "e\u0301@example.com", "\u24d0da@example.com"})
        @DisplayName("is refused with fullwidth letters, ligatures or decomposed accents, and the message shows the plain form")
        void lookAlikeForms(String email) {
            assertThatThrownBy(() -> InputRules.email(email)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("look-alike characters").hasMessageContaining("NFKC");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"ada@ex\u0430mple.com", "ada@g\u043e\u043egle.com", "\u0430dmin@example.com",
            "ada@p\u0430ypal.com", "ada@\u03b1pple.com"})
        @DisplayName("is refused when one part mixes Latin with Cyrillic or Greek look-alikes")
        void mixedScripts(String email) {
            assertThatThrownBy(() -> InputRules.email(email)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("mixes the scripts");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"ada\u202e@example.com", "ada@exa\u200dmple.com", "\ufeffada@example.com", "ada\u00ad@example.com"})
        @DisplayName("is refused with invisible formatting characters (bidi overrides, zero-width, BOM, soft hyphen)")
        void invisible(String email) {
            assertThatThrownBy(() -> InputRules.email(email)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("whitespace or a control character");
        }

        @Test
        @DisplayName("is refused when the domain ends in a number, as an IP address does")
        void numericTopLevel() {
            assertThatThrownBy(() -> InputRules.email("ada@127.0.0.1")).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("IP addresses are not accepted");
        }
    }

    @Nested
    @DisplayName("a page cursor")
    class Cursors {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"a\u200bb", "\u202eabc", "\ufeffabc", "a\u00a0b", "a\u2028b", "\ud800", "a\udc00b", "\ue000",
            "a\u0378b"})
        @DisplayName("is refused with invisible, separator, private-use, unassigned or unpaired surrogate characters")
        void invisible(String cursor) {
            assertThatThrownBy(() -> InputRules.cursor(cursor)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Invalid page cursor");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"../../admin", "x&limit=1000", "x#frag", "%2e%2e", "eyJvIjoxfQ==", "\u00e9", "\ud83d\ude00"})
        @DisplayName("is accepted when visible, however odd: the adapter encodes it")
        void accepted(String cursor) {
            assertThat(InputRules.cursor(cursor)).isEqualTo(cursor);
        }
    }

    @Nested
    @DisplayName("a project id")
    class ProjectIds {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"proj\r\nX-Injected: 1", "proj\u0000", "proj 1", "proj\u200b", "\u202eproj", "\ud800"})
        @DisplayName("is refused with whitespace, control or invisible characters, before a request is built")
        void refused(String id) {
            assertThatThrownBy(() -> InvitationRequest.builder("ada@example.com").project(id, "member"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Invalid project id").hasMessageNotContainingAny("\r", "\n", "\u0000", "\u202e");
        }

        @Test
        @DisplayName("is refused beyond 255 characters, and the message shows only the start of it")
        void tooLong() {
            assertThat(InputRules.projectId("p".repeat(255))).hasSize(255);
            assertThatThrownBy(() -> InvitationRequest.builder("ada@example.com").projects(List.of(ProjectGrant.of("p".repeat(10_240),
                    "member"))).build()).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("(10240 characters)").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
        }

        @Test
        @DisplayName("is checked where callers send it, not in a grant read from a vendor's answer")
        void vendorGrantsKeptAsGiven() {
            assertThat(ProjectGrant.of("proj with space", "member").projectId()).isEqualTo("proj with space");
            assertThatThrownBy(() -> new InvitationRequest("ada@example.com", Optional.empty(),
                    Optional.of(List.of(ProjectGrant.of("proj with space", "member"))), Map.of()))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Invalid project id");
        }

        @Test
        @DisplayName("keeps punctuation, which travels JSON-encoded in a body")
        void punctuation() {
            assertThat(ProjectGrant.of("../proj?x=1#y", "member").projectId()).isEqualTo("../proj?x=1#y");
        }
    }

    @Test
    @DisplayName("quotes hostile values in messages without line breaks, bidi overrides or lone surrogates")
    void quote() {
        assertThat(InputRules.quote("a\r\nb\u2028c\u202ed\ud800e")).isEqualTo("'a\\u000d\\u000ab\\u2028c\\u202ed\\ud800e'");
        assertThat(InputRules.quote("\ud83d\ude00")).isEqualTo("'\ud83d\ude00'");
        String cutInPair = "x".repeat(79) + "\ud83d\ude00" + "y";
        assertThat(InputRules.quote(cutInPair)).startsWith("'" + "x".repeat(79) + "'…");
        assertThatThrownBy(() -> InvitationRequest.builder("ada@example.com").attribute("x\r\nforged: 1", " "))
                .isInstanceOf(InvalidRequestException.class).hasMessageNotContainingAny("\r", "\n");
    }
}
