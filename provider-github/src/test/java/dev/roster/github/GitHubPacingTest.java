package dev.roster.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.testkit.simulator.GitHubSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("GitHub's x-ratelimit-* headers pace core before GitHub has to refuse")
class GitHubPacingTest {

    @RegisterExtension
    static final GitHubSimulator GITHUB = new GitHubSimulator().validatedAgainstSpec();

    @Test
    @DisplayName("one caller, 30 invites against a limit of 20 a second: the headers hold it back, none is refused")
    void limitIsNeverHit() {
        // Sent one after another as fast as the machine goes (a few ms each), the 21st would be a 429 without pacing.
        GITHUB.rateLimit(20);
        try (InvitationProvider github = InvitationProviders.load(GitHubProviderFactory.ID, GITHUB.config())) {
            for (int i = 0; i < 30; i++) {
                Invitation sent = github.invite(InvitationRequest.of("paced" + i + "@example.com"));
                assertThat(sent.email()).isEqualTo("paced" + i + "@example.com");
            }
        }

        assertThat(GITHUB.answeredWith(429)).as("429s GitHub's simulator had to send").isZero();
        assertThat(GITHUB.answeredWith(403)).as("403s (GitHub's primary limit) the simulator had to send").isZero();
        assertThat(GITHUB.requestsReceived()).as("requests: one per invite").isEqualTo(30);
    }

    @Test
    @DisplayName("reads GitHub's three headers, the reset in epoch seconds, into one status by the adapter's clock")
    void readsHeaders() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("X-RateLimit-Limit", List.of("5000"));
        headers.put("x-ratelimit-remaining", List.of("4990"));
        headers.put("x-ratelimit-reset", List.of("1700000600"));

        assertThat(GitHubRateLimits.read(headers, clock)).hasValueSatisfying(status -> {
            assertThat(status.limit()).isEqualTo(5000);
            assertThat(status.remaining()).isEqualTo(4990);
            assertThat(status.resetIn()).isEqualTo(Duration.ofMinutes(10));
        });
        headers.put("x-ratelimit-reset", List.of("1699999999"));
        assertThat(GitHubRateLimits.read(headers, clock)).as("a reset already past is no wait")
                .hasValueSatisfying(status -> assertThat(status.resetIn()).isZero());
        headers.put("x-ratelimit-reset", List.of("soon"));
        assertThat(GitHubRateLimits.read(headers, clock)).as("an unreadable header is no status, never a failure").isEmpty();
        headers.remove("x-ratelimit-reset");
        assertThat(GitHubRateLimits.read(headers, clock)).as("a missing header is no status").isEmpty();
    }
}
