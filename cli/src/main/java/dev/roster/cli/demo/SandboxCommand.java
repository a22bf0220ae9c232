package dev.roster.cli.demo;

import dev.roster.cli.ExitCodes;
import dev.roster.cli.RosterCommand;
import dev.roster.cli.Terminal;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code roster sandbox}: both vendor simulators on 127.0.0.1 until Ctrl-C, with the lines that
 * point the other commands at them.
 */
@Command(mixinStandardHelpOptions = true, name = "sandbox",
        description = {"Run the vendor simulators until Ctrl-C, to try every command.",
            "Runs a simulator of every vendor on the class path on 127.0.0.1 and prints the export lines that point the other "
                    + "commands at them (fake keys; nothing leaves this machine)."},
        footerHeading = "%nExamples:%n",
        footer = {"  roster sandbox                 # terminal 1: leave it running",
            "  export ...                     # terminal 2: paste the printed lines, then",
            "  roster invite ada@example.com && roster list"})
public final class SandboxCommand implements Callable<Integer> {

    @ParentCommand
    RosterCommand root;

    /** Creates the command; picocli calls it. */
    public SandboxCommand() {
        // Nothing to set up before the options are parsed.
    }

    @Override
    public Integer call() throws InterruptedException {
        Terminal terminal = root.terminal();
        PrintWriter out = terminal.out();
        try (Simulators simulators = Simulators.start()) {
            out.println("# roster sandbox: simulators of " + String.join(", ", simulators.all().keySet())
                    + " run on 127.0.0.1 (fake keys, no network).");
            out.println("# In a second terminal, paste these lines, then try any command (./roster --help):");
            out.println();
            for (Map.Entry<String, String> variable : simulators.environment().entrySet()) {
                out.println("export " + variable.getKey() + "=" + shellQuote(variable.getValue()));
            }
            out.println();
            out.println("# ./roster invite ada@example.com grace@example.com");
            out.println("# ./roster list");
            out.println("# Press Ctrl-C to stop the simulators (their invitations are forgotten).");
            out.flush();
            terminal.stopped().await();
            out.println("# Simulators stopped.");
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** Quotes a value for a POSIX shell when it holds anything but plain characters. */
    static String shellQuote(String value) {
        return value.matches("[A-Za-z0-9_./:@%+=-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
