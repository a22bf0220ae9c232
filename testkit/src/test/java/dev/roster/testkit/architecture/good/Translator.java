package dev.roster.testkit.architecture.good;

import dev.roster.InvitationProvider;

final class Translator {

    private Translator() {}

    static InvitationProvider provider() {
        throw new UnsupportedOperationException("an architecture fixture, never called");
    }
}
