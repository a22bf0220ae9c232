package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Member, Offboarding and the member capabilities: strict where they are read from a vendor. */
@DisplayName("The members model")
class MemberModelTest {

    @Test
    @DisplayName("a member without an id is an unreadable answer, not an input error; one without an email is fine")
    void memberStrictness() {
        assertThatThrownBy(() -> Member.builder().provider("openai").build())
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("member's id");
        Member anonymous = Member.builder().id("user_1").provider("openai").build();
        assertThat(anonymous.email()).isEmpty();
        assertThat(anonymous.serviceAccount()).isFalse();
        assertThatThrownBy(() -> new Member("user_1", Optional.empty(), Optional.empty(), Optional.empty(), false, "openai",
                Map.of("name", "Ada")).toBuilder().attribute(null, "x"))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    @DisplayName("toBuilder keeps every value")
    void toBuilder() {
        Member ada = Member.builder().id("u-1").email("ada@example.com").role("owner").joinedAt(Instant.EPOCH)
                .serviceAccount(true).provider("confluent").attribute("auth_type", "AUTH_TYPE_SSO").build();
        assertThat(ada.toBuilder().build()).isEqualTo(ada);
    }

    @Test
    @DisplayName("an offboarding's membership must agree with the members it removed")
    void offboardingAgrees() {
        Member ada = Member.builder().id("u-1").provider("fake").build();
        assertThatThrownBy(() -> new Offboarding("fake", "ada@example.com", List.of(), Offboarding.Membership.REMOVED, List.of()))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("disagrees");
        assertThatThrownBy(() -> new Offboarding("fake", "ada@example.com", List.of(), Offboarding.Membership.NOT_A_MEMBER,
                List.of(ada))).isInstanceOf(ProviderUnavailableException.class);
        Offboarding removed = new Offboarding("fake", "ada@example.com", List.of(), Offboarding.Membership.REMOVED, List.of(ada));
        assertThat(removed.nothingFound()).isFalse();
        assertThat(removed.complete()).isTrue();
    }

    @Test
    @DisplayName("capabilities declare no member support unless told, and keep the old constructor")
    void capabilities() {
        assertThat(Capabilities.builder().build().members()).isEqualTo(MemberCapabilities.none());
        assertThat(Capabilities.builder().members(MemberCapabilities.all()).build().members().any()).isTrue();
        assertThat(new Capabilities(java.util.Set.of(), Optional.empty(), false, java.util.Set.of(), false, 10, Map.of())
                .members()).isEqualTo(MemberCapabilities.none());
    }
}
