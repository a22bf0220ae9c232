package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.InvitationProviders;
import dev.roster.ProviderConfig;
import dev.roster.testkit.simulator.OpenAiSimulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributable as a user runs it: the runnable jar with {@code java -jar}, and the
 * {@code ./roster} launcher, as separate processes. The launcher is given the jar through
 * {@code ROSTER_CLI_JAR}, so it never starts a build of its own.
 */
class RosterProcessIT {

    @RegisterExtension
    static final OpenAiSimulator openai = Cli.openai();

    static Path jar;
    static Path launcher;

    @TempDir
    Path work;

    @BeforeAll
    static void locate() {
        jar = Path.of(System.getProperty("roster.cli.jar", "target/roster-cli-all.jar"));
        launcher = Path.of(System.getProperty("roster.launcher", "../roster"));
        assertThat(jar).as("the runnable jar, built in the package phase").isRegularFile();
        assertThat(launcher).as("the launcher at the repository root").isRegularFile();
    }

    /** What a process printed and returned. */
    record Run(int code, String out, String err) {}

    Run run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        File out = work.resolve("out.txt").toFile();
        File err = work.resolve("err.txt").toFile();
        builder.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("roster did not finish within 120 s: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    String[] java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    String[] roster(String... args) {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    @Test
    @DisplayName("java -jar finds every vendor the command line ships in the shaded jar (ServiceLoader files merged), "
            + "sending no request")
    void jarFindsEveryVendor() throws Exception {
        Run run = run(Map.of(), java("vendors", "-o", "json"));
        assertThat(run.code()).as(run.toString()).isZero();
        JsonNode vendors = new ObjectMapper().readTree(run.out());
        // The test's class path holds the providers cli depends on, as the shaded jar must.
        List<String> shipped = InvitationProviders.available().stream().sorted().collect(Collectors.toList());
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(2);
        assertThat(vendors).extracting(v -> v.get("vendor").asText()).containsExactlyElementsOf(shipped);
    }

    @Test
    @DisplayName("java -jar without credentials: exit 3, the variables named on stderr, nothing on stdout")
    void jarWithoutCredentials() throws Exception {
        Run run = run(Map.of(), java("list"));
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: ").contains("OPENAI_ADMIN_KEY");
    }

    @Test
    @DisplayName("java -jar demo: the tour runs end to end in its own process")
    void jarDemo() throws Exception {
        Run run = run(Map.of(), java("demo"));
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("$ roster invite ada@example.com").contains("# Next: run ./roster sandbox");
    }

    @Test
    @DisplayName("./roster (given the jar) invites at a simulator and reports it; no build, nothing but results on stdout")
    void launcherInvites() throws Exception {
        Run run = run(Map.of("ROSTER_CLI_JAR", jar.toAbsolutePath().toString(),
                "ROSTER_OPENAI_BASE_URI", openai.baseUri().toString(),
                ProviderConfig.OPENAI_ADMIN_KEY, OpenAiSimulator.DEFAULT_ADMIN_KEY),
                roster("invite", "--vendor", "openai", "ada@example.com", "-o", "json"));
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).doesNotContain("building");
        assertThat(new ObjectMapper().readTree(run.out()).get(0).get("outcome").asText()).isEqualTo("invited");
        assertThat(openai.invitationsCreatedByEmail()).containsEntry("ada@example.com", 1);
        Run version = run(Map.of("ROSTER_CLI_JAR", jar.toAbsolutePath().toString()), roster("--version"));
        assertThat(version.out()).startsWith("roster 0.");
    }
}
