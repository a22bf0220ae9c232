package dev.roster.confluent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.roster.ConflictException;
import dev.roster.Invitation;
import dev.roster.InvitationRequest;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.Secret;
import dev.roster.confluent.ConfluentCloud;
import dev.roster.spi.Redactor;
import dev.roster.testkit.simulator.ConfluentSimulator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The Cloud API key and secret never appear in logs, messages or toString")
class CredentialsNeverLeakTest {

    private static final String KEY = "LEAKCHECKKEY0042";
    private static final String SECRET = "leak+Check/Secret=0042xyz";
    private static final String BASIC = Base64.getEncoder()
            .encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static final ConfluentSimulator confluent = new ConfluentSimulator(KEY, SECRET).validatedAgainstSpec();

    @Test
    @DisplayName("Feign's log at FULL shows requests, responses and bodies, but no credential")
    void fullLogIsRedacted() {
        List<String> lines = new CopyOnWriteArrayList<>();
        ProviderConfig config = confluent.config().toBuilder().property(ConfluentCloud.HTTP_LOG_PROPERTY, "full").build();
        try (ConfluentInvitationProvider provider = ConfluentClients.create(config, lines::add)) {
            Invitation sent = provider.invite(InvitationRequest.of("ada@example.com"));
            catchThrowable(() -> provider.invite(InvitationRequest.of("ada@example.com")));
            provider.list(PageRequest.first(5));
            provider.findByEmail("ada@example.com");
            provider.find(sent.id());
            provider.revoke(sent.id());
        }
        ProviderConfig wrongSecret = confluent.config().toBuilder().property(ConfluentCloud.HTTP_LOG_PROPERTY, "FULL")
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, Secret.of(SECRET + "-wrong")).build();
        try (ConfluentInvitationProvider rejected = ConfluentClients.create(wrongSecret, lines::add)) {
            catchThrowable(() -> rejected.list(PageRequest.first(5)));
        }

        String log = String.join("\n", lines);
        assertThat(log).contains("---> POST", "<--- HTTP/1.1 201", "ada@example.com", "<--- HTTP/1.1 401", "User-Agent");
        // The header is shown as sent, its value masked (provider-support's RedactingLogger, shared with OpenAI).
        assertThat(log).doesNotContain(KEY, SECRET, BASIC, SECRET + "-wrong")
                .containsIgnoringCase("Authorization: " + Redactor.MASK);
    }

    @Test
    @DisplayName("errors and toString name no credential")
    void messagesAreClean() {
        ProviderConfig wrongKey = confluent.config().toBuilder()
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_KEY, Secret.of(KEY + "X")).build();
        try (ConfluentInvitationProvider provider = ConfluentClients.create(wrongKey, line -> { })) {
            Throwable failure = catchThrowable(() -> provider.list(PageRequest.first(5)));
            String everything = failure + " " + describeChain(failure) + " " + provider + " " + wrongKey;
            assertThat(everything).contains("401").doesNotContain(KEY, SECRET, BASIC);
        }
        try (ConfluentInvitationProvider provider = ConfluentClients.create(confluent.config(), line -> { })) {
            Invitation sent = provider.invite(InvitationRequest.of("grace@example.com"));
            confluent.accept(sent.id());
            ConflictException conflict = (ConflictException) catchThrowable(() -> provider.revoke(sent.id()));
            assertThat(describeChain(conflict) + provider).doesNotContain(KEY, SECRET, BASIC);
        }
    }

    private static String describeChain(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(t).append(" | ");
        }
        return out.toString();
    }
}
