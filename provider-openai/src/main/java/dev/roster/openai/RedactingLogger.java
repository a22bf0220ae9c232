package dev.roster.openai;

import dev.roster.Secret;
import feign.Logger;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Feign's wire log without credentials, whatever the level: the {@code Authorization} header (and
 * other credential headers) is shown as {@code [redacted]}, and any line that still contains the
 * key itself (a vendor echoing it, say) has it replaced before it is written.
 */
final class RedactingLogger extends Logger {

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
    private static final String REDACTED = "[redacted]";

    private final String secret;
    private final Consumer<String> sink;

    /**
     * A logger writing each line to the sink.
     *
     * @param key the credential that must never appear
     * @param sink where lines go, such as a {@link System.Logger}
     */
    RedactingLogger(Secret key, Consumer<String> sink) {
        this.secret = Objects.requireNonNull(key, "key").reveal();
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
        sink.accept(line.replace(secret, REDACTED));
    }
}
