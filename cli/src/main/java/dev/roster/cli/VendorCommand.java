package dev.roster.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What every command that talks to vendors shares: the common options, the run's {@link Vendors}
 * (one provider per vendor, closed at the end), the {@link Reporter} for error lines and the
 * {@link Output} in the chosen format.
 */
abstract class VendorCommand implements Callable<Integer> {

    @ParentCommand
    RosterCommand root;

    @Mixin
    CommonOptions common;

    /** The run's reporter, set while {@link #run} runs. */
    Reporter reporter;
    /** The run's vendors, set while {@link #run} runs. */
    Vendors vendors;

    @Override
    public final Integer call() {
        Terminal terminal = root.terminal();
        reporter = new Reporter(terminal.err(), Vendors.redactor(terminal), common.debug);
        Logger log = Logger.getLogger("dev.roster");
        Handler wireLog = common.debug ? new ReporterHandler(reporter) : null;
        Level before = log.getLevel();
        if (wireLog != null) {
            log.setLevel(Level.ALL);
            log.addHandler(wireLog);
        }
        try (Vendors opened = new Vendors(terminal, common.baseUris, common.debug)) {
            vendors = opened;
            return run(terminal);
        } finally {
            if (wireLog != null) {
                log.removeHandler(wireLog);
                log.setLevel(before);
            }
        }
    }

    /**
     * Does the command's work.
     *
     * @param terminal where to read and write
     * @return the exit code
     */
    abstract int run(Terminal terminal);

    /** Whether --debug was given, for the exception handler. */
    boolean debug() {
        return common != null && common.debug;
    }

    /** An output in the chosen format. */
    Output output(Terminal terminal, Output.Shape shape, List<String> columns, List<String> tableColumns) {
        return Output.of(common.output, shape, columns, tableColumns, terminal.out(), terminal.colour(), vendors.redactor());
    }

    /** Sends the library's System.Logger records (the adapters' wire logs) to stderr under --debug, redacted. */
    private static final class ReporterHandler extends Handler {
        private final Reporter reporter;

        ReporterHandler(Reporter reporter) {
            this.reporter = reporter;
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getParameters() != null && record.getParameters().length > 0) {
                message = java.text.MessageFormat.format(message, record.getParameters());
            }
            reporter.note("debug: " + record.getLoggerName() + ": " + message);
        }

        @Override
        public void flush() {
            // The reporter flushes each line.
        }

        @Override
        public void close() {
            // Nothing held.
        }
    }
}
