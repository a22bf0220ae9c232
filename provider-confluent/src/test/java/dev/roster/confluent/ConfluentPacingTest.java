package dev.roster.confluent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.PageRequest;
import dev.roster.testkit.simulator.ConfluentSimulator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Confluent's X-RateLimit-* headers pace core before Confluent has to refuse")
class ConfluentPacingTest {

    @RegisterExtension
    static final ConfluentSimulator CONFLUENT = new ConfluentSimulator().validatedAgainstSpec();

    @Test
    @DisplayName("one caller, 30 lists against 20 a second: the second half of each window is spread over it, none is refused")
    void windowIsNeverExceeded() {
        // 30 requests one after another, as fast as the machine goes: without pacing the 21st to the 30th of the
        // first second would each be a 429.
        CONFLUENT.rateLimit(20);
        try (InvitationProvider confluent = InvitationProviders.load(ConfluentCloud.ID, CONFLUENT.config())) {
            for (int i = 0; i < 30; i++) {
                assertThat(confluent.list(PageRequest.first(10)).items()).isEmpty();
            }
        }

        assertThat(CONFLUENT.answeredWith(429)).as("429s Confluent's simulator had to send").isZero();
        assertThat(CONFLUENT.requestsReceived()).as("requests: one per list").isEqualTo(30);
    }
}
