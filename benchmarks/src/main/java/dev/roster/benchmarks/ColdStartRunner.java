package dev.roster.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start: process wall time from starting a JVM to its exit, interleaved, {@value #RUNS} runs of
 * each (medians and minimums): a bare JVM on the benchmarks jar (a main that exits at once), the first
 * {@code find} through the raw JDK client, Roster and the official SDK (all from the benchmarks jar,
 * with the same JVM options), and the {@code roster} command line from its own shaded jar, as
 * {@code java -jar}: {@code --help}, {@code vendors}, {@code get} (its one {@code find}) and
 * {@code list} (one page of 100) against the loopback server. Writes {@code coldstart.md} to the
 * results folder.
 */
public final class ColdStartRunner {

    private static final int RUNS = 7;

    /** The command that builds the benchmarks jar and the command line's shaded jar in one reactor. */
    static final String BUILD = "./mvnw -B -q -pl benchmarks,cli -am package -DskipTests -Pbenchmarks";

    /** The variable {@code benchmarks/run.sh} names the command line's jar in (the {@code ./roster} launcher's). */
    static final String CLI_JAR = "ROSTER_CLI_JAR";

    /**
     * One child process to time.
     *
     * @param label the row's name
     * @param command the command line
     * @param environment variables set for it (null: this JVM's environment as it is)
     * @param expected text its standard output must hold for the run to count (null: exit 0 is enough)
     */
    private record Child(String label, List<String> command, Map<String, String> environment, String expected) {}

    private ColdStartRunner() {}

    /**
     * Runs the cold-start comparison.
     *
     * @param args the results folder, and optionally the command line's shaded jar (else {@code $ROSTER_CLI_JAR})
     */
    public static void main(String[] args) {
        Path results = Path.of(args[0]);
        Path cliJar = cliJar(args.length > 1 ? args[1] : System.getenv(CLI_JAR));
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        int failures = 0;
        List<Child> children;
        try (ServerProcess server = ServerProcess.start()) {
            String root = server.tenantRoot("s_none_100_cold");
            String id = Tenant.openAiId(42);
            children = children(root, id, cliJar.toString());
            for (int run = 0; run < RUNS; run++) {
                for (Child child : children) {
                    long start = System.nanoTime();
                    String failure = run(child);
                    double elapsed = (System.nanoTime() - start) / 1e6;
                    if (failure == null) {
                        millis.computeIfAbsent(child.label(), k -> new ArrayList<>()).add(elapsed);
                    } else {
                        failures++;
                        System.err.println("cold start " + child.label() + ": " + failure);
                    }
                }
            }
        }
        Results.write(results, "coldstart.md", markdown(children, millis, failures));
    }

    /**
     * The command line's shaded jar.
     *
     * @param path the path given, or null
     * @return the jar
     * @throws IllegalStateException naming the command that builds it, when it is not given or not there
     */
    static Path cliJar(String path) {
        String fix = " Build it with " + BUILD + " (benchmarks/run.sh does, and names it in $" + CLI_JAR
                + "), then pass cli/target/roster-cli-<version>-all.jar as the second argument or in $" + CLI_JAR + ".";
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("The cold start of the roster command line needs its shaded jar, and none was named." + fix);
        }
        Path jar = Path.of(path.strip());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The cold start of the roster command line needs its shaded jar, and " + jar
                    + " is not a file." + fix);
        }
        return jar.toAbsolutePath();
    }

    private static List<Child> children(String root, String id, String cliJar) {
        String child = ColdStartChild.class.getName();
        // The command line reads only the environment the README documents: a fake key and the loopback
        // server as OpenAI's base URI; nothing of the caller's vendor configuration leaks in.
        Map<String, String> env = Map.of("OPENAI_ADMIN_KEY", LoopbackServer.ADMIN_KEY,
                "ROSTER_OPENAI_BASE_URI", root + "/v1", "ROSTER_INTERACTIVE", "0", "NO_COLOR", "1");
        return List.of(
                new Child("bare JVM start (a main that exits)", Java.command(List.of(), BareJvmChild.class.getName(), List.of()), null, null),
                new Child("raw JDK client", Java.command(List.of(), child, List.of("raw", root, id)), null, null),
                new Child("Roster", Java.command(List.of(), child, List.of("roster", root, id)), null, null),
                new Child("openai-java", Java.command(List.of(), child, List.of("sdk", root, id)), null, null),
                new Child("`roster --help`", Java.jar(List.of(), cliJar, List.of("--help")), env, "Usage: roster"),
                new Child("`roster vendors`", Java.jar(List.of(), cliJar, List.of("vendors")), env, "openai"),
                new Child("`roster get --vendor openai ID`", Java.jar(List.of(), cliJar, List.of("get", "--vendor", "openai", id)), env, id),
                new Child("`roster list --vendor openai`", Java.jar(List.of(), cliJar, List.of("list", "--vendor", "openai")), env, id));
    }

    /** Runs a child to its exit; null if it did what it should, else what went wrong. */
    private static String run(Child child) {
        try {
            ProcessBuilder builder = new ProcessBuilder(child.command()).redirectError(ProcessBuilder.Redirect.INHERIT);
            if (child.environment() != null) {
                builder.environment().keySet().removeIf(name -> name.startsWith("ROSTER_") || name.startsWith("OPENAI_")
                        || name.startsWith("CONFLUENT_"));
                builder.environment().putAll(child.environment());
            }
            if (child.expected() == null) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            Process process = builder.start();
            String out = child.expected() == null ? "" : new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                return "exited " + exit;
            }
            return child.expected() == null || out.contains(child.expected()) ? null
                    : "exited 0 without '" + child.expected() + "' in its output";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String markdown(List<Child> children, Map<String, List<Double>> millis, int failures) {
        double bare = median(millis, children.get(0).label());
        double raw = median(millis, "raw JDK client");
        StringBuilder md = new StringBuilder();
        md.append("### Cold start: JVM start to exit (").append(RUNS).append(" interleaved runs each, process wall time)\n\n");
        md.append("The libraries' rows do one `find` and exit; `roster` runs as `java -jar` on its shaded jar (no JVM options, "
                + "like the others) against the same loopback server.\n\n");
        md.append("| process | median | min | vs raw JDK client (median) | vs bare JVM start (median) |\n|---|---:|---:|---:|---:|\n");
        for (Child child : children) {
            List<Double> m = millis.getOrDefault(child.label(), List.of());
            if (m.isEmpty()) {
                md.append("| ").append(child.label()).append(" | failed | | | |\n");
                continue;
            }
            double median = Results.median(m);
            md.append(Results.f("| %s | %.0f ms | %.0f ms | %s | %s |%n", child.label(), median,
                    m.stream().mapToDouble(Double::doubleValue).min().orElse(0), Results.ratio(median, raw),
                    Results.ratio(median, bare)));
        }
        md.append(Results.f("%nFailed runs: %d. `roster vendors` sends no request (it loads each vendor's provider to read "
                + "what it accepts and which credentials it needs); `roster get` sends the one `find` the library rows send; "
                + "`roster list` reads one page of 100.%n%n", failures));
        return md.toString();
    }

    private static double median(Map<String, List<Double>> millis, String label) {
        List<Double> m = millis.get(label);
        return m == null || m.isEmpty() ? 0 : Results.median(m);
    }
}
