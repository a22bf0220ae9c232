package dev.roster.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryTourTest {

    @Test
    @DisplayName("the README's first command walks the whole job and reports every step")
    void tourRunsEndToEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InMemoryTour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(printed)
                .contains("Invited  ada@example.com as admin -> inv-00000001 [PENDING]")
                .contains("got the same invitation back (inv-00000001)")
                .contains("page 1: [ada@example.com, grace@example.com]")
                .contains("page 2: [linus@example.com, margaret@example.com]")
                .contains("Ada accepted: ada@example.com as admin -> inv-00000001 [ACCEPTED]")
                .contains("Revoked  grace@example.com: true")
                .contains("Revoked an unknown id: false")
                .contains("ACCEPTED_CANNOT_BE_REVOKED")
                .contains("Invalid invitation id '../admin'")
                .contains("has no role 'superuser'")
                .contains("Done: 4 invitations, 2 still pending.");
    }
}
