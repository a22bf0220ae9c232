package dev.roster.openai;

import dev.roster.testkit.OpenApiValidation;
import java.nio.file.Path;

/** OpenAI's published invite contract, read where the project keeps vendor specs (never copied in). */
final class Specs {

    static final Path OPENAI_INVITES = OpenApiValidation.sharedSpec("openai-invites.openapi.yaml");

    private Specs() {}

    static OpenApiValidation openAi() {
        return OpenApiValidation.of(OPENAI_INVITES);
    }
}
