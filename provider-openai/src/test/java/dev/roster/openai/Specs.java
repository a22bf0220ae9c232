package dev.roster.openai;

import dev.roster.testkit.OpenAiSimulator;
import dev.roster.testkit.OpenApiValidation;

/**
 * OpenAI's published invite contract, read where the project keeps vendor specs (never copied in),
 * for the plain WireMock stub tests; simulators check themselves ({@code validatedAgainstSpec()}).
 */
final class Specs {

    private Specs() {}

    static OpenApiValidation openAi() {
        return OpenAiSimulator.specValidation();
    }
}
