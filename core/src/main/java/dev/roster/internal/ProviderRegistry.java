package dev.roster.internal;

import dev.roster.spi.InvitationProviderFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The provider factories found on a class loader, each failure to load one reported and skipped
 * so that a broken adapter does not hide the others.
 *
 * @param factories the factories that loaded, by id, each id with every factory that claims it
 * @param failures one line per factory that could not be loaded, saying why
 */
public record ProviderRegistry(Map<String, List<InvitationProviderFactory>> factories, List<String> failures) {

    private static final System.Logger LOG = System.getLogger("dev.roster.InvitationProviders");

    /** Stops a broken service file from keeping the scan going forever. */
    private static final int MAX_ENTRIES = 10_000;

    /**
     * Takes immutable copies.
     *
     * @param factories the factories that loaded, by id
     * @param failures one line per factory that could not be loaded
     */
    public ProviderRegistry {
        Map<String, List<InvitationProviderFactory>> copy = new LinkedHashMap<>();
        factories.forEach((id, list) -> copy.put(id, List.copyOf(list)));
        factories = java.util.Collections.unmodifiableMap(copy);
        failures = List.copyOf(failures);
    }

    /**
     * Scans a class loader for {@link InvitationProviderFactory} registrations.
     *
     * @param loader where to look
     * @return what was found, and what failed
     */
    public static ProviderRegistry scan(ClassLoader loader) {
        Map<String, List<InvitationProviderFactory>> found = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        Iterator<InvitationProviderFactory> it = ServiceLoader.load(InvitationProviderFactory.class, loader).iterator();
        for (int i = 0; i < MAX_ENTRIES; i++) {
            InvitationProviderFactory factory;
            try {
                if (!it.hasNext()) {
                    break;
                }
                factory = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                report(failures, "a provider factory could not be loaded and was skipped: " + describe(e), e);
                continue;
            }
            String id;
            try {
                id = factory.id();
            } catch (RuntimeException | LinkageError e) {
                report(failures, factory.getClass().getName() + ".id() failed, so it was skipped: " + describe(e), e);
                continue;
            }
            if (id == null || id.isBlank()) {
                report(failures, factory.getClass().getName() + " has no id, so it was skipped", null);
                continue;
            }
            found.computeIfAbsent(id.strip(), k -> new ArrayList<>()).add(factory);
        }
        return new ProviderRegistry(found, failures);
    }

    private static void report(List<String> failures, String message, Throwable cause) {
        failures.add(message);
        LOG.log(System.Logger.Level.WARNING, "Roster: " + message, cause);
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            out.append(" <- ").append(cause);
        }
        return out.toString();
    }
}
