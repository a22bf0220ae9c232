package dev.roster.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.InvalidRequestException;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("No invitation id can steer a request elsewhere: hostile ids are refused before any request")
class ConfluentPathSafetyTest {

    @RegisterExtension
    static final ConfluentStub stub = new ConfluentStub();

    @AfterEach
    void nothingWasSent() {
        assertThat(stub.requests()).as("requests that reached the server").isEmpty();
    }

    @ParameterizedTest(name = "id \"{0}\"")
    @ValueSource(strings = {"../projects", "..", ".", "a/b", "%2e%2e", "%2F", "x?y=1", "x#y", "a b", " x", "a\r\nb", "a\nb",
        "a\u0000b", "", "i-1;rm", "\u00e9"})
    @DisplayName("the bare adapter refuses it on find and revoke")
    void bareAdapter(String id) {
        try (InvitationProvider adapter = stub.adapter()) {
            assertThatThrownBy(() -> adapter.find(id)).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> adapter.revoke(id)).isInstanceOf(InvalidRequestException.class);
        }
    }

    @ParameterizedTest(name = "id \"{0}\"")
    @ValueSource(strings = {"../projects", "a/b", "%2e%2e", "x?y=1", "x#y", "a b", "a\r\nb"})
    @DisplayName("the loaded provider refuses it on find and revoke")
    void loadedProvider(String id) {
        try (InvitationProvider provider = InvitationProviders.load("confluent", stub.config())) {
            assertThatThrownBy(() -> provider.find(id)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Invalid invitation id");
            assertThatThrownBy(() -> provider.revoke(id)).isInstanceOf(InvalidRequestException.class);
        }
    }
}
