package dev.roster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        List<T> copy = new ArrayList<>(notNull(values, what, hint, error));
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i) == null) {
                throw error.apply(what + " must not hold null; element " + i + " is null." + (hint.isEmpty() ? "" : " " + hint));
            }
        }
        return List.copyOf(copy);
    }

    /** An immutable copy of the map, refusing a null map, key or value, naming which. */
    static <K, V> Map<K, V> map(Map<K, V> values, String what, String hint, Function<String, RosterException> error) {
        Map<K, V> copy = new LinkedHashMap<>(notNull(values, what, hint, error));
        copy.forEach((key, value) -> {
            if (key == null) {
                throw error.apply(what + " must not hold a null key." + (hint.isEmpty() ? "" : " " + hint));
            }
            if (value == null) {
                throw error.apply(what + " must not hold a null value; the one for " + dev.roster.spi.InputRules.quote(String.valueOf(key)) + " is null."
                        + (hint.isEmpty() ? "" : " " + hint));
            }
        });
        return Map.copyOf(copy);
    }
}
