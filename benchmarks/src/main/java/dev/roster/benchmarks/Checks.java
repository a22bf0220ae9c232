package dev.roster.benchmarks;

import java.util.List;

/** Cheap checks that a benchmarked call got the answer it should, so errors cannot pass for speed. */
final class Checks {

    private Checks() {}

    static <T> T id(String actual, String expected, T result) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("expected invitation " + expected + ", got " + actual);
        }
        return result;
    }

    static <T> T size(List<?> items, T result) {
        if (items.size() != 100) {
            throw new IllegalStateException("expected a page of 100, got " + items.size());
        }
        return result;
    }
}
