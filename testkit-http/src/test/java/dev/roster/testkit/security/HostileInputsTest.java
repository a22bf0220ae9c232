package dev.roster.testkit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The hostile-input corpus")
class HostileInputsTest {

    private final List<HostileInputs.Case> corpus = HostileInputs.corpus();

    @Test
    @DisplayName("has at least 200 cases, covering every target and expectation")
    void size() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        assertThat(corpus.stream().map(HostileInputs.Case::target).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(HostileInputs.Target.values());
        assertThat(corpus.stream().map(HostileInputs.Case::expect).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(HostileInputs.Expect.values());
    }

    @Test
    @DisplayName("covers every attack the issue names, for ids, emails and cursors alike where it applies")
    void categories() {
        Map<HostileInputs.Target, Set<String>> byTarget = corpus.stream().collect(Collectors.groupingBy(
                HostileInputs.Case::target, Collectors.mapping(HostileInputs.Case::category, Collectors.toSet())));
        assertThat(byTarget.get(HostileInputs.Target.INVITATION_ID)).contains("traversal", "query-injection",
                "header-injection", "control", "lookalike", "blank", "long", "odd-but-valid");
        assertThat(byTarget.get(HostileInputs.Target.EMAIL)).contains("malformed-email", "header-injection", "control",
                "lookalike", "blank", "long", "odd-but-valid");
        assertThat(byTarget.get(HostileInputs.Target.CURSOR)).contains("header-injection", "control", "lookalike", "blank",
                "long", "odd-but-valid");
        assertThat(byTarget.get(HostileInputs.Target.ROLE)).contains("unknown-value");
        assertThat(byTarget.get(HostileInputs.Target.AUTH_TYPE)).contains("unknown-value");
        List<String> values = corpus.stream().map(HostileInputs.Case::value).filter(v -> v != null).toList();
        assertThat(values).as("spellings of traversal").contains("..", "%2e%2e", "%2F", "..%2f", "..\\..\\admin", "%c0%ae%c0%ae");
        assertThat(values).as("10 KB strings").anyMatch(v -> v.length() >= 10_240);
        assertThat(values).as("CR/LF, NUL, bidi, zero-width").anyMatch(v -> v.contains("\r\n")).anyMatch(v -> v.contains("\u0000"))
                .anyMatch(v -> v.contains("\u202e")).anyMatch(v -> v.contains("\u200b"));
        assertThat(corpus).filteredOn(c -> c.value() == null).isNotEmpty();
    }

    @Test
    @DisplayName("resolves its escapes")
    void escapes() {
        assertThat(HostileInputs.unescape("a\\r\\n\\t\\\\\\u0000\\u202e\\{x3}", 1)).isEqualTo("a\r\n\t\\\u0000\u202e{x3}");
        assertThat(HostileInputs.unescape("ab{x4}", 1)).isEqualTo("abbbb");
        assertThat(HostileInputs.unescape("\\ud83d\\ude00{x2}", 1)).isEqualTo("\ud83d\ude00\ud83d\ude00");
        assertThat(HostileInputs.unescape("\\N", 1)).isNull();
        assertThat(HostileInputs.unescape("", 1)).isEmpty();
        assertThat(corpus).filteredOn(c -> c.rawValue().equals("a{x10240}")).allMatch(c -> c.value().length() == 10_240);
    }

    @Test
    @DisplayName("refuses a malformed line or escape, naming the line, so a typo cannot silently change a case")
    void malformed() {
        assertThatThrownBy(() -> HostileInputs.unescape("a\\q", 7)).hasMessageContaining("line 7").hasMessageContaining("\\q");
        assertThatThrownBy(() -> HostileInputs.unescape("\\u12", 7)).hasMessageContaining("four hex digits");
        assertThatThrownBy(() -> HostileInputs.unescape("{x3}", 7)).hasMessageContaining("{xN}");
        assertThatThrownBy(() -> HostileInputs.unescape("a\\", 7)).hasMessageContaining("lone backslash");
        assertThatThrownBy(() -> HostileInputs.parse(List.of("# c", "", "email\tx\tmaybe\tv"))).hasMessageContaining("line 3")
                .hasMessageContaining("maybe");
        assertThatThrownBy(() -> HostileInputs.parse(List.of("url\tx\tinvalid\tv"))).hasMessageContaining("unknown target");
        assertThatThrownBy(() -> HostileInputs.parse(List.of("email\tinvalid"))).hasMessageContaining("4 or 5");
    }

    @Test
    @DisplayName("shows each case safely, on one line")
    void shown() {
        assertThat(corpus).allSatisfy(c -> assertThat(c.toString()).doesNotContain("\r", "\n", "\u0000", "\u202e").hasSizeLessThan(300));
    }
}
