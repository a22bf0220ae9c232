package dev.roster.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start: process wall time from starting a JVM to its exit after the first {@code find}, for the
 * raw JDK client, Roster and the official SDK, interleaved, {@value #RUNS} runs each (medians and
 * minimums). All three run from the same shaded jar with the same JVM options. Writes
 * {@code coldstart.md} to the results folder.
 */
public final class ColdStartRunner {

    private static final int RUNS = 7;

    private ColdStartRunner() {}

    /**
     * Runs the cold-start comparison.
     *
     * @param args the results folder
     */
    public static void main(String[] args) {
        Path results = Path.of(args[0]);
        String[] modes = {"raw", "roster", "sdk"};
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        int failures = 0;
        try (ServerProcess server = ServerProcess.start()) {
            String root = server.tenantRoot("s_none_100_cold");
            String id = Tenant.openAiId(42);
            for (int run = 0; run < RUNS; run++) {
                for (String mode : modes) {
                    long start = System.nanoTime();
                    int exit = runChild(mode, root, id);
                    double elapsed = (System.nanoTime() - start) / 1e6;
                    if (exit == 0) {
                        millis.computeIfAbsent(mode, k -> new ArrayList<>()).add(elapsed);
                    } else {
                        failures++;
                        System.err.println("cold start " + mode + " exited " + exit);
                    }
                }
            }
        }
        double raw = Results.median(millis.get("raw"));
        StringBuilder md = new StringBuilder();
        md.append("### Cold start: JVM start to exit after the first `find` (").append(RUNS)
                .append(" interleaved runs each, process wall time)\n\n");
        md.append("| client | median | min | vs raw JDK client (median) |\n|---|---:|---:|---:|\n");
        for (String mode : modes) {
            List<Double> m = millis.getOrDefault(mode, List.of());
            if (m.isEmpty()) {
                md.append("| ").append(mode).append(" | failed | | |\n");
                continue;
            }
            double median = Results.median(m);
            md.append(Results.f("| %s | %.0f ms | %.0f ms | %s |%n", label(mode), median,
                    m.stream().mapToDouble(Double::doubleValue).min().orElse(0), Results.ratio(median, raw)));
        }
        md.append(Results.f("%nFailed runs: %d. `roster --help` / `roster vendors`: not measured, the CLI does not exist yet.%n%n", failures));
        Results.write(results, "coldstart.md", md.toString());
    }

    private static String label(String mode) {
        return switch (mode) {
            case "raw" -> "raw JDK client";
            case "roster" -> "Roster";
            default -> "openai-java";
        };
    }

    private static int runChild(String mode, String root, String id) {
        try {
            Process process = new ProcessBuilder(Java.command(List.of(), ColdStartChild.class.getName(), List.of(mode, root, id)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
