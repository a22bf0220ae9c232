package dev.roster.confluent.internal;

import dev.roster.spi.Redactor;
import feign.Logger;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Feign's HTTP log without credentials, whatever the level: the {@code Authorization} header (and
 * its proxy and cookie cousins) is never written, and as a second line of defence every log line
 * goes through the {@link Redactor}, which masks the API key, its secret and their Base64 form.
 */
final class RedactingLogger extends Logger {

    private static final Set<String> SENSITIVE_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
    private final Consumer<String> sink;
    private final Redactor redactor;

    /**
     * A logger writing to the sink.
     *
     * @param sink receives each finished line
     * @param redactor masks the values that must never be written
     */
    RedactingLogger(Consumer<String> sink, Redactor redactor) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /**
     * A logger writing to {@link System.Logger} {@code dev.roster.confluent.http} at DEBUG.
     *
     * @param redactor masks the values that must never be written
     * @return the logger
     */
    static RedactingLogger toSystemLogger(Redactor redactor) {
        System.Logger target = System.getLogger("dev.roster.confluent.http");
        return new RedactingLogger(line -> target.log(System.Logger.Level.DEBUG, line), redactor);
    }

    @Override
    protected boolean shouldLogRequestHeader(String header) {
        return header == null || !SENSITIVE_HEADERS.contains(header.toLowerCase(Locale.ROOT));
    }

    @Override
    protected boolean shouldLogResponseHeader(String header) {
        return shouldLogRequestHeader(header);
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        sink.accept(redact(methodTag(configKey) + String.format(format, args)));
    }

    String redact(String line) {
        return redactor.redact(line);
    }
}
