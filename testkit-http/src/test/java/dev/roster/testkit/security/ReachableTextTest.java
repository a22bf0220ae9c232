package dev.roster.testkit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ReachableText, the leak contract's object-graph walk")
class ReachableTextTest {

    private static final String KEY = "sk-admin-Reachable0Canary";

    /** Like an HTTP client's exception: the request, with its headers and body, kept in fields and accessors. */
    static final class ClientFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Request request;

        ClientFailure(Request request) {
            super("connection reset");
            this.request = request;
        }

        public Request request() {
            return request;
        }
    }

    record Request(Map<String, List<String>> headers, byte[] body, Optional<Object> extra) {}

    /** Holds its secret only behind a computed accessor, as module-sealed JDK objects do for the walk. */
    static final class Computed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Computed() {
            super("computed");
        }

        public String authorization() {
            return "Bearer " + new StringBuilder(KEY).toString();
        }
    }

    @Test
    @DisplayName("finds a credential in private fields, header maps, byte[] bodies, Optionals, causes, suppressed and accessors")
    void findsEverywhere() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        for (Throwable failure : List.of(
                new RuntimeException("outer", new ClientFailure(new Request(Map.of("Authorization", List.of("Bearer " + KEY)),
                        new byte[0], Optional.empty()))),
                new ClientFailure(new Request(Map.of(), ("{\"key\":\"" + KEY + "\"}").getBytes(StandardCharsets.UTF_8),
                        Optional.of(cycle))),
                new ClientFailure(new Request(Map.of(), new byte[0], Optional.of(new Object[] {List.of(Map.of("k", KEY))}))),
                suppressing(new Computed()))) {
            assertThat(String.join("\n", ReachableText.from(failure))).as(failure.toString()).contains(KEY);
        }
    }

    @Test
    @DisplayName("finds nothing where there is nothing, and ends on cycles")
    void clean() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThat(String.join("\n", ReachableText.from(new ClientFailure(new Request(Map.of("Accept", List.of("json")),
                new byte[0], Optional.of(cycle)))))).doesNotContain(KEY).contains("Accept", "connection reset");
    }

    private static Throwable suppressing(Throwable hidden) {
        RuntimeException top = new RuntimeException("top");
        top.addSuppressed(hidden);
        return top;
    }
}
