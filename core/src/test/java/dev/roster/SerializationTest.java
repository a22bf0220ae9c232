package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.internal.RosterExceptionAccess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exceptions are {@link java.io.Serializable}, as every Throwable is: they cross RMI, are kept by
 * frameworks that serialize failed jobs, and are cached by test runners. What a caller reads from
 * them must survive the trip.
 */
@DisplayName("A RosterException survives Java serialization")
class SerializationTest {

    private static final ErrorDetails FULL =
            ErrorDetails.of("openai").withHttpStatus(503).withVendorCode("overloaded").withRequestId("req_42");

    static Stream<RosterException> everyKind() {
        return Stream.of(
                new RosterException("plain", FULL, null),
                new AuthenticationException("401", FULL, null),
                new PermissionDeniedException("403", FULL, null),
                new NotFoundException("404", FULL, null),
                new InvalidRequestException("400", FULL, null),
                new ConflictException(ConflictException.Reason.ALREADY_MEMBER, "409", FULL, null),
                new QuotaExceededException("quota", FULL, null),
                new UnsupportedCapabilityException("unsupported", FULL, null),
                new ProviderConfigurationException("config", FULL, null),
                new ProviderNotFoundException("none", FULL, null),
                new ProviderUnavailableException("503", Optional.of(Duration.ofSeconds(9)), FULL, null),
                new RateLimitedException("429", Optional.of(Duration.ofMillis(1500)), FULL.withHttpStatus(429), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    @DisplayName("with its message, provider, status, vendor code and request id")
    void details(RosterException original) throws Exception {
        RosterException copy = roundTrip(original);

        assertThat(copy).isExactlyInstanceOf(original.getClass()).hasMessage(original.getMessage());
        assertThat(copy.details()).isEqualTo(original.details());
        assertThat(copy.providerId()).contains("openai");
        assertThat(copy.httpStatus()).isEqualTo(original.httpStatus());
        assertThat(copy.vendorCode()).contains("overloaded");
        assertThat(copy.requestId()).contains("req_42");
        assertThat(copy.attempts()).isEmpty();
    }

    @Test
    @DisplayName("with the vendor's wait on a rate limit and an outage, and none where there was none")
    void retryAfter() throws Exception {
        assertThat(roundTrip(new RateLimitedException("429", Optional.of(Duration.ofMillis(1500)), FULL, null)).retryAfter())
                .contains(Duration.ofMillis(1500));
        assertThat(roundTrip(new ProviderUnavailableException("503", Optional.of(Duration.ofSeconds(9)), FULL, null))
                .retryAfter()).contains(Duration.ofSeconds(9));
        assertThat(roundTrip(new RateLimitedException("429", Optional.empty(), FULL, null)).retryAfter()).isEmpty();
        assertThat(roundTrip(new ProviderUnavailableException("I/O")).retryAfter()).isEmpty();
    }

    @Test
    @DisplayName("with the conflict's reason, the attempts core made, and its cause")
    void reasonAttemptsAndCause() throws Exception {
        ConflictException conflict = new ConflictException(ConflictException.Reason.ACCEPTED_CANNOT_BE_REVOKED, "accepted",
                FULL, new IOException("underneath"));
        RosterExceptionAccess.recordAttempts(conflict, List.of("HTTP 503 (failed)", "HTTP 409 (failed)"));

        ConflictException copy = roundTrip(conflict);

        assertThat(copy.reason()).isEqualTo(ConflictException.Reason.ACCEPTED_CANNOT_BE_REVOKED);
        assertThat(copy.attempts()).containsExactly("HTTP 503 (failed)", "HTTP 409 (failed)");
        assertThat(copy.getMessage()).isEqualTo(conflict.getMessage()).contains("Gave up after 2 attempts");
        assertThat(copy).hasCauseInstanceOf(IOException.class).hasRootCauseMessage("underneath");
    }

    @Test
    @DisplayName("knowing nothing as before: empty details, no NullPointerException")
    void noDetails() throws Exception {
        RosterException copy = roundTrip(new RosterException("nothing known"));

        assertThat(copy.details()).isEqualTo(ErrorDetails.none());
        assertThat(copy.providerId()).isEmpty();
        assertThat(copy.httpStatus()).isEmpty();
        assertThat(copy.vendorCode()).isEmpty();
        assertThat(copy.requestId()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
