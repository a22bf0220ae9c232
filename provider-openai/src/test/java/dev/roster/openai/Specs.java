package dev.roster.openai;

import dev.roster.testkit.openapi.OpenApiValidation;
import dev.roster.testkit.simulator.OpenAiSimulator;

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
