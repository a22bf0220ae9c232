package dev.roster.cli;

import dev.roster.ProviderConfig;
import dev.roster.testkit.ConfluentSimulator;
import dev.roster.testkit.OpenAiSimulator;
import dev.roster.testkit.OpenApiValidation;
import dev.roster.testkit.VendorSimulator;
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

    /**
     * The simulator checking its traffic against the vendor's spec when the build names a specs
     * folder (-Droster.specs.dir / ROSTER_SPECS_DIR, as CI does); unchecked, and counted in the
     * run's closing line, when it names none, so a clone without the specs still builds.
     */
    static <S extends VendorSimulator> S checked(S simulator, String specFile) {
        simulator.validatedAgainst(OpenApiValidation.vendorSpec(specFile).build());
        return simulator;
    }

    static OpenAiSimulator openai() {
        return checked(new OpenAiSimulator(), OpenAiSimulator.SPEC_FILE);
    }

    static ConfluentSimulator confluent() {
        return checked(new ConfluentSimulator(), ConfluentSimulator.SPEC_FILE);
    }
}
