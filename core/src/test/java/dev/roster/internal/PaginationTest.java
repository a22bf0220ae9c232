package dev.roster.internal;

import static dev.roster.fixtures.TestInvitations.FEBRUARY;
import static dev.roster.fixtures.TestInvitations.JANUARY;
import static dev.roster.fixtures.TestInvitations.MARCH;
import static dev.roster.fixtures.TestInvitations.invitation;
import static dev.roster.fixtures.TestInvitations.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.Capabilities;
import dev.roster.InvalidRequestException;
import dev.roster.Invitation;
import dev.roster.InvitationProviders;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.ProviderUnavailableException;
import dev.roster.spi.InputRules;
import dev.roster.RosterException;
import dev.roster.fixtures.RecordingProvider;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The default {@code stream()} and {@code findByEmail()} every adapter inherits. */
@DisplayName("Lazy pagination")
class PaginationTest {

    private static final Invitation A = pending("inv_a", "a@example.com");
    private static final Invitation B = pending("inv_b", "b@example.com");
    private static final Invitation C = pending("inv_c", "c@example.com");
    private static final Invitation D = pending("inv_d", "d@example.com");

    /** Pages of at most 2; the fake fails the test if it is asked for a page after the last. */
    private final RecordingProvider adapter = new RecordingProvider(Capabilities.builder().maxPageSize(2).build());

    @Nested
    @DisplayName("stream()")
    class Streaming {

        @Test
        @DisplayName("requests nothing until the stream is consumed")
        void lazy() {
            adapter.pages(Page.of(List.of(A, B), "c1"));

            Stream<Invitation> invitations = adapter.stream();
            assertThat(adapter.calls()).isEmpty();

            assertThat(invitations.findFirst()).contains(A);
            assertThat(adapter.calls()).containsExactly("list");
        }

        @Test
        @DisplayName("makes exactly one list call for findFirst()")
        void findFirstMakesOneCall() {
            adapter.pages(Page.of(List.of(A, B), "c1"), Page.last(List.of(C)));

            assertThat(adapter.stream().findFirst()).contains(A);
            assertThat(adapter.calls()).containsExactly("list");
        }

        @Test
        @DisplayName("walks every page at the provider's largest size, following each cursor, and stops at the page without one")
        void walksAllPages() {
            adapter.pages(Page.of(List.of(A, B), "c1"), Page.of(List.of(C), "c2"), Page.last(List.of(D)));

            assertThat(adapter.stream()).containsExactly(A, B, C, D);
            assertThat(adapter.pageRequests()).containsExactly(
                    PageRequest.first(2), PageRequest.after(2, "c1"), PageRequest.after(2, "c2"));
        }

        @Test
        @DisplayName("fetches the next page only once the previous one is used up")
        void pageByPage() {
            adapter.pages(Page.of(List.of(A, B), "c1"), Page.last(List.of(C)));

            assertThat(adapter.stream().limit(2)).containsExactly(A, B);
            assertThat(adapter.calls()).containsExactly("list");
        }

        @Test
        @DisplayName("keeps going past an empty page that still has a cursor")
        void emptyPageWithCursor() {
            adapter.pages(Page.of(List.of(), "c1"), Page.of(List.of(), "c2"), Page.last(List.of(A)));

            assertThat(adapter.stream()).containsExactly(A);
            assertThat(adapter.calls()).hasSize(3);
        }

        @Test
        @DisplayName("is empty when the only page is empty and last")
        void nothingAtAll() {
            adapter.pages(Page.last(List.of()));

            assertThat(adapter.stream()).isEmpty();
            assertThat(adapter.calls()).containsExactly("list");
        }

        @Test
        @DisplayName("stops with a RosterException, not an endless loop, when a cursor comes back")
        void repeatedCursor() {
            int[] calls = {0};
            adapter.onList(request -> {
                if (++calls[0] > 10) {
                    throw new AssertionError("pagination did not stop on a repeated cursor");
                }
                return Page.of(List.of(A), "same");
            });

            assertThatThrownBy(() -> adapter.stream().count())
                    .isExactlyInstanceOf(RosterException.class)
                    .hasMessageContaining("'same' twice");
            assertThat(calls[0]).isEqualTo(2);
        }

        @Test
        @DisplayName("notices a cursor that comes back after others")
        void cursorCycle() {
            adapter.pages(Page.of(List.of(A), "c1"), Page.of(List.of(B), "c2"), Page.of(List.of(C), "c1"));

            assertThatThrownBy(() -> adapter.stream().count())
                    .isInstanceOf(RosterException.class)
                    .hasMessageContaining("'c1' twice")
                    .satisfies(e -> assertThat(((RosterException) e).providerId()).contains("fake"));
        }

        @Test
        @DisplayName("through the policy, still asks for pages no larger than the provider allows")
        void throughThePolicy() {
            adapter.pages(Page.of(List.of(A, B), "c1"), Page.last(List.of(C)));

            assertThat(InvitationProviders.withPolicy(adapter, ProviderConfig.defaults()).stream()).containsExactly(A, B, C);
            assertThat(adapter.pageRequests()).containsExactly(PageRequest.first(2), PageRequest.after(2, "c1"));
        }

        @Test
        @DisplayName("passes a vendor's cursor back as given, even one the caller-input rules would refuse")
        void vendorCursorAsGiven() {
            String odd = "page 2\t\u200b/é";  // whitespace, an invisible character: not what a caller may send
            adapter.pages(Page.of(List.of(A, B), odd), Page.last(List.of(C)));

            assertThat(InvitationProviders.withPolicy(adapter, ProviderConfig.defaults()).stream()).containsExactly(A, B, C);
            assertThat(adapter.pageRequests()).containsExactly(PageRequest.first(2), new PageRequest(2, Optional.of(odd)));
            assertThatThrownBy(() -> InvitationProviders.withPolicy(adapter, ProviderConfig.defaults())
                    .list(new PageRequest(2, Optional.of(odd))))
                    .as("the same cursor from a caller is checked").isInstanceOf(InvalidRequestException.class);
        }

        @Test
        @DisplayName("says the vendor returned an unusable cursor (blank or too long), never blaming the caller")
        void unusableVendorCursor() {
            for (String unusable : List.of(" ", "c".repeat(InputRules.MAX_CURSOR_LENGTH + 1))) {
                RecordingProvider vendor = new RecordingProvider(Capabilities.builder().maxPageSize(2).build());
                vendor.pages(Page.of(List.of(A, B), unusable));
                assertThatThrownBy(() -> InvitationProviders.withPolicy(vendor, ProviderConfig.defaults()).stream().count())
                        .isInstanceOf(ProviderUnavailableException.class)
                        .hasMessageContaining("returned an unusable page cursor")
                        .hasMessageNotContaining("pass the nextCursor");
                assertThat(vendor.pageRequests()).hasSize(1);
            }
        }
    }

    @Nested
    @DisplayName("findByEmail()")
    class FindByEmail {

        @Test
        @DisplayName("compares addresses case-insensitively")
        void caseInsensitive() {
            Invitation ada = pending("inv_ada", "Ada.Lovelace@Example.COM");
            adapter.holding(A, ada);

            assertThat(adapter.findByEmail("ada.lovelace@example.com")).containsSame(ada);
        }

        @Test
        @DisplayName("prefers the pending invitation over newer ones that are not pending")
        void prefersPending() {
            Invitation expiredNewest = invitation("inv_1", "ada@example.com", InvitationStatus.EXPIRED, MARCH);
            Invitation pendingOld = invitation("inv_2", "ada@example.com", InvitationStatus.PENDING, JANUARY);
            Invitation acceptedMiddle = invitation("inv_3", "ada@example.com", InvitationStatus.ACCEPTED, FEBRUARY);
            adapter.holding(expiredNewest, pendingOld, acceptedMiddle);

            assertThat(adapter.findByEmail("ada@example.com")).containsSame(pendingOld);
        }

        @Test
        @DisplayName("otherwise takes the most recently created, whatever the listing order")
        void newestOtherwise() {
            Invitation undated = Invitation.builder().id("inv_0").email("ada@example.com")
                    .status(InvitationStatus.REVOKED).provider("fake").build();
            Invitation january = invitation("inv_1", "ada@example.com", InvitationStatus.ACCEPTED, JANUARY);
            Invitation march = invitation("inv_2", "ada@example.com", InvitationStatus.EXPIRED, MARCH);
            Invitation february = invitation("inv_3", "ada@example.com", InvitationStatus.REVOKED, FEBRUARY);
            adapter.holding(january, march, undated, february);

            assertThat(adapter.findByEmail("ada@example.com")).containsSame(march);
        }

        @Test
        @DisplayName("is empty for an address that was never invited")
        void neverInvited() {
            adapter.holding(A, B);

            assertThat(adapter.findByEmail("zoe@example.com")).isEmpty();
        }

        @Test
        @DisplayName("stops reading pages once it finds a pending invitation")
        void stopsEarly() {
            adapter.pages(Page.of(List.of(A, B), "c1"), Page.last(List.of(C)));

            assertThat(adapter.findByEmail("b@example.com")).containsSame(B);
            assertThat(adapter.calls()).containsExactly("findByEmail b@example.com", "list");
        }

        @Test
        @DisplayName("finds a match on a later page")
        void laterPage() {
            adapter.pages(Page.of(List.of(A, B), "c1"), Page.last(List.of(C)));

            assertThat(adapter.findByEmail("c@example.com")).containsSame(C);
        }

        @Test
        @DisplayName("rejects a malformed address before listing anything")
        void malformedAddress() {
            assertThatThrownBy(() -> adapter.findByEmail("not-an-address"))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(adapter.pageRequests()).isEmpty();
        }
    }
}
