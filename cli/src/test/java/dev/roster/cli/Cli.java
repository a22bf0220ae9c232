package dev.roster.cli;

import dev.roster.ProviderConfig;
import dev.roster.testkit.simulator.ConfluentSimulator;
import dev.roster.testkit.simulator.OpenAiSimulator;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs {@code roster} in-process as a person would, with captured stdout and stderr. */
final class Cli {

    /**
     * What a run printed and returned.
     *
     * @param code the exit code
     * @param out stdout
     * @param err stderr
     */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    private final Map<String, String> environment = new HashMap<>();
    private boolean interactive;
    private String input = "";

    /** A run with no environment at all. */
    static Cli bare() {
        return new Cli();
    }

    /** A run whose environment points both vendors at the simulators, with their keys. */
    static Cli against(OpenAiSimulator openai, ConfluentSimulator confluent) {
        return new Cli().env("ROSTER_OPENAI_BASE_URI", openai.baseUri().toString())
                .env("ROSTER_CONFLUENT_BASE_URI", confluent.config().baseUri().orElseThrow().toString())
                .env(ProviderConfig.OPENAI_ADMIN_KEY, OpenAiSimulator.DEFAULT_ADMIN_KEY)
                .env(ProviderConfig.CONFLUENT_CLOUD_API_KEY, confluent.apiKey())
                .env(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, confluent.apiSecret());
    }

    Cli env(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
        return this;
    }

    Cli interactive(String typed) {
        this.interactive = true;
        this.input = typed;
        return this;
    }

    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(input)), environment, interactive, new CountDownLatch(1));
        int code = Main.commandLine(terminal).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static OpenAiSimulator openai() {
        // Checked against the vendor's spec where the build names the specs folder; unchecked (and counted) where not.
        return new OpenAiSimulator().validatedAgainstSpec();
    }

    static ConfluentSimulator confluent() {
        return new ConfluentSimulator().validatedAgainstSpec();
    }
}
