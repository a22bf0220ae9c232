package dev.roster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.roster.fixtures.RecordingProvider;
import dev.roster.fixtures.TestInvitations;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link CoreArchitectureTest}'s rules are checked against core's classes, which keep them; this
 * proves they would catch a breach. The test fixtures live in {@code dev.roster.fixtures}, a
 * package under {@code dev.roster} that is not core's, as {@code dev.roster.openai} is not.
 */
@DisplayName("Core's architecture rules")
class CoreArchitectureRulesTest {

    @Test
    @DisplayName("catch a class under dev.roster that uses a dev.roster package other than core's own")
    void catchOtherRosterPackages() {
        JavaClasses outsider = new ClassFileImporter().importClasses(RecordingProvider.class, TestInvitations.class);

        assertThatThrownBy(() -> CoreArchitectureTest.core_depends_only_on_the_JDK_and_itself.check(outsider))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(RecordingProvider.class.getName())
                .hasMessageContaining(TestInvitations.class.getName());
    }
}
