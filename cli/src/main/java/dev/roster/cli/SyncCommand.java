package dev.roster.cli;

import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.Secret;
import dev.roster.spi.Redactor;
import dev.roster.sync.ConnectionSpec;
import dev.roster.sync.DesiredState;
import dev.roster.sync.Problem;
import dev.roster.sync.RosterSync;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What {@code roster plan} and {@code roster apply} share: reading {@code roster.yaml} with every
 * problem at once (the file's own, then the engine's, each at its line and column), and connecting
 * one provider per vendor the file declares, configured from the file's references.
 */
abstract class SyncCommand extends VendorCommand {

    /** A value for every credential when checking the file against a provider's capabilities; never sent. */

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", defaultValue = "roster.yaml",
            description = "The desired state (default: ${DEFAULT-VALUE}); roster schema prints its JSON Schema.")
    Path file;

    /** The file read, its vendors connected, and the redactor that also masks the file's credentials. */
    static final class Loaded implements AutoCloseable {
        final RosterFile file;
        final DesiredState state;
        final RosterSync sync;
        final Redactor redactor;
        private final Map<String, InvitationProvider> providers;

        Loaded(RosterFile file, DesiredState state, Map<String, InvitationProvider> providers, Redactor redactor) {
            this.file = file;
            this.state = state;
            this.providers = providers;
            this.sync = RosterSync.of(providers);
            this.redactor = redactor;
        }

        @Override
        public void close() {
            providers.values().forEach(InvitationProvider::close);
        }
    }

    @Override
    final int run(Terminal terminal) {
        try {
            return work(terminal);
        } catch (RuntimeException e) {
            reporter.failure(null, getClass().getAnnotation(picocli.CommandLine.Command.class).name(), e);
            return failed(e);
        }
    }

    /**
     * Does the command's work; an exception it throws is reported (redacted) and mapped by {@link #failed}.
     *
     * @param terminal where to read and write
     * @return the exit code
     */
    abstract int work(Terminal terminal);

    /** The exit code for a failure: {@link ExitCodes#of} unless a command says otherwise. */
    int failed(RuntimeException failure) {
        return ExitCodes.of(failure);
    }

    /**
     * Reads the file and connects its vendors; the file's problems are printed on stderr, all of them,
     * before the exception that ends the run.
     *
     * @param terminal the run's terminal
     * @return the loaded file, whose providers the caller closes
     * @throws UsageException for a missing file or a file with problems (exit 2)
     * @throws ProviderConfigurationException for a reference to an unset variable, or a vendor that
     *     cannot be configured (exit 3)
     */
    Loaded load(Terminal terminal) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("There is no " + file + " here: give the file with -f FILE (examples/roster.yaml is a "
                    + "sample; roster schema prints the format).");
        } catch (IOException e) {
            throw new UsageException("Cannot read " + file + ": " + e.getMessage());
        }
        RosterFile parsed = RosterFile.parse(file.toString(), text, terminal.environment(), vendors.available());
        List<String> secrets = new ArrayList<>(parsed.secrets());
        for (String a : parsed.secrets()) {
            for (String b : parsed.secrets()) {
                if (!a.equals(b)) {
                    secrets.add(a + ":" + b);
                }
            }
        }
        Redactor redactor = Vendors.redactor(terminal, secrets);
        reporter = new Reporter(terminal.err(), redactor, debug());
        List<RosterFile.FileProblem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(engineProblems(parsed));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt((RosterFile.FileProblem p) -> p.position().line())
                    .thenComparingInt(p -> p.position().column()));
            problems.forEach(p -> reporter.note(parsed.fileName() + ":" + p));
            throw new UsageException(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + file
                    + " (each above, at its line:column); fix " + (problems.size() == 1 ? "it" : "them all")
                    + ". Nothing was sent to any vendor.");
        }
        if (!parsed.unsetVariables().isEmpty()) {
            parsed.unsetVariables().forEach(p -> reporter.note(parsed.fileName() + ":" + p));
            throw new ProviderConfigurationException(file + " refers to variables that are not set (each above). "
                    + "Nothing was sent to any vendor.");
        }
        Map<String, ProviderConfig> configs = new LinkedHashMap<>();
        parsed.connections().forEach(connection -> configs.put(connection.name(), config(connection)));
        requireOneConnectionPerOrganisation(parsed, configs);
        Map<String, InvitationProvider> providers = new LinkedHashMap<>();
        List<ConnectionSpec> connections = new ArrayList<>();
        try {
            for (RosterFile.Connection connection : parsed.connections()) {
                ProviderConfig config = configs.get(connection.name());
                providers.put(connection.name(), InvitationProviders.load(connection.providerId(), config));
                ConnectionSpec spec = parsed.state().connection(connection.name()).orElseThrow();
                connections.add(config.baseUri().map(URI::normalize).map(spec::withEndpoint).orElse(spec));
            }
        } catch (RuntimeException e) {
            providers.values().forEach(InvitationProvider::close);
            throw e;
        }
        return new Loaded(parsed, new DesiredState(connections, parsed.state().people()), providers, redactor);
    }

    /**
     * Refuses two vendors of the file that reach the same organisation (the same provider, base URI and
     * credentials, such as a second OpenAI entry that forgot its own key): they would undo each other.
     */
    private void requireOneConnectionPerOrganisation(RosterFile parsed, Map<String, ProviderConfig> configs) {
        Map<List<Object>, String> reached = new LinkedHashMap<>();
        List<RosterFile.FileProblem> problems = new ArrayList<>();
        for (RosterFile.Connection connection : parsed.connections()) {
            ProviderConfig config = configs.get(connection.name());
            List<Object> organisation = new ArrayList<>(List.of(connection.providerId(), config.baseUri().map(URI::normalize)
                    .map(Object::toString).orElse("")));
            ProviderConfig.KNOWN_CREDENTIALS.forEach(name -> organisation.add(config.credential(name).map(Secret::reveal)
                    .orElse("")));
            organisation.add(new java.util.TreeMap<>(config.properties())); // such as the organisation a token is used for
            String first = reached.putIfAbsent(organisation, connection.name());
            if (first != null) {
                problems.add(parsed.locate("vendors." + connection.name(), "reaches the same organisation as '" + first
                        + "' (same provider, base URI and credentials), and two connections to one organisation would undo "
                        + "each other's changes; give it its own credentials, such as credentials: {"
                        + "OPENAI_ADMIN_KEY: \"${OTHER_ORG_KEY}\"}"));
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> reporter.note(parsed.fileName() + ":" + p));
            throw new UsageException(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + file
                    + " (above). Nothing was sent to any vendor.");
        }
    }

    /** The engine's checks against each provider's capabilities: no credential and no request needed. */
    private List<RosterFile.FileProblem> engineProblems(RosterFile parsed) {
        Map<String, InvitationProvider> probes = new LinkedHashMap<>();
        ProviderConfig probeConfig = ProviderConfig.fromEnvironment(Vendors.probeEnvironment());
        try {
            for (ConnectionSpec connection : parsed.state().connections()) {
                if (vendors.available().contains(connection.providerId()) && !probes.containsKey(connection.name())) {
                    probes.put(connection.name(), InvitationProviders.load(connection.providerId(), probeConfig));
                }
            }
            List<RosterFile.FileProblem> found = new ArrayList<>();
            for (Problem problem : RosterSync.of(probes).problems(parsed.state())) {
                String name = problem.path().startsWith("vendors.") ? problem.path().substring("vendors.".length()) : null;
                if (name != null && !name.contains(".") && !probes.containsKey(name)) {
                    continue; // Its unknown provider id is already reported, at the provider: key.
                }
                found.add(parsed.locate(problem.path(), problem.message()));
            }
            return found;
        } finally {
            probes.values().forEach(InvitationProvider::close);
        }
    }

    /**
     * A connection's configuration: its credentials from the file's references (or, when it gives none,
     * from the vendors' own variables, as every roster command reads them), its base URI from the file
     * (or --base-uri / ROSTER_&lt;ID&gt;_BASE_URI), the wire log under --debug.
     */
    private ProviderConfig config(RosterFile.Connection connection) {
        Terminal terminal = root.terminal();
        Map<String, String> environment = new java.util.HashMap<>();
        if (connection.credentials().isEmpty()) {
            environment.putAll(terminal.environment());
        } else {
            // The file's credential references, and the settings (not secrets) from the environment as ever.
            ProviderConfig.KNOWN_SETTINGS.keySet().forEach(name -> terminal.variable(name).ifPresent(v -> environment.put(name, v)));
            environment.putAll(connection.credentials());
        }
        ProviderConfig.Builder builder = ProviderConfig.fromEnvironment(environment).toBuilder();
        connection.baseUri().or(() -> vendors.baseUri(connection.providerId())).ifPresent(builder::baseUri);
        if (debug()) {
            builder.property(connection.providerId() + ".httpLogLevel", "FULL");
        }
        return builder.build();
    }
}
