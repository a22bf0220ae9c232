package dev.roster.cli;

import dev.roster.cli.demo.DemoCommand;
import dev.roster.cli.demo.SandboxCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: {@code roster}, whose subcommands do the work. */
@Command(name = "roster",
        mixinStandardHelpOptions = true,
        versionProvider = RosterCommand.Version.class,
        description = {"Invite people into SaaS organisations, find, list and revoke their invitations, list and "
                + "offboard members, at every vendor at once."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            VendorsCommand.class, InviteCommand.class, ListCommand.class, FindCommand.class, GetCommand.class,
            RevokeCommand.class, MembersCommand.class, OffboardCommand.class, PlanCommand.class, ApplyCommand.class, SchemaCommand.class, DemoCommand.class,
            SandboxCommand.class, CompletionCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  roster demo                 # the main job on simulators: no keys, no network",
            "  roster vendors              # which vendors are here, and configured",
            "  roster invite ada@example.com grace@example.com",
            "  roster list --status pending -o json | jq -r .email",
            "  roster revoke --email ada@example.com --yes",
            "  roster members              # who accepted, at every vendor",
            "  roster offboard ada@example.com   # invitations revoked, member removed",
            "  roster plan -f roster.yaml  # what it takes to make the vendors match the file",
            "  roster apply -f roster.yaml",
            "",
            "Run 'roster COMMAND --help' for a command's options and examples.",
            "",
            "Exit codes: 0 done; 1 some operation failed (the rest was done);",
            "  2 bad usage or input (nothing sent); 3 configuration or credentials",
            "  (missing key, 401, 403).",
            "Environment: the vendors' own variables (roster vendors lists those each",
            "  vendor needs); ROSTER_<ID>_BASE_URI to point a vendor elsewhere (a proxy,",
            "  roster sandbox); NO_COLOR."})
public final class RosterCommand implements Runnable {

    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    /**
     * The command, reading and writing through the given terminal.
     *
     * @param terminal the streams and environment of the run
     */
    public RosterCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /**
     * The run's streams and environment.
     *
     * @return the terminal
     */
    public Terminal terminal() {
        return terminal;
    }

    /** Without a subcommand: the usage, on stderr, as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: try roster demo, or roster --help.");
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RosterCommand.class.getPackage().getImplementationVersion();
            return new String[] {"roster " + (version == null ? "(development build)" : version)};
        }
    }
}
