package dev.roster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Null checks for the public API's constructors and methods: a typed {@link RosterException}
 * naming the argument, never a bare {@link NullPointerException}. Which type depends on who passes
 * the value: a caller ({@link InvalidRequestException}), an adapter describing itself
 * ({@link ProviderConfigurationException}) or an adapter reporting a vendor's answer
 * ({@link ProviderUnavailableException}: an answer without a required value cannot be read).
 */
final class Checks {

    /** For values a caller passes. */
    static final Function<String, RosterException> CALLER = InvalidRequestException::new;
    /** For what an adapter declares about itself. */
    static final Function<String, RosterException> ADAPTER = ProviderConfigurationException::new;
    /** For what an adapter read from a vendor's answer. */
    static final Function<String, RosterException> ANSWER = ProviderUnavailableException::new;

    private Checks() {}

    /** The value, or the error naming it: {@code "<what> is required; got null. <hint>"}. */
    static <T> T notNull(T value, String what, String hint, Function<String, RosterException> error) {
        if (value == null) {
            throw error.apply(what + " is required; got null." + (hint.isEmpty() ? "" : " " + hint));
        }
        return value;
    }

    /** An immutable copy of the list, refusing a null list or null element, naming both. */
    static <T> List<T> list(List<T> values, String what, String hint, Function<String, RosterException> error) {
        return list(values, what, () -> hint, error);
    }

    /**
     * As {@link #list(List, String, String, Function)}, the hint built only for an error. An immutable
     * list is returned as it is, anything else copied once: this runs for every item of every page read.
     */
    static <T> List<T> list(List<T> values, String what, Supplier<String> hint, Function<String, RosterException> error) {
        if (values == null) {
            throw error.apply(what + " is required; got null." + suffix(hint));
        }
        try {
            return List.copyOf(values);
        } catch (NullPointerException hasNull) {
            int at = new ArrayList<>(values).indexOf(null);
            throw error.apply(what + " must not hold null; element " + at + " is null." + suffix(hint));
        }
    }

    /** An immutable copy of the map, refusing a null map, key or value, naming which. */
    static <K, V> Map<K, V> map(Map<K, V> values, String what, String hint, Function<String, RosterException> error) {
        return map(values, what, () -> hint, error);
    }

    /** As {@link #map(Map, String, String, Function)}, the hint built only for an error, an immutable map returned as it is. */
    static <K, V> Map<K, V> map(Map<K, V> values, String what, Supplier<String> hint, Function<String, RosterException> error) {
        if (values == null) {
            throw error.apply(what + " is required; got null." + suffix(hint));
        }
        try {
            return Map.copyOf(values);
        } catch (NullPointerException hasNull) {
            for (Map.Entry<K, V> entry : new LinkedHashMap<>(values).entrySet()) {
                if (entry.getKey() == null) {
                    throw error.apply(what + " must not hold a null key." + suffix(hint));
                }
                if (entry.getValue() == null) {
                    throw error.apply(what + " must not hold a null value; the one for "
                            + dev.roster.spi.InputRules.quote(String.valueOf(entry.getKey())) + " is null." + suffix(hint));
                }
            }
            throw hasNull;
        }
    }

    private static String suffix(Supplier<String> hint) {
        String text = hint.get();
        return text.isEmpty() ? "" : " " + text;
    }
}
