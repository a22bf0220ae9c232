package dev.roster.provider.support;

import dev.roster.spi.Redactor;
import feign.Logger;
import feign.Request;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Feign's wire log without credentials, whatever the level: the value of a credential header
 * ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}) is shown
 * as {@link Redactor#MASK}, so the log still says the header was sent, and as a second line of
 * defence every line goes through the {@link Redactor} (a vendor echoing a key in a body, say)
 * before it reaches the sink.
 */
public final class RedactingLogger extends Logger {

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
    /** The format Feign's {@link Logger} writes each header with: name, then value. */
    private static final String HEADER_FORMAT = "%s: %s";

    private final Redactor redactor;
    private final Consumer<String> sink;
    /** Headers the transport adds to every request after Feign has logged it: shown with Feign's own. */
    private final Map<String, Collection<String>> transportHeaders;

    /**
     * A logger writing each finished, redacted line to the sink.
     *
     * @param redactor masks the credentials that must never be written, in any encoding
     * @param sink where lines go, such as a {@link System.Logger}
     */
    public RedactingLogger(Redactor redactor, Consumer<String> sink) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.transportHeaders = Map.of();
    }

    private RedactingLogger(RedactingLogger logger, Map<String, String> transportHeaders) {
        this.redactor = logger.redactor;
        this.sink = logger.sink;
        Map<String, Collection<String>> shown = new LinkedHashMap<>(logger.transportHeaders);
        transportHeaders.forEach((name, value) -> shown.put(name, List.of(value)));
        this.transportHeaders = Collections.unmodifiableMap(shown);
    }

    /** This logger, also showing the headers the transport sets on every request (see {@link FeignClients.Builder#header}). */
    RedactingLogger showingTransportHeaders(Map<String, String> headers) {
        return headers.isEmpty() ? this : new RedactingLogger(this, headers);
    }

    @Override
    protected void logRequest(String configKey, Level logLevel, Request request) {
        if (transportHeaders.isEmpty()) {
            super.logRequest(configKey, logLevel, request);
            return;
        }
        Map<String, Collection<String>> sent = new LinkedHashMap<>(request.headers());
        sent.putAll(transportHeaders);
        super.logRequest(configKey, logLevel, Request.create(request.httpMethod(), request.url(), sent, request.body(),
                request.charset(), request.requestTemplate()));
    }

    /**
     * A logger writing to the {@link System.Logger} of that name at {@code DEBUG}.
     *
     * @param loggerName such as {@code dev.roster.openai.http}
     * @param redactor masks the credentials that must never be written
     * @return the logger
     */
    public static RedactingLogger toSystemLogger(String loggerName, Redactor redactor) {
        System.Logger target = System.getLogger(Objects.requireNonNull(loggerName, "loggerName"));
        return new RedactingLogger(redactor, line -> target.log(System.Logger.Level.DEBUG, line));
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        Object[] shown = args;
        if (HEADER_FORMAT.equals(format) && args.length == 2 && args[0] != null
                && CREDENTIAL_HEADERS.contains(args[0].toString().toLowerCase(Locale.ROOT))) {
            shown = new Object[] {args[0], Redactor.MASK};
        }
        sink.accept(redactor.redact(methodTag(configKey) + String.format(format, shown)));
    }
}
