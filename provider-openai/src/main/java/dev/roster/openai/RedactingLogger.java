package dev.roster.openai;

import dev.roster.spi.Redactor;
import feign.Logger;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Feign's wire log without credentials, whatever the level: the {@code Authorization} header (and
 * other credential headers) is shown as {@code [redacted]}, and any line that still contains the
 * key in any form (a vendor echoing it, say) goes through the {@link Redactor} before it is written.
 */
final class RedactingLogger extends Logger {

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
    private static final String REDACTED = Redactor.MASK;

    private final Redactor redactor;
    private final Consumer<String> sink;

    /**
     * A logger writing each line to the sink.
     *
     * @param redactor masks the credentials that must never appear
     * @param sink where lines go, such as a {@link System.Logger}
     */
    RedactingLogger(Redactor redactor, Consumer<String> sink) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        Object[] shown = args.clone();
        if (format.equals("%s: %s") && shown.length == 2 && shown[0] != null
                && CREDENTIAL_HEADERS.contains(shown[0].toString().toLowerCase(Locale.ROOT))) {
            shown[1] = REDACTED;
        }
        String line = methodTag(configKey) + String.format(format, shown);
        sink.accept(redactor.redact(line));
    }
}
