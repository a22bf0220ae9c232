package dev.roster.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the results section of {@code benchmarks/README.md}: everything after the marker line is
 * replaced by the run's header, the per-call tables (from JMH's JSON, as ratios against the baselines
 * measured in the same run) and the runners' fragments.
 */
public final class Report {

    /** The line after which README.md is generated. */
    static final String MARKER = "<!-- Everything below is written by benchmarks/run.sh: do not edit by hand. -->";

    private Report() {}

    private record Figures(double p50, double p99, double mean, double error, double alloc, int samples) {}

    /**
     * Rewrites the README's results section.
     *
     * @param args the README, JMH's JSON result files (one per round, comma-separated), the results
     *     folder, then the header lines (run, machine, commit, load), each one argument
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path readme = Path.of(args[0]);
        Path results = Path.of(args[2]);
        // One JMH result file per round; each figure is the median over the rounds.
        Map<String, List<Figures>> rounds = new TreeMap<>();
        for (String file : args[1].split(",")) {
            JsonNode jmh = new ObjectMapper().readTree(Files.readAllBytes(Path.of(file)));
            for (JsonNode run : jmh) {
                String name = run.get("benchmark").asText().substring("dev.roster.benchmarks.".length());
                JsonNode primary = run.get("primaryMetric");
                JsonNode percentiles = primary.get("scorePercentiles");
                JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
                int samples = 0;
                for (JsonNode fork : primary.path("rawDataHistogram")) {
                    for (JsonNode iteration : fork) {
                        for (JsonNode bin : iteration) {
                            samples += bin.get(1).asInt();
                        }
                    }
                }
                rounds.computeIfAbsent(name, k -> new ArrayList<>()).add(new Figures(percentiles.get("50.0").asDouble(),
                        percentiles.get("99.0").asDouble(), primary.get("score").asDouble(), primary.get("scoreError").asDouble(),
                        alloc.isMissingNode() ? Double.NaN : alloc.asDouble(), samples));
            }
        }
        Map<String, Figures> figures = new HashMap<>();
        rounds.forEach((name, list) -> figures.put(name, new Figures(
                Results.median(list.stream().map(Figures::p50).toList()), Results.median(list.stream().map(Figures::p99).toList()),
                Results.median(list.stream().map(Figures::mean).toList()), Results.median(list.stream().map(Figures::error).toList()),
                Results.median(list.stream().map(Figures::alloc).toList()), list.stream().mapToInt(Figures::samples).sum())));
        StringBuilder md = new StringBuilder(MARKER).append("\n\n## Results\n\n");
        for (int i = 3; i < args.length; i++) {
            md.append("- ").append(args[i]).append('\n');
        }
        md.append('\n');
        perCall(md, "OpenAI", "OpenAiCalls", figures, true);
        perCall(md, "Confluent", "ConfluentCalls", figures, false);
        noise(md, rounds);
        for (String fragment : new String[] {"stream.md", "bulk.md", "coldstart.md", "reinvite.md", "sync.md", "server.md"}) {
            Path file = results.resolve(fragment);
            if (Files.exists(file)) {
                md.append(Files.readString(file, StandardCharsets.UTF_8));
            } else {
                md.append("(").append(fragment).append(": not produced by this run)\n\n");
            }
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int at = text.indexOf(MARKER);
        String head = at < 0 ? text + "\n" : text.substring(0, at);
        Files.writeString(readme, head + md, StandardCharsets.UTF_8);
    }

    private static void perCall(StringBuilder md, String vendor, String type, Map<String, Figures> f, boolean sdk) {
        md.append("### Per call, ").append(vendor).append("-shaped answers (JMH `SampleTime`, `-prof gc`)\n\n");
        if (!f.containsKey(type + ".rosterFind")) {
            md.append("(not measured in this run)\n\n");
            return;
        }
        md.append(sdk
                ? "| call | Roster / raw JDK | Roster / openai-java | Roster / fastest | p99: Roster / fastest | alloc: Roster / raw | Roster p50 · p99 · alloc | raw JDK p50 · p99 · alloc | openai-java p50 · p99 · alloc |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                : "| call | Roster / raw JDK (p50) | p99: Roster / raw | alloc: Roster / raw | Roster p50 · p99 · alloc | raw JDK p50 · p99 · alloc |\n|---|---:|---:|---:|---:|---:|\n");
        for (String call : new String[] {"Find", "List"}) {
            Figures roster = f.get(type + ".roster" + call);
            Figures raw = f.get(type + ".raw" + call);
            Figures kit = f.get(type + ".sdk" + call);
            String label = call.equals("Find") ? "`find` (one invitation)" : "`list` (a page of 100)";
            if (sdk) {
                double fastestP50 = Math.min(raw.p50(), kit.p50());
                double fastestP99 = Math.min(raw.p99(), kit.p99());
                md.append(Results.f("| %s | **%s** | **%s** | **%s** | %s | %s | %s | %s | %s |%n", label,
                        Results.ratio(roster.p50(), raw.p50()), Results.ratio(roster.p50(), kit.p50()),
                        Results.ratio(roster.p50(), fastestP50), Results.ratio(roster.p99(), fastestP99),
                        Results.ratio(roster.alloc(), raw.alloc()), abs(roster), abs(raw), abs(kit)));
            } else {
                md.append(Results.f("| %s | **%s** | %s | %s | %s | %s |%n", label, Results.ratio(roster.p50(), raw.p50()),
                        Results.ratio(roster.p99(), raw.p99()), Results.ratio(roster.alloc(), raw.alloc()), abs(roster), abs(raw)));
            }
        }
        Figures floorFind = f.get(type + ".floorFind");
        Figures floorList = f.get(type + ".floorList");
        Figures rawFind = f.get(type + ".rawFind");
        Figures rawList = f.get(type + ".rawList");
        md.append(Results.f("%nThe loopback server's own cost (a raw socket, answer unparsed): `find` p50 %.0f µs = %s of the raw "
                + "JDK client's p50, `list` p50 %.0f µs = %s of it.%n%n", floorFind.p50(), Results.ratio(floorFind.p50(), rawFind.p50()),
                floorList.p50(), Results.ratio(floorList.p50(), rawList.p50())));
    }

    private static String abs(Figures x) {
        return Results.f("%.0f µs · %.0f µs · %.1f KB", x.p50(), x.p99(), x.alloc() / 1000);
    }

    private static void noise(StringBuilder md, Map<String, List<Figures>> rounds) {
        int count = rounds.values().stream().mapToInt(List::size).max().orElse(0);
        md.append(Results.f("Noise, per benchmark over %d interleaved round(s): the spread of p50 across rounds (min–max, as a "
                + "share of the median) and JMH's 99.9%% error of the mean (median over rounds, as a share of the mean):%n%n", count));
        md.append("| benchmark | p50 spread across rounds | JMH error of the mean | samples |\n|---|---:|---:|---:|\n");
        rounds.forEach((name, list) -> {
            double median = Results.median(list.stream().map(Figures::p50).toList());
            double min = list.stream().mapToDouble(Figures::p50).min().orElse(0);
            double max = list.stream().mapToDouble(Figures::p50).max().orElse(0);
            double error = Results.median(list.stream().map(x -> x.error() / x.mean()).toList());
            md.append(Results.f("| %s | %.0f%%–%.0f%% | ±%.0f%% | %,d |%n", name, 100 * min / median, 100 * max / median, 100 * error,
                    list.stream().mapToInt(Figures::samples).sum()));
        });
        md.append('\n');
    }
}
