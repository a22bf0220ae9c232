package dev.roster.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.ConflictException;
import dev.roster.ErrorDetails;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import dev.roster.RosterException;
import dev.roster.provider.support.ErrorResponses;
import dev.roster.spi.HttpFailures;
import dev.roster.spi.Redactor;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps OpenAI's error answers, {@code {"error": {"message", "type", "param", "code"}}} with an HTTP
 * status, onto the {@link RosterException} hierarchy through {@link HttpFailures}, carrying the
 * {@code x-request-id}, OpenAI's message and code, and for 429/503 the wait OpenAI asked for
 * ({@code retry-after-ms}, else {@code Retry-After}). A body that is not that JSON still yields a
 * typed error with the status and a snippet of the body. A redirect (3xx) is a
 * {@link ProviderConfigurationException}: the client follows none, so the key never reaches
 * another host.
 *
 * <p>Conflicts: OpenAI's contract documents no error bodies for invites, so a 409 (or a 400 that
 * says so) is classified by its {@code code}, then by its message: a pending invite for the email
 * is {@link ConflictException.Reason#ALREADY_INVITED}, an existing member
 * {@link ConflictException.Reason#ALREADY_MEMBER}. Any 409 to a delete is
 * {@link ConflictException.Reason#ACCEPTED_CANNOT_BE_REVOKED}: the only refusal OpenAI documents for
 * it. Anything else is {@link ConflictException.Reason#OTHER}.
 */
final class OpenAiErrorDecoder implements ErrorDecoder {

    private static final Pattern ALREADY_INVITED =
            Pattern.compile("invite_already_exists|already (been )?invited|already (has )?(a )?pending|invite .*already exists");
    private static final Pattern ALREADY_MEMBER =
            Pattern.compile("already_member|user_already_exists|already (a )?member|already (in|part of) (the|this|your) organi[sz]ation");
    private static final Pattern ACCEPTED = Pattern.compile("accepted");
    /** Key-like tokens a vendor message may echo (OpenAI shows part of a wrong key): never repeated. */
    private static final Pattern KEY_LIKE = Pattern.compile("sk-[A-Za-z0-9_*\\-]{4,}");

    private final ObjectMapper json;
    private final Clock clock;
    private final Redactor redactor;

    /**
     * A decoder.
     *
     * @param json reads OpenAI's error bodies
     * @param clock for {@code Retry-After} dates
     * @param redactor removes the admin key from everything OpenAI (or a proxy) sends back: bodies
     *     and headers are redacted before anything is read from them
     */
    OpenAiErrorDecoder(ObjectMapper json, Clock clock, Redactor redactor) {
        this.json = json;
        this.clock = clock;
        this.redactor = redactor;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        String body = ErrorResponses.body(response, redactor);
        Optional<OpenAiJson.ErrorBody> error = parse(body);
        String vendorMessage = error.map(OpenAiJson.ErrorBody::message).filter(m -> !m.isBlank())
                .map(m -> KEY_LIKE.matcher(m).replaceAll("sk-***")).orElse(null);
        String code = error.map(OpenAiJson.ErrorBody::code).filter(c -> !c.isBlank()).orElse(null);
        ErrorDetails details = ErrorDetails.of(OpenAiProviderFactory.ID).withHttpStatus(status).withVendorCode(code)
                .withRequestId(header(response, "x-request-id").orElse(null));
        Operation operation = Operation.of(methodKey);
        String said = vendorMessage != null
                ? "OpenAI answered HTTP " + status + " to " + operation.description + ": " + vendorMessage
                : "OpenAI answered HTTP " + status + " to " + operation.description + " with a body that is not its JSON "
                        + "error format: " + HttpFailures.snippet(KEY_LIKE.matcher(body).replaceAll("sk-***")) + ".";

        if (status >= 300 && status <= 399) {
            // The HTTP client follows no redirect: the admin key must never travel to another host.
            return HttpFailures.redirected(status, header(response, "Location"), "OpenAI", details);
        }
        if (status == 404 && error.isEmpty()) {
            return HttpFailures.notFoundElsewhere(said, details);
        }
        if (status == 404 && vendorMessage != null && vendorMessage.startsWith("Invalid URL")) {
            return new ProviderConfigurationException(said + " The base URI is probably wrong: it must end in /v1, as in "
                    + OpenAiProviderFactory.DEFAULT_BASE_URI + ".", details, null);
        }
        if (status == 409 || status == 400) {
            Optional<ConflictException> conflict = conflict(status, operation, said, code, vendorMessage, details);
            if (conflict.isPresent()) {
                return conflict.get();
            }
        }
        String hint = status == 401 || status == 403
                ? " The openai provider needs an OpenAI admin key (sk-admin-..., set as " + ProviderConfig.OPENAI_ADMIN_KEY
                        + "); project API keys cannot manage invites."
                : "";
        return HttpFailures.forStatus(status, said + hint, details, retryAfter(response));
    }

    private Optional<ConflictException> conflict(int status, Operation operation, String said, String code,
            String vendorMessage, ErrorDetails details) {
        String evidence = ((code == null ? "" : code) + " " + (vendorMessage == null ? "" : vendorMessage)).toLowerCase(Locale.ROOT);
        if (operation == Operation.DELETE && (status == 409 || ACCEPTED.matcher(evidence).find())) {
            return Optional.of(new ConflictException(ConflictException.Reason.ACCEPTED_CANNOT_BE_REVOKED,
                    "The invitation was already accepted, so it cannot be revoked: remove the user from the organization "
                            + "instead (OpenAI Admin API: DELETE /organization/users/{user_id}). " + said,
                    details, null));
        }
        if (operation == Operation.CREATE && ALREADY_MEMBER.matcher(evidence).find()) {
            return Optional.of(new ConflictException(ConflictException.Reason.ALREADY_MEMBER,
                    "The person is already a member of the OpenAI organization, so there is nobody to invite. " + said,
                    details, null));
        }
        if (operation == Operation.CREATE && ALREADY_INVITED.matcher(evidence).find()) {
            return Optional.of(new ConflictException(ConflictException.Reason.ALREADY_INVITED,
                    "The email already has a pending OpenAI invitation. " + said, details, null));
        }
        return status == 409
                ? Optional.of(new ConflictException(ConflictException.Reason.OTHER, said, details, null))
                : Optional.empty();
    }

    private Optional<Duration> retryAfter(Response response) {
        Optional<Duration> millis = header(response, "retry-after-ms").flatMap(HttpFailures::parseMillis);
        return millis.isPresent() ? millis : HttpFailures.parseRetryAfter(header(response, "Retry-After").orElse(null), clock);
    }

    private Optional<OpenAiJson.ErrorBody> parse(String body) {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try {
            OpenAiJson.ErrorEnvelope envelope = json.readValue(body, OpenAiJson.ErrorEnvelope.class);
            return Optional.ofNullable(envelope).map(OpenAiJson.ErrorEnvelope::error);
        } catch (IOException | RuntimeException notOpenAiJson) {
            return Optional.empty();
        }
    }

    private Optional<String> header(Response response, String name) {
        return ErrorResponses.header(response, name, redactor);
    }

    /** Which call failed, from Feign's method key such as {@code OpenAiApi#delete(String)}. */
    enum Operation {
        LIST("list", "a list of invites"),
        CREATE("create", "an invite request"),
        RETRIEVE("retrieve", "an invite lookup"),
        DELETE("delete", "an invite deletion"),
        LIST_USERS("listUsers", "a list of users"),
        RETRIEVE_USER("retrieveUser", "a user lookup"),
        DELETE_USER("deleteUser", "a user removal");

        final String method;
        final String description;

        Operation(String method, String description) {
            this.method = method;
            this.description = description;
        }

        static Operation of(String methodKey) {
            String key = methodKey == null ? "" : methodKey;
            for (Operation operation : values()) {
                if (key.contains("#" + operation.method + "(")) {
                    return operation;
                }
            }
            return RETRIEVE;
        }
    }
}
