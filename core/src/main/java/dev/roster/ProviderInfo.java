package dev.roster;

import java.util.Objects;

/**
 * Who a provider is and what it can do.
 *
 * @param id the short id it is loaded by, such as {@code "openai"}; also the suffix of its artifact,
 *     {@code dev.roster:roster-provider-<id>}
 * @param displayName a name for people, such as {@code "OpenAI"}
 * @param capabilities what it supports
 */
public record ProviderInfo(String id, String displayName, Capabilities capabilities) {

    /**
     * Checks that nothing is null or blank.
     *
     * @param id the short id it is loaded by, such as {@code "openai"}; also the suffix of its artifact, {@code dev.roster:roster-provider-<id>}
     * @param displayName a name for people, such as {@code "OpenAI"}
     * @param capabilities what it supports
     * @throws IllegalArgumentException if the id or display name is blank
     */
    public ProviderInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(capabilities, "capabilities");
        if (id.isBlank() || displayName.isBlank()) {
            throw new IllegalArgumentException("A provider needs a non-blank id and display name");
        }
    }
}
