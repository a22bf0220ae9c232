package dev.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.roster.Capabilities;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.ProviderInfo;
import dev.roster.RetryPolicy;
import dev.roster.RosterException;
import dev.roster.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("An adapter that throws something other than a RosterException")
class UntypedAdapterFailureTest {

    private static final String KEY = "sk-admin-untyped-0123456789";

    /** Like an HTTP client's exception: the request, with its headers, is a field. */
    static final class TransportFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Map<String, String> requestHeaders = Map.of("Authorization", "Bearer " + KEY);

        TransportFailure() {
            super("connection reset while sending to the vendor with key " + KEY);
        }
    }

    /** Throws a TransportFailure from every call. */
    static final class BrokenAdapter implements InvitationProvider {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public ProviderInfo info() {
            return new ProviderInfo("broken", "Broken", Capabilities.builder().build());
        }

        private <T> T fail() {
            calls.incrementAndGet();
            throw new TransportFailure();
        }

        @Override
        public Invitation invite(InvitationRequest request) {
            return fail();
        }

        @Override
        public Optional<Invitation> find(String invitationId) {
            return fail();
        }

        @Override
        public Page<Invitation> list(PageRequest request) {
            return fail();
        }

        @Override
        public boolean revoke(String invitationId) {
            return fail();
        }

        @Override
        public Optional<Invitation> findByEmail(String email) {
            return fail();
        }

        @Override
        public void close() {}
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"invite", "find", "list", "revoke", "findByEmail", "stream"})
    @DisplayName("is reported as a RosterException, once, with no credential reachable in it")
    void typedAndClean(String operation) {
        BrokenAdapter adapter = new BrokenAdapter();
        InvitationProvider provider = InvitationProviders.withPolicy(adapter, ProviderConfig.builder()
                .credential("BROKEN_KEY", Secret.of(KEY)).retryPolicy(RetryPolicy.defaults()).build());
        Map<String, Consumer<InvitationProvider>> calls = Map.of(
                "invite", p -> p.invite(InvitationRequest.of("ada@example.com")),
                "find", p -> p.find("inv_1"),
                "list", p -> p.list(PageRequest.first(10)),
                "revoke", p -> p.revoke("inv_1"),
                "findByEmail", p -> p.findByEmail("ada@example.com"),
                "stream", p -> p.stream().forEach(i -> { }));

        Throwable thrown = catchThrowable(() -> calls.get(operation).accept(provider));

        assertThat(thrown).isInstanceOf(RosterException.class)
                .hasMessageContaining("broken adapter").hasMessageContaining("instead of a RosterException");
        assertThat(adapter.calls).as("an untyped failure is not retried: core cannot tell whether the adapter acted")
                .hasValue(1);
        List<Throwable> chain = Stream.iterate(thrown, t -> t != null, Throwable::getCause).toList();
        assertThat(chain).noneMatch(t -> t instanceof TransportFailure);
        assertThat(chain).allSatisfy(t -> assertThat(String.valueOf(t)).doesNotContain(KEY));
        assertThat(thrown.getCause()).isNotNull().asString().contains(TransportFailure.class.getName());
    }
}
