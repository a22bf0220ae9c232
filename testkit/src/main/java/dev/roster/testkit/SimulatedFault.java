package dev.roster.testkit;

/**
 * A failure a {@link VendorSimulator} can inject into its next responses, to prove that callers
 * survive the network and the vendor misbehaving. Some faults strike before the vendor acts on the
 * request, others after: the caller cannot tell which, and must not lose or duplicate work either way.
 */
public enum SimulatedFault {
    /** The connection is reset before the request is acted on: nothing changed at the vendor. */
    CONNECTION_RESET_BEFORE_READ(false, true),
    /** The request is acted on, then the connection is reset: the change happened, the answer is lost. */
    CONNECTION_RESET_AFTER_PROCESSING(true, true),
    /** The request is acted on, then the connection closes without a byte of response. */
    EMPTY_REPLY(true, true),
    /** The request is acted on, then the answer is 200 with a body that is not JSON. */
    MALFORMED_JSON(true, true),
    /** The request is acted on, and the answer comes after {@link VendorSimulator#slowResponseDelay(java.time.Duration)}. */
    SLOW_RESPONSE(true, false),
    /** HTTP 500 with the vendor's error body; nothing changed. */
    SERVER_ERROR(false, false),
    /** HTTP 503 with {@code Retry-After}; nothing changed. */
    UNAVAILABLE_WITH_RETRY_AFTER(false, false),
    /** HTTP 429 with {@code Retry-After}; nothing changed. */
    RATE_LIMITED_WITH_RETRY_AFTER(false, false);

    private final boolean processesRequest;
    private final boolean breaksTheAnswer;

    SimulatedFault(boolean processesRequest, boolean breaksTheAnswer) {
        this.processesRequest = processesRequest;
        this.breaksTheAnswer = breaksTheAnswer;
    }

    /**
     * Whether the vendor acts on the request before the fault strikes.
     *
     * @return true if the request's effect happens despite the fault
     */
    public boolean processesRequest() {
        return processesRequest;
    }

    /**
     * Whether the fault breaks the vendor's answer on purpose (no answer at all, or a body that is
     * not JSON), so that a simulator {@link VendorSimulator#validatedAgainst validating its traffic}
     * checks only the request of such an exchange. The other faults answer as the vendor would
     * (its error body, on time or late) and are checked in full.
     *
     * @return true if the answer is deliberately not what the vendor's contract allows
     */
    public boolean breaksTheAnswer() {
        return breaksTheAnswer;
    }
}
