package dev.roster.testkit.simulator;

/**
 * A failure a {@link VendorSimulator} can inject into its next responses, to prove that callers
 * survive the network and the vendor misbehaving. Some faults strike before the vendor acts on the
 * request, others after: the caller cannot tell which, and must not lose or duplicate work either way.
 * The faults after {@link #RATE_LIMITED_WITH_RETRY_AFTER} are what a broken proxy or vendor may answer
 * once the request was acted on: a body cut short, structurally wrong 2xx bodies, a status HTTP does
 * not define, a header the client cannot read. An adapter must read each as an unknown outcome, never
 * as "nothing there".
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
    RATE_LIMITED_WITH_RETRY_AFTER(false, false),
    /** The request is acted on, then the answer's body is cut in half (a proxy or network cutting it short). */
    TRUNCATED_BODY(true, true),
    /** The request is acted on, then the answer is 200 with the JSON {@code {}}. */
    EMPTY_OBJECT(true, true),
    /** The request is acted on, then the answer is 200 with {@code {"data":null}}. */
    NULL_DATA(true, true),
    /** The request is acted on, then the answer is 200 with the JSON {@code null}. */
    JSON_NULL(true, true),
    /** The request is acted on, then the answer is 200 with an empty body. */
    EMPTY_BODY(true, true),
    /** The request is acted on, then the answer is 204 No Content. */
    NO_CONTENT(true, true),
    /** The request is acted on, then the answer is the vendor's error body (a 500's) with status 200. */
    ERROR_BODY_WITH_200(true, true),
    /** The request is acted on, then the answer has a status HTTP does not define, 999, with the vendor's error body. */
    UNKNOWN_STATUS(true, true),
    /** The request is acted on, then the answer carries {@code Content-Length: abc}, which HTTP clients cannot read. */
    BAD_CONTENT_LENGTH(true, true);

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
