package dev.roster.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.RateLimitedException;
import dev.roster.testkit.simulator.OpenAiSimulator;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("OpenAI's x-ratelimit-*-requests headers pace core before OpenAI has to refuse")
class OpenAiPacingTest {

    @RegisterExtension
    static final OpenAiSimulator OPENAI = new OpenAiSimulator().validatedAgainstSpec();

    @Test
    @DisplayName("one caller, 10 invites against a strict limit of 20 a second: each waits for OpenAI's reset, none is refused")
    void strictLimitIsNeverHit() {
        // A token bucket with no burst: a request sooner than 50 ms after the last one let through is a 429.
        // Sent one after another as fast as the machine goes (a few ms each), nearly every one would be.
        OPENAI.strictRateLimit(20);
        try (InvitationProvider openai = InvitationProviders.load(OpenAiProviderFactory.ID, OPENAI.config())) {
            for (int i = 0; i < 10; i++) {
                Invitation sent = openai.invite(InvitationRequest.of("paced" + i + "@example.com"));
                assertThat(sent.email()).isEqualTo("paced" + i + "@example.com");
            }
        }

        assertThat(OPENAI.answeredWith(429)).as("429s OpenAI's simulator had to send").isZero();
        assertThat(OPENAI.requestsReceived()).as("requests: one per invite").isEqualTo(10);
    }

    @Test
    @DisplayName("reads OpenAI's Go durations and its three headers into one status")
    void readsHeaders() {
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("X-RateLimit-Limit-Requests", List.of("60"));
        headers.put("x-ratelimit-remaining-requests", List.of("59"));
        headers.put("x-ratelimit-reset-requests", List.of("6m0s"));

        assertThat(OpenAiRateLimits.read(headers)).hasValueSatisfying(status -> {
            assertThat(status.limit()).isEqualTo(60);
            assertThat(status.remaining()).isEqualTo(59);
            assertThat(status.resetIn()).isEqualTo(Duration.ofMinutes(6));
        });
        assertThat(OpenAiRateLimits.goDuration("20ms")).contains(Duration.ofMillis(20));
        assertThat(OpenAiRateLimits.goDuration("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(OpenAiRateLimits.goDuration("1h2m3s")).contains(Duration.ofSeconds(3723));
        assertThat(OpenAiRateLimits.goDuration("soon")).isEmpty();
        headers.put("x-ratelimit-remaining-requests", List.of("many"));
        assertThat(OpenAiRateLimits.read(headers)).as("an unreadable header is no status, never a failure").isEmpty();
    }

    @Test
    @DisplayName("a 429 under the limit still surfaces as a RateLimitedException when retries are off")
    void unpacedWithoutRetries() {
        OPENAI.strictRateLimit(1);
        try (InvitationProvider openai = InvitationProviders.load(OpenAiProviderFactory.ID,
                OPENAI.config().toBuilder().retryPolicy(dev.roster.RetryPolicy.none()).build())) {
            openai.invite(InvitationRequest.of("first@example.com"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                // The pace says wait a second; with RetryPolicy.none() core waits no slot (maxHonouredWait is zero).
                openai.invite(InvitationRequest.of("second@example.com"));
            }).isInstanceOf(RateLimitedException.class);
        }
    }
}
