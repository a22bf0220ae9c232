package dev.roster.testkit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roster.Capabilities;
import dev.roster.InvalidRequestException;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import dev.roster.PageRequest;
import dev.roster.RosterException;
import dev.roster.UnsupportedCapabilityException;
import dev.roster.spi.InputRules;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the {@link HostileInputs hostile-input corpus} against an adapter and its vendor simulator:
 * every case is either refused with a typed error before any request (the simulator's request
 * journal stays empty), or, for a legitimate if odd value, sent to exactly the intended endpoint
 * with the value intact. An adapter's test extends it in a few lines:
 *
 * <pre>{@code
 * class OpenAiHostileInputTest extends HostileInputContract {
 *     @RegisterExtension
 *     static final OpenAiSimulator openai = new OpenAiSimulator().validatedAgainstSpec();
 *
 *     protected InvitationProvider provider() {
 *         return InvitationProviders.load("openai", openai.config().toBuilder().retryPolicy(RetryPolicy.none()).build());
 *     }
 *     protected VendorSimulator simulator() { return openai; }
 *     protected Endpoints endpoints() { return new Endpoints("/v1/organization/invites", "limit", "after", Optional.empty()); }
 * }
 * }</pre>
 *
 * <p>{@link #provider()} is called once for the whole corpus and closed afterwards; the simulator
 * is {@link VendorSimulator#reset() reset} (state and journal, not restarted) before each
 * operation. Use {@link dev.roster.RetryPolicy#none()}, so that a vendor's failure is one request
 * and the corpus runs in a second or two. A simulator {@link VendorSimulator#validatedAgainst checking
 * its traffic against the vendor's contract} is checked after each operation of each case: what is
 * sent must follow the contract too, and what the simulator answers.
 */
public abstract class HostileInputContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE_LENGTH = 1000;
    private static final String EMAIL = "hostile@example.com";
    private static final String PROJECT = "proj_hostile";

    private InvitationProvider provider;

    /**
     * Where the adapter sends each operation, relative to the simulator's root.
     *
     * @param invitationsPath the collection's path, such as {@code /v1/organization/invites}; an
     *     invitation is {@code invitationsPath + "/" + id}
     * @param pageSizeParameter the list's page size query parameter, such as {@code limit}
     * @param cursorParameter the list's cursor query parameter, such as {@code after}
     * @param emailFilterParameter the query parameter {@code findByEmail} filters on, if the vendor
     *     filters on the server (first with the address as given; where the filter matches exactly and
     *     finds nothing, plain pages of the list may follow, scanning for another spelling); empty if
     *     the adapter pages through the list
     * @param maxCursorLength the longest cursor, in characters, the vendor accepts and the adapter
     *     therefore sends: {@code bounded} cases longer than it must be refused before any request
     *     with {@link InvalidRequestException}, shorter ones sent; at most
     *     {@link InputRules#MAX_CURSOR_LENGTH}
     */
    public record Endpoints(String invitationsPath, String pageSizeParameter, String cursorParameter,
            Optional<String> emailFilterParameter, int maxCursorLength, List<String> otherListPaths) {

        /**
         * Checks that every part is present.
         *
         * @param invitationsPath the collection's path
         * @param pageSizeParameter the list's page size query parameter
         * @param cursorParameter the list's cursor query parameter
         * @param emailFilterParameter the query parameter {@code findByEmail} filters on, if any
         * @param maxCursorLength the longest cursor the vendor accepts
         * @param otherListPaths further collections a listing may read, with the same page size
         *     parameter (GitHub lists failed invitations apart from pending ones)
         */
        public Endpoints {
            otherListPaths = List.copyOf(otherListPaths);
            Objects.requireNonNull(invitationsPath, "invitationsPath");
            Objects.requireNonNull(pageSizeParameter, "pageSizeParameter");
            Objects.requireNonNull(cursorParameter, "cursorParameter");
            Objects.requireNonNull(emailFilterParameter, "emailFilterParameter");
            if (maxCursorLength < 1 || maxCursorLength > InputRules.MAX_CURSOR_LENGTH) {
                throw new IllegalArgumentException("maxCursorLength must be 1 to " + InputRules.MAX_CURSOR_LENGTH
                        + ", not " + maxCursorLength);
            }
        }

        /**
         * Endpoints of a vendor that accepts any cursor core does ({@link InputRules#MAX_CURSOR_LENGTH}).
         *
         * @param invitationsPath the collection's path
         * @param pageSizeParameter the list's page size query parameter
         * @param cursorParameter the list's cursor query parameter
         * @param emailFilterParameter the query parameter {@code findByEmail} filters on, if any
         */
        public Endpoints(String invitationsPath, String pageSizeParameter, String cursorParameter,
                Optional<String> emailFilterParameter) {
            this(invitationsPath, pageSizeParameter, cursorParameter, emailFilterParameter, InputRules.MAX_CURSOR_LENGTH);
        }

        /**
         * Endpoints of a vendor with a cursor length limit and one invitations collection.
         *
         * @param invitationsPath the collection's path
         * @param pageSizeParameter the list's page size query parameter
         * @param cursorParameter the list's cursor query parameter
         * @param emailFilterParameter the query parameter {@code findByEmail} filters on, if any
         * @param maxCursorLength the longest cursor the vendor accepts
         */
        public Endpoints(String invitationsPath, String pageSizeParameter, String cursorParameter,
                Optional<String> emailFilterParameter, int maxCursorLength) {
            this(invitationsPath, pageSizeParameter, cursorParameter, emailFilterParameter, maxCursorLength, List.of());
        }

        /**
         * These endpoints, with further collections a listing may read.
         *
         * @param paths such as {@code /orgs/acme/failed_invitations}
         * @return the endpoints
         */
        public Endpoints alsoListing(String... paths) {
            return new Endpoints(invitationsPath, pageSizeParameter, cursorParameter, emailFilterParameter, maxCursorLength,
                    List.of(paths));
        }

        /** Whether a GET to this path is a listing: the collection or one of the others. */
        boolean lists(String path) {
            return invitationsPath.equals(path) || otherListPaths.contains(path);
        }
    }

    /**
     * The provider under test, as applications receive it ({@code InvitationProviders.load}),
     * configured for {@link #simulator()}.
     *
     * @return a new provider; closed after the corpus ran
     */
    protected abstract InvitationProvider provider();

    /**
     * The running simulator the provider talks to; its journal is the evidence.
     *
     * @return the simulator
     */
    protected abstract VendorSimulator simulator();

    /**
     * The vendor's endpoints, to check requests against.
     *
     * @return the endpoints
     */
    protected abstract Endpoints endpoints();

    /**
     * Where the provider's members live, relative to the simulator's root (such as
     * {@code /v1/organization/users}; a member is {@code membersPath + "/" + id}): the invitation-id cases
     * then run against {@code members().find} and {@code members().remove} too, and the email cases
     * against {@code members().findByEmail} and {@code offboard}, each as far as the provider declares
     * member capabilities. Empty by default: the member calls are not tried.
     *
     * @return the members collection's path, if the provider has members
     */
    protected Optional<String> membersPath() {
        return Optional.empty();
    }

    /**
     * Whether the vendor's own formats can hold a value core accepts, where the contract would send
     * it. By default every value can. A vendor with narrower formats (GitHub: invitation ids and team
     * ids are positive integers; an adapter that encodes its own cursors) overrides this, and a value
     * it cannot hold must then be settled without any request: for an invitation id, {@code find}
     * answers empty and {@code revoke} false (no such invitation can exist); for anything else, an
     * {@link InvalidRequestException} naming what is wrong.
     *
     * @param target where the value goes
     * @param value the value, which core's rules accept
     * @return false if the vendor could never hold it
     */
    protected boolean vendorFormatHolds(HostileInputs.Target target, String value) {
        return true;
    }

    /**
     * Whether the vendor's member ids can hold a value core accepts as a member id, where
     * {@link #membersPath()} sends it; by default what {@link #vendorFormatHolds} says of invitation ids.
     * A vendor whose member ids differ from its invitation ids (GitHub: numeric invitations, members
     * by login) overrides it; a value it cannot hold must be answered without any request (find empty,
     * remove false).
     *
     * @param value the id, which core's rules accept
     * @return false if the vendor could never hold it
     */
    protected boolean memberIdFormatHolds(String value) {
        return vendorFormatHolds(HostileInputs.Target.INVITATION_ID, value);
    }

    /**
     * Whether the vendor's requests carry a value of this target at all. By default every target is
     * sent; a vendor with no such field (GitHub's team invitations name teams, with no role in each)
     * answers false, and a legitimate value is then checked to reach the right endpoint only.
     *
     * @param target where the value goes
     * @return false if the vendor's requests have no place for it
     */
    protected boolean vendorCarries(HostileInputs.Target target) {
        return true;
    }

    /**
     * The project id of the cases that try project roles: by default {@code proj_hostile}; a vendor
     * whose project ids have a narrower format ({@link #vendorFormatHolds}) names one it can hold.
     *
     * @return a project id the vendor's format holds
     */
    protected String sampleProjectId() {
        return PROJECT;
    }

    @BeforeEach
    void openProvider() {
        provider = Objects.requireNonNull(provider(), "provider() returned null");
    }

    @AfterEach
    void closeProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    /**
     * One dynamic test per case, grouped by target and category.
     *
     * @return the tests
     */
    @TestFactory
    @DisplayName("every hostile input is refused before any request, or sent intact to exactly the intended endpoint")
    Stream<DynamicNode> hostileInputs() {
        Map<String, List<HostileInputs.Case>> groups = new LinkedHashMap<>();
        for (HostileInputs.Case c : HostileInputs.corpus()) {
            groups.computeIfAbsent(c.target().columnName() + " / " + c.category(), k -> new ArrayList<>()).add(c);
        }
        return groups.entrySet().stream().map(group -> DynamicContainer.dynamicContainer(group.getKey(),
                group.getValue().stream().map(c -> DynamicTest.dynamicTest(
                        "line " + c.line() + ": " + c.shownValue() + " → " + c.expect().name().toLowerCase(Locale.ROOT),
                        () -> check(c)))));
    }

    // ---------------------------------------------------------------------------------------
    // One case

    /** What the case must do on this provider, after its capabilities are taken into account. */
    private enum Outcome { INVALID, UNSUPPORTED, SEND, NO_SUCH_INVITATION }

    private void check(HostileInputs.Case c) {
        Outcome core = expected(c, provider.info().capabilities(), endpoints());
        for (Operation operation : operations(c.target())) {
            Outcome expected = core;
            if (expected == Outcome.SEND && !(operation.memberId() ? memberIdFormatHolds(c.value())
                    : vendorFormatHolds(c.target(), c.value()))) {
                expected = c.target() == HostileInputs.Target.INVITATION_ID ? Outcome.NO_SUCH_INVITATION : Outcome.INVALID;
            }
            simulator().reset();
            Throwable thrown = null;
            Object result = null;
            try {
                result = operation.call.apply(c.value());
            } catch (Throwable t) { // NOPMD: anything at all is evidence
                thrown = t;
            }
            List<LoggedRequest> requests = simulator().server().getAllServeEvents().stream()
                    .map(ServeEvent::getRequest).collect(Collectors.toCollection(ArrayList::new));
            Collections.reverse(requests); // the journal lists the newest first
            String context = c + ", " + operation.name + " on " + provider.info().id();
            try {
                if (expected == Outcome.SEND) {
                    checkSent(c, operation, thrown, requests, context);
                } else if (expected == Outcome.NO_SUCH_INVITATION) {
                    checkNoSuchInvitation(result, thrown, requests, context);
                } else {
                    checkRefused(expected == Outcome.INVALID ? InvalidRequestException.class
                            : UnsupportedCapabilityException.class, thrown, requests, context);
                }
            } catch (AssertionError wrong) {
                followsSpec(context).ifPresent(wrong::addSuppressed);
                throw wrong;
            }
            Optional<AssertionError> offSpec = followsSpec(context);
            if (offSpec.isPresent()) {
                throw offSpec.get();
            }
        }
    }

    /** This operation's traffic against the vendor's contract, if the simulator checks one: blamed on this case. */
    private Optional<AssertionError> followsSpec(String context) {
        try {
            simulator().assertTrafficFollowsSpec();
            return Optional.empty();
        } catch (AssertionError e) {
            return Optional.of(new AssertionError(context + ": " + e.getMessage(), e));
        }
    }

    private static Outcome expected(HostileInputs.Case c, Capabilities caps, Endpoints endpoints) {
        String value = c.value();
        if (c.expect() == HostileInputs.Expect.BOUNDED) {
            if (c.target() != HostileInputs.Target.CURSOR) {
                throw new IllegalStateException(c + ": only cursors have a vendor's length limit; 'bounded' means nothing here");
            }
            return value.codePointCount(0, value.length()) > endpoints.maxCursorLength() ? Outcome.INVALID : Outcome.SEND;
        }
        boolean capable;
        switch (c.target()) {
            case ROLE:
                capable = caps.roles().contains(value);
                break;
            case PROJECT_ID:
                capable = caps.projectGrants();
                break;
            case PROJECT_ROLE:
                capable = caps.projectGrants() && caps.projectRoles().contains(value);
                break;
            case AUTH_TYPE:
                Set<String> allowed = caps.vendorAttributes().get("auth_type");
                if (c.expect() == HostileInputs.Expect.REJECT) {
                    return allowed == null ? Outcome.UNSUPPORTED : allowed.isEmpty() ? Outcome.SEND : Outcome.INVALID;
                }
                capable = allowed != null && (allowed.isEmpty() || allowed.contains(value));
                break;
            default:
                capable = true;
                break;
        }
        switch (c.expect()) {
            case INVALID:
                return Outcome.INVALID;
            case UNSUPPORTED:
                return Outcome.UNSUPPORTED;
            case REJECT:
                return Outcome.INVALID; // targets other than auth_type need no capability
            default:
                return capable ? Outcome.SEND : Outcome.UNSUPPORTED;
        }
    }

    /** An id the vendor could never have issued: answered as unknown (empty, false), with no request. */
    private static void checkNoSuchInvitation(Object result, Throwable thrown, List<LoggedRequest> requests,
            String context) {
        if (!requests.isEmpty()) {
            fail(context + ": an id the vendor's format cannot hold needs no request, but " + requests.size()
                    + " reached the vendor: " + describe(requests));
        }
        if (thrown != null) {
            fail(context + ": an id the vendor could never have issued is simply unknown (find empty, revoke false), but it "
                    + "threw " + thrown.getClass().getName() + ": " + InputRules.quote(thrown.getMessage()), thrown);
        }
        assertTrue(Optional.empty().equals(result) || Boolean.FALSE.equals(result), context + ": an id the vendor could "
                + "never have issued should be answered as unknown (find empty, revoke false), but the call returned " + result);
    }

    private static void checkRefused(Class<? extends RosterException> type, Throwable thrown, List<LoggedRequest> requests,
            String context) {
        if (!requests.isEmpty()) {
            fail(context + ": expected " + type.getSimpleName() + " before any request, but " + requests.size()
                    + " request(s) reached the vendor: " + describe(requests)
                    + ". Validate this input before any I/O (core's InputRules, or the adapter's capabilities).");
        }
        if (!type.isInstance(thrown)) {
            fail(context + ": expected " + type.getSimpleName() + ", but " + (thrown == null ? "the call returned normally"
                    : "it threw " + thrown.getClass().getName() + ": " + InputRules.quote(thrown.getMessage())), thrown);
        }
        String message = Objects.requireNonNullElse(thrown.getMessage(), "");
        assertFalse(message.isBlank(), context + ": the " + type.getSimpleName() + " has no message saying what is wrong");
        assertTrue(message.length() <= MAX_MESSAGE_LENGTH, context + ": the message has " + message.length()
                + " characters; a hostile value must be shortened (InputRules.quote) so it cannot flood a log");
        for (String forbidden : List.of("\r", "\n", "\u0000", "\u202e", "\u2028")) {
            assertFalse(message.contains(forbidden), context + ": the message contains " + InputRules.quote(forbidden)
                    + ", which could forge or garble a log line; quote the value with InputRules.quote: " + InputRules.quote(message));
        }
    }

    private void checkSent(HostileInputs.Case c, Operation operation, Throwable thrown, List<LoggedRequest> requests,
            String context) {
        if (thrown != null && !(thrown instanceof RosterException)) {
            fail(context + ": a value that should be sent made the call throw " + thrown.getClass().getName()
                    + " instead of a RosterException", thrown);
        }
        if (requests.isEmpty()) {
            fail(context + ": a legitimate value should reach the vendor, but no request was sent; it threw "
                    + (thrown == null ? "nothing" : thrown.getClass().getSimpleName() + ": " + InputRules.quote(thrown.getMessage()))
                    + ". Is the input rule too strict?");
        }
        for (LoggedRequest request : requests) {
            operation.wire.check(c.value(), request, requests, context + ": request " + request.getMethod().getName() + " "
                    + InputRules.quote(request.getUrl()));
        }
        operation.wire.checkAll(c.value(), requests, context + ": requests " + describe(requests));
    }

    // ---------------------------------------------------------------------------------------
    // Operations per target, and what each must put on the wire

    /** How one request of an operation must look. */
    private interface WireCheck {
        void check(String value, LoggedRequest request, List<LoggedRequest> all, String context);

        default void checkAll(String value, List<LoggedRequest> all, String context) {}
    }

    /** One call to try a value with; {@code memberId} when the value goes there as a member id. */
    private record Operation(String name, Function<String, Object> call, WireCheck wire, boolean memberId) {
        Operation(String name, Function<String, Object> call, WireCheck wire) {
            this(name, call, wire, false);
        }
    }

    private List<Operation> operations(HostileInputs.Target target) {
        Endpoints e = endpoints();
        String collection = e.invitationsPath();
        Capabilities caps = provider.info().capabilities();
        String projectRole = new TreeSet<>(caps.projectRoles()).stream().findFirst().orElse("member");
        List<Operation> operations = new ArrayList<>(invitationOperations(target, e, collection, caps, projectRole));
        membersPath().ifPresent(members -> operations.addAll(memberOperations(target, e, members, caps)));
        return operations;
    }

    /**
     * The member calls for a target: ids go, intact, to exactly one request on the member's own path
     * (besides reads of the invitations collection an adapter may need to tell a member from an
     * invitee); an address is only ever read with, never written, on the invitations and members
     * collections.
     */
    private List<Operation> memberOperations(HostileInputs.Target target, Endpoints e, String members, Capabilities caps) {
        String invitations = e.invitationsPath();
        List<Operation> operations = new ArrayList<>();
        if (target == HostileInputs.Target.INVITATION_ID && caps.members().list()) {
            operations.add(new Operation("members().find", v -> provider.members().find(v),
                    memberItem("GET", invitations, members), true));
            if (caps.members().remove()) {
                operations.add(new Operation("members().remove", v -> provider.members().remove(v),
                        memberItem("DELETE", invitations, members), true));
            }
        }
        if (target == HostileInputs.Target.EMAIL) {
            WireCheck readsOnly = (v, r, all, ctx) -> {
                assertEquals("GET", r.getMethod().getName(), ctx + ": looking an address up wrote to the vendor");
                assertTrue(e.lists(rawPath(r)) || rawPath(r).equals(members), ctx + ": the request went to "
                        + "another endpoint than " + invitations + (e.otherListPaths().isEmpty() ? "" : ", "
                        + e.otherListPaths()) + " or " + members);
            };
            if (caps.members().findByEmail()) {
                operations.add(new Operation("members().findByEmail", v -> provider.members().findByEmail(v), readsOnly));
            }
            operations.add(new Operation("offboard", v -> provider.offboard(v), readsOnly));
        }
        return operations;
    }

    /**
     * One request on the member's own path with the id intact, besides reads of the invitations
     * collection; a removal may read the member first (a GET on the same path), and then sends at most
     * one DELETE.
     */
    private static WireCheck memberItem(String method, String invitations, String members) {
        return new WireCheck() {
            @Override
            public void check(String v, LoggedRequest r, List<LoggedRequest> all, String ctx) {
                if (rawPath(r).equals(invitations)) {
                    collectionRequest("GET", invitations, r, ctx);
                    assertTrue(query(r, ctx).values().stream().flatMap(List::stream).anyMatch(v::equals), ctx + ": a look-up "
                            + "of the member's invitations should carry the id " + InputRules.quote(v) + " intact");
                } else {
                    boolean lookUpFirst = method.equals("DELETE") && r.getMethod().getName().equals("GET");
                    itemRequest(lookUpFirst ? "GET" : method, members, v, r, ctx);
                }
            }

            @Override
            public void checkAll(String v, List<LoggedRequest> all, String ctx) {
                List<String> methods = all.stream().filter(r -> !rawPath(r).equals(invitations))
                        .map(r -> r.getMethod().getName()).collect(Collectors.toList());
                if (method.equals("DELETE") && methods.size() == 2) {
                    assertEquals(List.of("GET", "DELETE"), methods, ctx + ": a removal may read the member once, then "
                            + "delete it once");
                } else {
                    assertEquals(1, methods.size(), ctx + ": one member call should be exactly one request on the "
                            + "member's path (a removal: or a read of it, then one delete)");
                }
            }
        };
    }

    private List<Operation> invitationOperations(HostileInputs.Target target, Endpoints e, String collection, Capabilities caps,
            String projectRole) {
        switch (target) {
            case INVITATION_ID:
                return List.of(
                        new Operation("find", provider::find, (v, r, all, ctx) -> itemRequest("GET", collection, v, r, ctx)),
                        new Operation("revoke", provider::revoke, (v, r, all, ctx) -> itemRequest("DELETE", collection, v, r, ctx)));
            case EMAIL:
                return List.of(
                        new Operation("invite", v -> provider.invite(InvitationRequest.of(v)), inviteCarrying(e, String::strip)),
                        new Operation("findByEmail", provider::findByEmail, new WireCheck() {
                            @Override
                            public void check(String v, LoggedRequest r, List<LoggedRequest> all, String ctx) {
                                if (rawPath(r).startsWith(collection + "/")) {
                                    // An adapter may first read again the invitation it last saw pending for the
                                    // address, by the id the vendor gave it: one GET of one item, the address
                                    // nowhere in it.
                                    assertEquals("GET", r.getMethod().getName(), ctx + ": wrong method");
                                    String segment = rawPath(r).substring(collection.length() + 1);
                                    assertFalse(segment.contains("/"), ctx + ": not one invitation: " + rawPath(r));
                                    assertTrue(query(r, ctx).isEmpty(), ctx + ": an item request should have no query");
                                    return;
                                }
                                listRequest(e, r, ctx);
                                e.emailFilterParameter().ifPresent(name -> {
                                    Map<String, List<String>> query = query(r, ctx);
                                    if (!query.containsKey(name)) {
                                        // The scan an adapter may fall back to when the vendor's filter, an exact
                                        // match, finds the address in no spelling: plain pages of the collection.
                                        assertTrue(Set.of(e.pageSizeParameter(), e.cursorParameter()).containsAll(query.keySet()),
                                                ctx + ": a request without the " + name + " filter should be a plain page of the "
                                                        + "list (a scan of every invitation), but the vendor read " + query);
                                        return;
                                    }
                                    String sent = single(query, name, ctx);
                                    assertTrue(sent.equalsIgnoreCase(v.strip()), ctx + ": the " + name + " filter should be "
                                            + InputRules.quote(v.strip()) + " (any case), but the vendor read " + InputRules.quote(sent));
                                });
                            }

                            @Override
                            public void checkAll(String v, List<LoggedRequest> all, String ctx) {
                                e.emailFilterParameter().ifPresent(name -> {
                                    assertTrue(query(all.get(0), ctx).containsKey(name), ctx + ": findByEmail should ask the "
                                            + "vendor's " + name + " filter first, not scan every invitation");
                                    assertTrue(all.stream().anyMatch(r -> query(r, ctx).containsKey(name)
                                            && v.strip().equals(single(query(r, ctx), name, ctx))),
                                            ctx + ": no request filtered on the address exactly as given, " + InputRules.quote(v.strip()));
                                });
                            }
                        }));
            case CURSOR:
                return List.of(new Operation("list", v -> provider.list(PageRequest.after(10, v)), (v, r, all, ctx) -> {
                    collectionRequest("GET", collection, r, ctx);
                    String sent = single(query(r, ctx), e.cursorParameter(), ctx);
                    assertEquals(v, sent, ctx + ": the cursor did not arrive intact (the vendor decodes the query as a form: "
                            + "'+' is a space, %XX a byte); percent-encode every reserved character");
                }));
            case PAGE_SIZE:
                return List.of(new Operation("list", v -> provider.list(PageRequest.first(Integer.parseInt(v))), (v, r, all, ctx) -> {
                    listRequest(e, r, ctx);
                    String sent = single(query(r, ctx), e.pageSizeParameter(), ctx);
                    assertEquals(String.valueOf(Math.min(Integer.parseInt(v), caps.maxPageSize())), sent,
                            ctx + ": the page size should be the one asked for, lowered to the provider's maximum");
                }));
            case ROLE:
                return List.of(new Operation("invite", v -> provider.invite(InvitationRequest.builder(EMAIL).role(v).build()),
                        inviteCarrying(e, Function.identity())));
            case PROJECT_ID:
                return List.of(new Operation("invite",
                        v -> provider.invite(InvitationRequest.builder(EMAIL).project(v, projectRole).build()),
                        inviteCarrying(e, Function.identity())));
            case PROJECT_ROLE:
                return List.of(new Operation("invite",
                        v -> provider.invite(InvitationRequest.builder(EMAIL).project(sampleProjectId(), v).build()),
                        inviteCarrying(e, vendorCarries(target) ? Function.identity() : null)));
            case ATTRIBUTE_NAME:
                return List.of(new Operation("invite",
                        v -> provider.invite(InvitationRequest.builder(EMAIL).attribute(v, "AUTH_TYPE_LOCAL").build()),
                        inviteCarrying(e, Function.identity())));
            case AUTH_TYPE:
                return List.of(new Operation("invite",
                        v -> provider.invite(InvitationRequest.builder(EMAIL).attribute("auth_type", v).build()),
                        inviteCarrying(e, Function.identity())));
            default:
                throw new IllegalStateException("No operation for " + target);
        }
    }

    /**
     * An invite: one POST to the collection whose JSON body holds the value as a string (unless
     * {@code expectedValue} is null: the vendor has no place for it); lookups may follow.
     */
    private static WireCheck inviteCarrying(Endpoints e, Function<String, String> expectedValue) {
        String collection = e.invitationsPath();
        return new WireCheck() {
            @Override
            public void check(String v, LoggedRequest r, List<LoggedRequest> all, String ctx) {
                if (r.getMethod().getName().equals("POST")) {
                    collectionRequest("POST", collection, r, ctx);
                    if (expectedValue == null) {
                        return; // the vendor's request has no place for the value
                    }
                    Set<String> strings = jsonStrings(r, ctx);
                    String wanted = expectedValue.apply(v);
                    assertTrue(strings.contains(wanted), ctx + ": the body should hold " + InputRules.quote(wanted)
                            + " intact as a JSON string, but its strings are " + strings.stream().map(InputRules::quote).toList());
                } else {
                    listRequest(e, r, ctx); // core looking the address up
                }
            }

            @Override
            public void checkAll(String v, List<LoggedRequest> all, String ctx) {
                assertEquals(1, all.stream().filter(r -> r.getMethod().getName().equals("POST")).count(),
                        ctx + ": one invite should be exactly one POST");
            }
        };
    }

    private static void itemRequest(String method, String collection, String id, LoggedRequest r, String ctx) {
        assertEquals(method, r.getMethod().getName(), ctx + ": wrong method");
        String rawPath = rawPath(r);
        assertTrue(rawPath.startsWith(collection + "/"), ctx + ": the request left the collection " + collection);
        String segment = rawPath.substring(collection.length() + 1);
        assertFalse(segment.contains("/"), ctx + ": the id became several path segments: " + InputRules.quote(segment));
        assertEquals(id, percentDecode(segment, false), ctx + ": the id did not arrive intact in the path");
        assertTrue(query(r, ctx).isEmpty(), ctx + ": an item request should have no query");
    }

    /** A GET of the invitations collection, or of another collection a listing reads. */
    private static void listRequest(Endpoints e, LoggedRequest r, String ctx) {
        assertEquals("GET", r.getMethod().getName(), ctx + ": wrong method");
        assertTrue(e.lists(rawPath(r)), ctx + ": the request went to another endpoint: " + rawPath(r) + " lists nothing of "
                + e.invitationsPath() + (e.otherListPaths().isEmpty() ? "" : " or " + e.otherListPaths()));
    }

    private static void collectionRequest(String method, String collection, LoggedRequest r, String ctx) {
        assertEquals(method, r.getMethod().getName(), ctx + ": wrong method");
        assertEquals(collection, rawPath(r), ctx + ": the request went to another endpoint");
    }

    private static String single(Map<String, List<String>> query, String name, String ctx) {
        List<String> values = query.getOrDefault(name, List.of());
        assertEquals(1, values.size(), ctx + ": the query parameter " + name + " should appear exactly once; the vendor read "
                + query);
        return values.get(0);
    }

    // ---------------------------------------------------------------------------------------
    // Reading requests as a vendor's server would

    private static String rawPath(LoggedRequest r) {
        String url = r.getUrl();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The query as a typical server reads it: split on {@code &} and {@code =}, {@code +} a space, {@code %XX} a byte. */
    private static Map<String, List<String>> query(LoggedRequest r, String ctx) {
        String url = r.getUrl();
        int start = url.indexOf('?');
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (start < 0) {
            return out;
        }
        assertFalse(url.indexOf('#') >= 0, ctx + ": a raw '#' reached the server");
        for (String pair : url.substring(start + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1), true);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String percentDecode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && Character.digit(raw.charAt(i + 1), 16) >= 0
                    && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Set<String> jsonStrings(LoggedRequest r, String ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(r.getBodyAsString());
        } catch (IOException e) {
            fail(ctx + ": the body is not JSON: " + InputRules.quote(r.getBodyAsString()), e);
            return Set.of();
        }
        Set<String> strings = new TreeSet<>();
        collect(body, strings);
        return strings;
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            into.add(node.textValue());
        }
        node.elements().forEachRemaining(child -> collect(child, into));
    }

    private static String describe(List<LoggedRequest> requests) {
        return requests.stream().map(r -> r.getMethod().getName() + " " + InputRules.quote(r.getUrl()))
                .collect(Collectors.joining(", "));
    }
}
