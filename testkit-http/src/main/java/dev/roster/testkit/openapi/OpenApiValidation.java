package dev.roster.testkit.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks HTTP traffic against a vendor's OpenAPI contract: every request a client sent and every
 * response a server gave, as recorded in a WireMock request journal (a {@link VendorSimulator}'s or
 * a plain {@link WireMockServer}'s). Vendor-neutral: it knows nothing but the contract file.
 *
 * <pre>{@code
 * static final OpenApiValidation SPEC = OpenApiValidation.vendorSpec("openai-invites.openapi.yaml").build();
 *
 * @AfterEach
 * void trafficFollowsTheSpec() {
 *     SPEC.assertNoViolations(stub.getAllServeEvents());
 * }
 * }</pre>
 *
 * <p>A {@link VendorSimulator} does this itself once {@link VendorSimulator#validatedAgainst told to}
 * (as {@code new OpenAiSimulator().validatedAgainstSpec()}). A stub test that answers off-spec on
 * purpose names each such violation with {@link #deliberate(String, String)} and
 * {@link #assertNoViolations(List, Collection)}: an allowance per violation, never for a whole test.
 *
 * <p>Reading the journal after each test, rather than listening to the server, is deliberate:
 * WireMock journals an exchange before it sends the response, so when the client has its answer the
 * exchange is there to check; a listener may run after the test has already finished.
 *
 * <p><b>How it validates.</b> With Atlassian's {@code swagger-request-validator-core} (2.x, on Java 8+;
 * the testkit declares it optional, so add {@code com.atlassian.oai:swagger-request-validator-core} as a
 * test dependency where you use this class). Requests: path, method, parameters, security and body
 * against the matching operation. Responses: status, content type and body against that operation's
 * responses. Findings of level ERROR are violations.
 *
 * <ul>
 *   <li><b>OpenAPI 3.1 files</b> are rewritten in memory to their exact 3.0 equivalent at load time
 *       ({@code anyOf [X, {type: "null"}]} becomes {@code X, nullable: true}, see
 *       {@code OpenApi31Downgrade}); the file on disk is never touched. Constructs without an exact
 *       equivalent fail the load, naming them, rather than being checked loosely.</li>
 *   <li><b>Error responses.</b> Vendors often document their error envelope once instead of per
 *       operation (OpenAI declares only 200 on its invite operations). For every operation without a
 *       {@code default} response, a {@code default} response whose JSON body is the components schema
 *       named by {@link Builder#errorSchema(String)} ({@code ErrorResponse} unless told otherwise) is
 *       added in memory. So a 404 is checked against the documented envelope, and a status the
 *       operation does not declare with a body that is not that envelope is a violation. Operations
 *       that declare their own error responses keep them.</li>
 *   <li><b>Security.</b> The document's top-level {@code security} is copied onto operations that
 *       declare none, as OpenAPI intends (the validator reads only operation-level requirements).</li>
 *   <li><b>Additional properties</b> in bodies are reported, as the validator does by default
 *       (stricter than JSON Schema's default): a client or simulator sending a field the contract
 *       does not name is usually a typo or a drift worth seeing.</li>
 *   <li><b>Annotation-only {@code allOf} overlays.</b> Generated contracts (Confluent's) write
 *       {@code allOf: [{$ref: ObjectMeta}, {properties: {self: {example: ...}}}]}: the second branch
 *       only adds examples. The validator would give that branch {@code additionalProperties: false},
 *       so every field of the first branch would be rejected. Such property entries, which hold
 *       nothing but {@code description}, {@code example}, {@code examples} or {@code title} and so
 *       constrain nothing, are dropped from {@code allOf} branches at load: the same schema, and
 *       undeclared fields are still reported against the branch that declares the object.</li>
 *   <li>An exchange where the server sent no HTTP response (an injected connection fault) has only its
 *       request checked.</li>
 * </ul>
 *
 * <p><b>Opt-in for vendor contracts.</b> A vendor's published contract is never copied into a project;
 * {@link #vendorSpec(String)} finds it in the folder the build names ({@link VendorSpecs}). When none
 * is named, the validation it builds {@link #isChecking() checks nothing}: it finds no violations and
 * counts each exchange it was shown as unchecked, which the test run reports in one line at its end
 * ({@link SpecCheckSummary}). So a clone builds and passes from its own files, and a build that names
 * the folder (as Roster's CI does) checks everything.
 *
 * <p>Instances are immutable and thread-safe; the parsed contract is cached per file and options, so
 * many test classes can share one file cheaply.
 */
public final class OpenApiValidation {

    private static final Map<String, OpenApiInteractionValidator> CACHE = new ConcurrentHashMap<>();
    private static final int BODY_SHOWN = 300;
    private static final int URL_SHOWN = 300;
    private static final int MESSAGE_SHOWN = 500;

    /** The contract file; for a validation that checks nothing, its name alone. */
    private final Path specFile;
    /** Null when no specs folder is set: nothing is checked, every exchange is counted as unchecked. */
    private final OpenApiInteractionValidator validator;
    private final UncheckedExchanges unchecked;

    private OpenApiValidation(Path specFile, OpenApiInteractionValidator validator, UncheckedExchanges unchecked) {
        this.specFile = specFile;
        this.validator = validator;
        this.unchecked = unchecked;
    }

    /**
     * The builder for a vendor's contract kept outside the project (never copied in), in the folder the
     * build names: system property {@value VendorSpecs#PROPERTY}, else environment variable
     * {@value VendorSpecs#ENVIRONMENT_VARIABLE} ({@link VendorSpecs#fromSystem()}). With neither set, it
     * builds a validation that {@link #isChecking() checks nothing} and counts what it was shown (see
     * the class comment).
     *
     * @param fileName such as {@code "openai-invites.openapi.yaml"}
     * @return the builder
     * @throws IllegalStateException if a folder is set but the file is not in it, naming both; or if
     *     the setting is not an absolute path to a folder
     */
    public static Builder vendorSpec(String fileName) {
        return vendorSpec(fileName, VendorSpecs.fromSystem());
    }

    /**
     * The builder for a vendor's contract in the folder a given lookup names, as
     * {@link #vendorSpec(String)} does with this JVM's settings.
     *
     * @param fileName such as {@code "openai-invites.openapi.yaml"}
     * @param specs where the contracts are, if anywhere
     * @return the builder; one for a validation that checks nothing when {@code specs} names no folder
     * @throws IllegalStateException if a folder is named but the file is not in it, naming both
     */
    public static Builder vendorSpec(String fileName, VendorSpecs specs) {
        Objects.requireNonNull(fileName, "fileName");
        return specs.file(fileName).map(Builder::new).orElseGet(() -> new Builder(Path.of(fileName), false));
    }

    /**
     * The builder for a vendor's API published in several contract files (OpenAI's invites and users,
     * say), checked as one: the later files' paths and components are merged into the first's, which
     * must agree where they overlap. Found as {@link #vendorSpec(String)} finds one file.
     *
     * @param fileNames such as {@code List.of("openai-invites.openapi.yaml", "openai-users.openapi.yaml")}
     * @return the builder
     * @throws IllegalStateException if a folder is set but a file is not in it, naming both
     */
    public static Builder vendorSpecs(List<String> fileNames) {
        return vendorSpecs(fileNames, VendorSpecs.fromSystem());
    }

    /**
     * The builder for a vendor's API in several contract files, in the folder a given lookup names.
     *
     * @param fileNames the files, the first giving the servers and base path
     * @param specs where the contracts are, if anywhere
     * @return the builder; one for a validation that checks nothing when {@code specs} names no folder
     * @throws IllegalStateException if a folder is named but a file is not in it, naming both
     */
    public static Builder vendorSpecs(List<String> fileNames, VendorSpecs specs) {
        if (Objects.requireNonNull(fileNames, "fileNames").isEmpty()) {
            throw new IllegalArgumentException("vendorSpecs needs at least one contract file name.");
        }
        Builder first = vendorSpec(fileNames.get(0), specs);
        for (String more : fileNames.subList(1, fileNames.size())) {
            Builder next = vendorSpec(more, specs);
            first.more.add(next.specFile);
        }
        return first;
    }

    /**
     * The validation for a contract file, with the defaults: the base path of its first
     * {@code servers} URL, and {@code ErrorResponse} as the error schema if the file has one.
     *
     * @param specFile the OpenAPI file (YAML or JSON, 3.0 or 3.1)
     * @return the validation
     * @throws IllegalArgumentException if the file cannot be read or is not a valid contract
     */
    public static OpenApiValidation of(Path specFile) {
        return builder(specFile).build();
    }

    /**
     * A builder for a contract file, to change the defaults.
     *
     * @param specFile the OpenAPI file (YAML or JSON, 3.0 or 3.1)
     * @return the builder
     */
    public static Builder builder(Path specFile) {
        return new Builder(specFile);
    }

    /**
     * The contract violations of one exchange.
     *
     * @param request what the client sent
     * @param response what the server answered; null to check only the request (an exchange whose
     *     answer was broken on purpose, or is not meant to follow the contract)
     * @return one line per violation, naming the exchange; empty if it conforms
     */
    public List<String> violations(LoggedRequest request, LoggedResponse response) {
        if (validator == null) {
            unchecked.record(request, specFile.toString());
            return List.of();
        }
        Request converted = toRequest(request);
        ValidationReport report = response == null || response.getFault() != null
                ? validator.validateRequest(converted)
                : validator.validate(converted, toResponse(response));
        String exchange = request.getMethod().getName() + " " + shownUrl(request.getUrl())
                + (response == null ? " (request only)" : response.getFault() != null ? " (no response)" : " -> " + response.getStatus());
        List<String> found = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                found.add(exchange + ": " + message.getKey() + ": " + shortened(oneLine(message.getMessage())) + because(message)
                        + bodies(message.getKey(), request, response));
            }
        }
        return found;
    }

    /**
     * The contract violations of every exchange in a server's request journal, oldest first.
     *
     * @param server a running WireMock server (for a simulator, {@link VendorSimulator#server()})
     * @return one line per violation; empty if all traffic conforms
     */
    public List<String> violations(WireMockServer server) {
        return violations(server.getAllServeEvents());
    }

    /**
     * The contract violations of the given exchanges, oldest first: for a journal read another way,
     * such as {@code WireMockExtension.getAllServeEvents()}.
     *
     * @param serveEvents the exchanges
     * @return one line per violation; empty if all conform
     */
    public List<String> violations(List<ServeEvent> serveEvents) {
        List<ServeEvent> events = new ArrayList<>(serveEvents);
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<String> found = new ArrayList<>();
        for (ServeEvent event : events) {
            found.addAll(violations(event.getRequest(), event.getResponse()));
        }
        return found;
    }

    /**
     * Fails if any exchange in the server's request journal breaks the contract.
     *
     * @param server a running WireMock server (for a simulator, {@link VendorSimulator#server()})
     * @throws AssertionError listing every violation and naming the contract file
     */
    public void assertNoViolations(WireMockServer server) {
        assertNoViolations(server.getAllServeEvents());
    }

    /**
     * Fails if any of the given exchanges breaks the contract.
     *
     * @param serveEvents the exchanges, such as {@code WireMockExtension.getAllServeEvents()}
     * @throws AssertionError listing every violation and naming the contract file
     */
    public void assertNoViolations(List<ServeEvent> serveEvents) {
        assertOnlyDeliberate(violations(serveEvents), List.of());
    }

    /**
     * Fails if any of the given exchanges breaks the contract other than as declared: for a stub test
     * that answers off-spec on purpose (a vendor's known deviation, a proxy's HTML page, a body cut
     * short), each such violation is named with a {@link Deviation}, and nothing else may differ.
     *
     * @param serveEvents the exchanges
     * @param deliberate the violations the test provokes on purpose
     * @throws AssertionError listing every undeclared violation, or every declared one that did not occur
     */
    public void assertNoViolations(List<ServeEvent> serveEvents, Collection<Deviation> deliberate) {
        assertOnlyDeliberate(violations(serveEvents), deliberate);
    }

    /**
     * Fails if a violation is not declared, or a declaration matched no violation (the payload
     * conforms after all, or the validation no longer sees the deviation: either way the declaration
     * is stale and would hide a future one).
     *
     * @param violations violation lines, as {@link #violations} returns them
     * @param deliberate the violations provoked on purpose; may be empty
     * @throws AssertionError naming the contract file and each offending line or declaration
     */
    public void assertOnlyDeliberate(List<String> violations, Collection<Deviation> deliberate) {
        List<String> unexpected = violations.stream().filter(line -> deliberate.stream().noneMatch(d -> d.matches(line)))
                .collect(Collectors.toList());
        if (!unexpected.isEmpty()) {
            throw new AssertionError(unexpected.size() + " violation(s): exchanges broke the OpenAPI contract " + specFile
                    + ". Fix the client or the simulator/stub (whichever sent it), not the contract; a test that breaks it "
                    + "on purpose names each violation with OpenApiValidation.deliberate(regex, why):\n  - "
                    + String.join("\n  - ", unexpected));
        }
        if (validator == null) {
            return; // nothing was checked, so nothing declared could have been seen
        }
        List<String> unused = deliberate.stream().filter(d -> violations.stream().noneMatch(d::matches))
                .map(Deviation::toString).collect(Collectors.toList());
        if (!unused.isEmpty()) {
            throw new AssertionError("Deliberate deviations from the OpenAPI contract " + specFile + " were declared but the "
                    + "traffic did not show them: " + unused + ". Either the payload conforms after all (drop the "
                    + "declaration) or the validation no longer sees it. Violations found: " + violations);
        }
    }

    /**
     * Declares one violation a test provokes on purpose.
     *
     * @param violation a regular expression found in the violation's line (see {@link #violations})
     * @param why the real-world behaviour reproduced, for the reader and the failure message
     * @return the declaration
     */
    public static Deviation deliberate(String violation, String why) {
        return new Deviation(Pattern.compile(violation), why);
    }

    /**
     * A violation of the contract a test provokes on purpose, and why: the allowance is for the
     * lines the pattern finds, never for a whole test or server.
     *
     * @param pattern found ({@link java.util.regex.Matcher#find()}) in the violation's line
     * @param why the reason, such as "a proxy's HTML page instead of the vendor's error envelope"
     */
    public record Deviation(Pattern pattern, String why) {

        /**
         * Checks that both parts are there, the reason above all.
         *
         * @param pattern found in the violation's line
         * @param why the reason, never blank
         */
        public Deviation {
            Objects.requireNonNull(pattern, "pattern");
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("Say why the contract is broken on purpose.");
            }
        }

        /**
         * Whether this declaration covers a violation.
         *
         * @param violation a line from {@link OpenApiValidation#violations}
         * @return true if the pattern is found in it
         */
        public boolean matches(String violation) {
            return pattern.matcher(violation).find();
        }

        @Override
        public String toString() {
            return "/" + pattern.pattern() + "/ (" + why + ")";
        }
    }

    /**
     * Whether this validation checks anything: false for a {@link #vendorSpec(String) vendor contract}
     * when no specs folder is set, which finds no violations and counts each exchange as unchecked.
     *
     * @return true if exchanges are checked against a contract
     */
    public boolean isChecking() {
        return validator != null;
    }

    @Override
    public String toString() {
        return validator == null ? "OpenApiValidation[" + specFile + ", not checked: no specs folder set]"
                : "OpenApiValidation[" + specFile + "]";
    }

    private static Request toRequest(LoggedRequest logged) {
        URI uri = URI.create(logged.getUrl());
        SimpleRequest.Builder builder = new SimpleRequest.Builder(logged.getMethod().getName(), uri.getRawPath());
        logged.getQueryParams().forEach((name, parameter) -> builder.withQueryParam(name, parameter.values()));
        addHeaders(logged.getHeaders(), builder::withHeader);
        String body = logged.getBodyAsString();
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static com.atlassian.oai.validator.model.Response toResponse(LoggedResponse logged) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(logged.getStatus());
        addHeaders(logged.getHeaders(), builder::withHeader);
        String body = logged.getBodyAsString();
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static void addHeaders(HttpHeaders headers, java.util.function.BiConsumer<String, List<String>> sink) {
        if (headers != null) {
            for (HttpHeader header : headers.all()) {
                sink.accept(header.key(), header.values());
            }
        }
    }

    /**
     * The reasons under a composite failure ({@code allOf}, {@code anyOf}, {@code oneOf}), which the
     * validator reports as nested messages; without them such a line names no field.
     */
    private static String because(ValidationReport.Message message) {
        List<String> reasons = new ArrayList<>();
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            reasons.add(oneLine(nested.getMessage()) + because(nested));
        }
        return reasons.isEmpty() ? "" : " (because: " + String.join("; ", reasons) + ")";
    }

    private static String bodies(String key, LoggedRequest request, LoggedResponse response) {
        if (key.contains(".request.body")) {
            return " | request body: " + shown(request.getBodyAsString());
        }
        if (key.contains(".response.body") && response != null) {
            return " | response body: " + shown(response.getBodyAsString());
        }
        return "";
    }

    /** A validator's message, which may quote a very long path or value: at most {@value #MESSAGE_SHOWN} characters. */
    private static String shortened(String message) {
        return message.length() > MESSAGE_SHOWN ? message.substring(0, MESSAGE_SHOWN) + "…" : message;
    }

    /** A URL for a violation line: whole unless it is very long (a 4 KB cursor, say), so the line stays readable. */
    private static String shownUrl(String url) {
        return url.length() > URL_SHOWN ? url.substring(0, URL_SHOWN) + "…(" + url.length() + " characters)" : url;
    }

    private static String shown(String body) {
        String flat = oneLine(Optional.ofNullable(body).orElse(""));
        return flat.length() > BODY_SHOWN ? flat.substring(0, BODY_SHOWN) + "…" : flat;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Builds an {@link OpenApiValidation}. */
    public static final class Builder {
        private final Path specFile;
        /** Further files of the same API, merged into {@code specFile}'s at load. */
        private final List<Path> more = new ArrayList<>();
        private final boolean checking;
        private String basePath;
        private String errorSchema = "ErrorResponse";
        private String jsonMediaType;

        private Builder(Path specFile) {
            this(Objects.requireNonNull(specFile, "specFile").toAbsolutePath().normalize(), true);
        }

        /** For a contract that is not there to check against ({@code checking} false), {@code specFile} is its name. */
        private Builder(Path specFile, boolean checking) {
            this.specFile = specFile;
            this.checking = checking;
        }

        /**
         * Sets the path prefix requests carry before the contract's paths, such as {@code /v1};
         * by default the path of the contract's first {@code servers} URL.
         *
         * @param value the prefix
         * @return this builder
         */
        public Builder basePath(String value) {
            this.basePath = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Names the components schema that documents error bodies, used as the {@code default}
         * response of operations that declare none (see the class comment). If the contract has no
         * schema of that name, nothing is added.
         *
         * @param componentName such as {@code "ErrorResponse"}, or null for none
         * @return this builder
         */
        public Builder errorSchema(String componentName) {
            this.errorSchema = componentName;
            return this;
        }

        /**
         * Names the vendor's own JSON media type, which its clients send in {@code Accept} though the
         * contract documents its answers as {@code application/json} (GitHub:
         * {@code application/vnd.github+json}): the answers are taken as documented under it too.
         *
         * @param mediaType such as {@code application/vnd.github+json}
         * @return this builder
         */
        public Builder jsonMediaType(String mediaType) {
            this.jsonMediaType = Objects.requireNonNull(mediaType, "mediaType");
            return this;
        }

        /**
         * Loads the contract (once per file and options) and builds the validation.
         *
         * @return the validation
         * @throws IllegalArgumentException if the file cannot be read or is not a valid contract
         */
        public OpenApiValidation build() {
            return build(UncheckedExchanges.JVM);
        }

        /** The validation, counting what it does not check in the given tally (for tests of the tally). */
        OpenApiValidation build(UncheckedExchanges tally) {
            List<Path> files = new ArrayList<>(List.of(specFile));
            files.addAll(more);
            Path named = files.size() == 1 ? specFile : Path.of(files.stream().map(f -> f.getFileName().toString())
                    .collect(Collectors.joining(" + ")));
            if (!checking) {
                return new OpenApiValidation(named, null, tally);
            }
            String key = files + "|" + basePath + "|" + errorSchema + "|" + jsonMediaType;
            return new OpenApiValidation(named, CACHE.computeIfAbsent(key,
                    k -> OpenApiContractLoader.load(files, basePath, errorSchema, jsonMediaType)), tally);
        }

        @Override
        public String toString() {
            return "OpenApiValidation.Builder[" + specFile + (checking ? "" : " (not checked)") + ", basePath=" + basePath
                    + ", errorSchema=" + errorSchema + "]";
        }
    }
}
