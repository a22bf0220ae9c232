package dev.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.ConflictException;
import dev.roster.RosterException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The attempts on a RosterException")
class RosterExceptionAccessTest {

    @Test
    @DisplayName("are recorded by core's policy through the internal access, shown in the message and attempts()")
    void recorded() {
        RosterException failure = new ConflictException(ConflictException.Reason.OTHER, "Clash.");

        assertThat(RosterExceptionAccess.recordAttempts(failure, List.of("HTTP 503 (failed)", "HTTP 409 (failed)")))
                .isSameAs(failure);
        assertThat(failure.attempts()).containsExactly("HTTP 503 (failed)", "HTTP 409 (failed)");
        assertThat(failure).hasMessage("Clash. Gave up after 2 attempts: 1) HTTP 503 (failed); 2) HTTP 409 (failed).");
    }

    @Test
    @DisplayName("cannot be set through RosterException's public API: it has accessors only")
    void noPublicSetter() {
        List<String> mutators = Arrays.stream(RosterException.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() > 0)
                .map(Method::getName).collect(Collectors.toList());

        assertThat(mutators).as("public methods of RosterException that take arguments").isEmpty();
    }

    @Test
    @DisplayName("cannot be set by someone registering another access")
    void onlyRosterExceptionRegisters() {
        new RosterException("initialises RosterException, which registers its own access");

        assertThatThrownBy(() -> RosterExceptionAccess.register((failure, history) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Only RosterException");
    }
}
