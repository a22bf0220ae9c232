package dev.roster.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Small helpers the runners share: medians, formatting, writing a Markdown fragment. */
final class Results {

    private Results() {}

    static double median(List<? extends Number> values) {
        List<Double> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v.doubleValue()));
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String ratio(double value, double baseline) {
        return baseline <= 0 ? "n/a" : f("%.2f×", value / baseline);
    }

    static void write(Path dir, String name, String markdown) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.print(markdown);
    }
}
