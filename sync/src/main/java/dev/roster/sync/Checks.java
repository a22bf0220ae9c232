package dev.roster.sync;

import dev.roster.InvalidRequestException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Structural checks for the engine's inputs: a null where a value is required is a typed error, before any I/O. */
final class Checks {

    private Checks() {}

    static <T> T required(T value, String what) {
        if (value == null) {
            throw new InvalidRequestException(what + " is required; got null.");
        }
        return value;
    }

    static <T> List<T> list(List<T> values, String what) {
        required(values, what);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidRequestException(what + "[" + i + "] is null; remove it or give a value.");
            }
        }
        return List.copyOf(values);
    }

    /** An unmodifiable copy that keeps the caller's order (the file's order, for messages and plans). */
    static <V> Map<String, V> orderedMap(Map<String, V> values, String what) {
        required(values, what);
        Map<String, V> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new InvalidRequestException(what + " has a null " + (key == null ? "key" : "value for '" + key + "'")
                        + "; remove the entry or give a value.");
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** The key people are matched by: trimmed and lower-cased, as every vendor compares addresses. */
    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
