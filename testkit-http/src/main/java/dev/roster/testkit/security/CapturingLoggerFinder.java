package dev.roster.testkit.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A {@link System.LoggerFinder} that, while {@link #start() started}, keeps every record logged
 * through {@link System.Logger}, by any logger at any level ({@code ALL}: TRACE and DEBUG included,
 * the JDK's own loggers too), so a test can search what Roster, its adapters, Feign's wire log and
 * the JDK's HTTP client wrote. Roster logs only through {@code System.Logger}; the adapters send
 * Feign's wire log there too, at DEBUG.
 *
 * <p>The JDK finds it only when a test class path registers it: put a file
 * {@code src/test/resources/META-INF/services/java.lang.System$LoggerFinder} holding the line
 * {@code dev.roster.testkit.security.CapturingLoggerFinder}. It then serves the whole test JVM and prints
 * nothing; between {@link #start()} and {@link #stop()} every logger is enabled, otherwise none
 * is, so that other tests do not pay for the JDK's debug logging. {@link #installed()} tells a
 * test whether the registration took effect.
 */
public final class CapturingLoggerFinder extends System.LoggerFinder {

    private static final List<String> RECORDS = new ArrayList<>();
    private static volatile boolean capturing;

    /** For {@link java.util.ServiceLoader}. */
    public CapturingLoggerFinder() {
        // Records go to a static list: the JDK creates one finder per JVM.
    }

    /**
     * Whether this class is the JVM's logger finder, so that {@link #records()} sees everything.
     *
     * @return true if the service registration took effect
     */
    public static boolean installed() {
        return System.LoggerFinder.getLoggerFinder() instanceof CapturingLoggerFinder;
    }

    /**
     * Every record since the last {@link #start()}, oldest first: {@code LEVEL logger: message},
     * with the formatted parameters, each parameter's own {@code toString}, and the full stack trace
     * of a thrown exception (causes and suppressed included).
     *
     * @return a copy of the records
     */
    public static List<String> records() {
        synchronized (RECORDS) {
            return List.copyOf(RECORDS);
        }
    }

    /** Forgets the records kept so far, and enables every logger at every level until {@link #stop()}. */
    public static void start() {
        synchronized (RECORDS) {
            RECORDS.clear();
            capturing = true;
        }
    }

    /** Disables every logger again; the records stay readable until the next {@link #start()}. */
    public static void stop() {
        capturing = false;
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new Capturing(name);
    }

    private static void keep(String record) {
        synchronized (RECORDS) {
            if (capturing) {
                RECORDS.add(record);
            }
        }
    }

    /** Logs everything, at every level, to {@link #RECORDS}. */
    private record Capturing(String getName) implements System.Logger {

        @Override
        public boolean isLoggable(Level level) {
            return capturing && level != Level.OFF;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (!isLoggable(level)) {
                return;
            }
            StringBuilder record = new StringBuilder(level + " " + getName + ": " + msg);
            if (thrown != null) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                record.append('\n').append(trace);
            }
            keep(record.toString());
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (!isLoggable(level)) {
                return;
            }
            StringBuilder record = new StringBuilder(level + " " + getName + ": ");
            if (params == null || params.length == 0) {
                record.append(format);
            } else {
                try {
                    record.append(MessageFormat.format(format, params));
                } catch (IllegalArgumentException notAFormat) {
                    record.append(format);
                }
                for (Object param : params) {
                    record.append("\n  param: ").append(param);
                }
            }
            keep(record.toString());
        }
    }
}
