package dev.roster.cli;

import dev.roster.RosterException;
import dev.roster.spi.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Writes failures to stderr, one line each: vendor, what failed, the reason in words, the vendor's
 * HTTP status and request id, the message and what to do. The stack trace follows only with
 * {@code --debug}. Everything goes through a {@link Redactor} of the configured credentials first,
 * so not even a vendor echoing a key can put it on the screen.
 */
final class Reporter {

    private final PrintWriter err;
    private final Redactor redactor;
    private final boolean debug;

    Reporter(PrintWriter err, Redactor redactor, boolean debug) {
        this.err = err;
        this.redactor = redactor;
        this.debug = debug;
    }

    /**
     * Reports a failure.
     *
     * @param vendor the vendor it happened at, or null
     * @param what what was being done, such as {@code "invite ada@example.com"}
     * @param failure what went wrong
     */
    void failure(String vendor, String what, Throwable failure) {
        err.println(redactor.redact(line(vendor, what, failure)));
        if (debug) {
            StringWriter trace = new StringWriter();
            redactor.redact(failure).printStackTrace(new PrintWriter(trace));
            err.print(redactor.redact(trace.toString()));
        }
        err.flush();
    }

    /**
     * Writes a note to stderr (redacted).
     *
     * @param text the note
     */
    void note(String text) {
        err.println(redactor.redact(text));
        err.flush();
    }

    /**
     * The error line for a failure.
     *
     * @param vendor the vendor, or null
     * @param what what was being done, or null
     * @param failure what went wrong
     * @return one line
     */
    static String line(String vendor, String what, Throwable failure) {
        StringBuilder out = new StringBuilder("error: ");
        if (vendor != null) {
            out.append(vendor).append(": ");
        }
        if (what != null) {
            out.append(what).append(": ");
        }
        out.append(ExitCodes.reason(failure));
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (failure instanceof RosterException roster) {
            roster.httpStatus().ifPresent(status -> out.append(", HTTP ").append(status));
            roster.requestId().ifPresent(id -> out.append(", request id ").append(id));
            String details = roster.details().toString();
            if (!details.isEmpty()) {
                message = message.replace(" " + details, "").replace(details, "");
            }
        }
        message = message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        if (!message.isEmpty()) {
            out.append(": ").append(message);
            if (!message.endsWith(".")) {
                out.append('.');
            }
        }
        out.append(" Next: ").append(ExitCodes.advice(failure));
        return out.toString();
    }
}
