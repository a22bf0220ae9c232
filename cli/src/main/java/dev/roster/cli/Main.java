package dev.roster.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code roster} command's entry point. */
public final class Main {

    private Main() {}

    /**
     * Runs {@code roster} and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code = commandLine(Terminal.system()).execute(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * The {@code roster} command line, reading and writing through the given terminal: what
     * {@link #main} runs, and what tests and the demo call {@code execute} on.
     *
     * @param terminal the streams and environment
     * @return the command line
     */
    public static CommandLine commandLine(Terminal terminal) {
        CommandLine commandLine = new CommandLine(new RosterCommand(terminal));
        commandLine.setOut(terminal.out());
        commandLine.setErr(terminal.err());
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
                terminal.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(new ExitCodes());
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            Object command = failed.getCommand();
            boolean debug = command instanceof VendorCommand vendorCommand && vendorCommand.debug();
            Reporter reporter = new Reporter(terminal.err(), Vendors.redactor(terminal), debug);
            if (failure instanceof CommandLine.ParameterException usage) {
                throw usage;
            }
            String vendor = failure instanceof UsageException usage ? usage.vendor() : null;
            reporter.failure(vendor, failed.getCommandName(), failure);
            return new ExitCodes().getExitCode(failure);
        });
        commandLine.setParameterExceptionHandler((failure, args) -> {
            CommandLine failed = failure.getCommandLine();
            PrintWriter err = failed.getErr();
            // picocli's own messages may start with "Error: ", which the line's prefix already says.
            err.println("error: " + failure.getMessage().replaceFirst("^(?i)error: ", ""));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(failure, err)) {
                err.println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage and examples.");
            }
            err.flush();
            return ExitCodes.USAGE;
        });
        return commandLine;
    }
}
