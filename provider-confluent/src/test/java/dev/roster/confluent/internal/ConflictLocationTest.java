package dev.roster.confluent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The invitation a Confluent 409's Location names, read strictly")
class ConflictLocationTest {

    @Test
    @DisplayName("an absolute invitation URI names its id, on whatever host")
    void invitationUri() {
        assertThat(ConfluentErrors.invitationIdIn("https://api.confluent.cloud/iam/v2/invitations/i-gxxn1")).contains("i-gxxn1");
        assertThat(ConfluentErrors.invitationIdIn("http://127.0.0.1:8080/iam/v2/invitations/i-00001")).contains("i-00001");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"/iam/v2/invitations/i-gxxn1", "https://api.confluent.cloud/iam/v2/users/u-1",
            "https://api.confluent.cloud/iam/v2/invitations/", "https://api.confluent.cloud/iam/v2/invitations/a/b",
            "https://api.confluent.cloud/iam/v2/invitations/i-1?x=1", "https://api.confluent.cloud/iam/v2/invitations/i-1#f",
            "https://api.confluent.cloud/iam/v2/invitations/%2E%2E", "https://api.confluent.cloud/iam/v2/invitations/..",
            "https://api.confluent.cloud/iam/v2/invitations/i%2F1", "https://api.confluent.cloud/iam/v2/invitations/i 1",
            "not a uri at all", ""})
    @DisplayName("anything else names nothing, so core looks the address up instead")
    void anythingElse(String location) {
        assertThat(ConfluentErrors.invitationIdIn(location)).isEmpty();
    }
}
