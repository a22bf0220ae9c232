package dev.roster.provider.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.spi.Redactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RedactingLogger writes Feign's wire log without any credential")
class RedactingLoggerTest {

    private static final String KEY = "sk-admin-supporttest0042";

    private final List<String> lines = new ArrayList<>();
    private final RedactingLogger logger = new RedactingLogger(Redactor.of(List.of(KEY)), lines::add);

    @Test
    @DisplayName("shows a credential header as sent, its value masked, whatever its case")
    void credentialHeaders() {
        logger.log("Api#list()", "%s: %s", "authorization", "Bearer something-not-listed");
        logger.log("Api#list()", "%s: %s", "Set-Cookie", "session=abc");
        logger.log("Api#list()", "%s: %s", "Content-Type", "application/json");

        assertThat(lines).containsExactly("[Api#list] authorization: " + Redactor.MASK, "[Api#list] Set-Cookie: " + Redactor.MASK,
                "[Api#list] Content-Type: application/json");
    }

    @Test
    @DisplayName("masks a credential that slips into any other line, such as a body echoing it")
    void secondLineOfDefence() {
        logger.log("Api#create(Request)", "%s", "{\"error\":\"bad key " + KEY + "\"}");

        assertThat(lines).singleElement().asString().doesNotContain(KEY).contains(Redactor.MASK, "bad key");
    }
}
