package dev.roster.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stream()} over 10,000 and 100,000 invitations in a 64 MiB heap: each run is a fresh JVM with
 * {@code -Xmx64m}; Roster against the raw client paging the same organisation by hand, interleaved,
 * three runs each, medians reported. Writes {@code stream.md} to the results folder.
 */
public final class StreamRunner {

    private static final int RUNS = 3;

    private StreamRunner() {}

    /**
     * Runs the streaming comparison.
     *
     * @param args the results folder
     */
    public static void main(String[] args) {
        Path results = Path.of(args[0]);
        int[] sizes = {10_000, 100_000};
        String[] modes = {"raw", "roster"};
        Map<String, List<long[]>> runs = new LinkedHashMap<>();
        try (ServerProcess server = ServerProcess.start()) {
            for (int size : sizes) {
                String root = server.tenantRoot("s_none_" + size + "_stream");
                // Render and cache the server's pages once, so no timed run pays for it.
                RawOpenAiClient primer = Clients.rawOpenAi(root);
                String after = null;
                RawOpenAiClient.InviteList page;
                do {
                    page = primer.list(100, after);
                    after = page.lastId();
                } while (page.hasMore());
                for (int run = 0; run < RUNS; run++) {
                    for (String mode : modes) {
                        runs.computeIfAbsent(mode + " " + size, k -> new ArrayList<>()).add(child(mode, root, size));
                    }
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("### `stream()` in a 64 MiB heap (`-Xmx64m`, a fresh JVM per run, median of ").append(RUNS).append(")\n\n");
        md.append("| invitations | client | completed | wall time | vs raw paging | peak heap used | max live heap after a GC | GCs |\n");
        md.append("|---:|---|---|---:|---:|---:|---:|---:|\n");
        Map<String, Double> peaks = new LinkedHashMap<>();
        for (int size : sizes) {
            List<long[]> rawDone = runs.get("raw " + size).stream().filter(x -> x[0] == size).toList();
            double rawMillis = rawDone.isEmpty() ? 0 : Results.median(column(rawDone, 1));
            for (String mode : modes) {
                List<long[]> all = runs.get(mode + " " + size);
                List<long[]> r = all.stream().filter(x -> x[0] == size).toList();
                if (r.isEmpty()) {
                    md.append(Results.f("| %,d | %s | 0 of %d runs | did not complete | | | | |%n", size, mode, all.size()));
                    peaks.put(mode + " " + size, 0.0);
                    continue;
                }
                double millis = Results.median(column(r, 1));
                double peak = Results.median(column(r, 2));
                double live = Results.median(column(r, 3));
                peaks.put(mode + " " + size, peak);
                md.append(Results.f("| %,d | %s | %d of %d runs | %.0f ms | %s | %.1f MiB | %.1f MiB | %.0f |\n", size,
                        mode.equals("raw") ? "raw JDK client" : "Roster", r.size(), all.size(),
                        millis, Results.ratio(millis, rawMillis), peak / (1 << 20), live / (1 << 20),
                        Results.median(column(r, 4))));
            }
        }
        md.append("\nPeak heap, 100,000 against 10,000 invitations (flat is ≈ 1×): Roster ")
                .append(Results.ratio(peaks.get("roster 100000"), peaks.get("roster 10000")))
                .append(", raw client ").append(Results.ratio(peaks.get("raw 100000"), peaks.get("raw 10000"))).append(".\n\n");
        Results.write(results, "stream.md", md.toString());
    }

    private static List<Long> column(List<long[]> runs, int index) {
        List<Long> values = new ArrayList<>();
        runs.forEach(r -> values.add(r[index]));
        return values;
    }

    private static long[] child(String mode, String root, int size) {
        try {
            Process process = new ProcessBuilder(Java.command(List.of("-Xmx64m"), StreamChild.class.getName(),
                    List.of(mode, root, Integer.toString(size))))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String line;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                line = out.readLine();
            }
            int exit = process.waitFor();
            if (exit != 0 || line == null || line.startsWith("FAILED")) {
                System.err.println("stream " + mode + " " + size + " failed (exit " + exit + "): " + line);
                return new long[] {-1, 0, 0, 0, 0};
            }
            String[] parts = line.trim().split(" ");
            long[] values = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = Long.parseLong(parts[i]);
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
