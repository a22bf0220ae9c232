package dev.roster.cli.demo;

import dev.roster.ProviderConfig;
import dev.roster.testkit.ConfluentSimulator;
import dev.roster.testkit.OpenAiSimulator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two vendor simulators of {@code roster demo} and {@code roster sandbox}, on 127.0.0.1, and
 * the environment that points the other commands at them. The only place the command line names
 * vendors: it wires their simulators.
 */
final class Simulators implements AutoCloseable {

    final OpenAiSimulator openai;
    final ConfluentSimulator confluent;

    private Simulators(OpenAiSimulator openai, ConfluentSimulator confluent) {
        this.openai = openai;
        this.confluent = confluent;
    }

    /** Starts both simulators on free ports of 127.0.0.1. */
    static Simulators start() {
        OpenAiSimulator openai = new OpenAiSimulator();
        ConfluentSimulator confluent = new ConfluentSimulator();
        openai.start();
        try {
            confluent.start();
        } catch (RuntimeException e) {
            openai.close();
            throw e;
        }
        return new Simulators(openai, confluent);
    }

    /**
     * The variables a person would export to use the simulators: base URIs and their (fake) keys.
     *
     * @return the variables, in the order to print them
     */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ROSTER_OPENAI_BASE_URI", openai.baseUri().toString());
        env.put("ROSTER_CONFLUENT_BASE_URI", confluent.config().baseUri().orElseThrow().toString());
        env.put(ProviderConfig.OPENAI_ADMIN_KEY, OpenAiSimulator.DEFAULT_ADMIN_KEY);
        env.put(ProviderConfig.CONFLUENT_CLOUD_API_KEY, confluent.apiKey());
        env.put(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, confluent.apiSecret());
        return env;
    }

    @Override
    public void close() {
        try {
            openai.close();
        } finally {
            confluent.close();
        }
    }
}
