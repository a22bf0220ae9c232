package dev.roster;


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
     * @throws ProviderConfigurationException if a component is null, or the id or display name is blank
     */
    public ProviderInfo {
        Checks.notNull(id, "ProviderInfo id", "", Checks.ADAPTER);
        Checks.notNull(displayName, "ProviderInfo displayName", "", Checks.ADAPTER);
        Checks.notNull(capabilities, "ProviderInfo capabilities", "", Checks.ADAPTER);
        if (id.isBlank() || displayName.isBlank()) {
            throw new ProviderConfigurationException("A provider needs a non-blank id and display name (ProviderInfo).");
        }
    }
}
