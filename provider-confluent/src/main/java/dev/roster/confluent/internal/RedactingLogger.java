package dev.roster.confluent.internal;

import feign.Logger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Feign's HTTP log without credentials, whatever the level: the {@code Authorization} header (and
 * its proxy and cookie cousins) is never written, and as a second line of defence any occurrence of
 * the API key, its secret or their Base64 form in a log line is replaced by {@code ****}.
 */
final class RedactingLogger extends Logger {

    private static final Set<String> SENSITIVE_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
    private static final String MASK = "****";

    private final Consumer<String> sink;
    private final List<String> secrets;

    /**
     * A logger writing to the sink.
     *
     * @param sink receives each finished line
     * @param secrets values that must never be written (blank ones are ignored)
     */
    RedactingLogger(Consumer<String> sink, List<String> secrets) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /**
     * A logger writing to {@link System.Logger} {@code dev.roster.confluent.http} at DEBUG.
     *
     * @param secrets values that must never be written
     * @return the logger
     */
    static RedactingLogger toSystemLogger(List<String> secrets) {
        System.Logger target = System.getLogger("dev.roster.confluent.http");
        return new RedactingLogger(line -> target.log(System.Logger.Level.DEBUG, line), secrets);
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
        String out = line;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
