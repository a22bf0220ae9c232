package dev.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.Capabilities;
import dev.roster.InvalidRequestException;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.InvitationRequest;
import dev.roster.PageRequest;
import dev.roster.ProviderConfig;
import dev.roster.UnsupportedCapabilityException;
import dev.roster.fixtures.RecordingProvider;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Core's policy checks every argument before the adapter sees it. */
@DisplayName("The policy's input validation")
class PolicyValidationTest {

    /** Roles, project grants, two vendor attributes (one with a closed set of values), pages of 50. */
    static final Capabilities RICH = Capabilities.builder()
            .roles("reader", "owner")
            .projectGrants("member", "owner")
            .vendorAttribute("auth_type", "AUTH_TYPE_LOCAL", "AUTH_TYPE_SSO")
            .vendorAttribute("note")
            .maxPageSize(50)
            .build();

    /** No roles, no projects, no attributes. */
    static final Capabilities BARE = Capabilities.builder().build();

    private final RecordingProvider rich = new RecordingProvider(RICH);
    private final InvitationProvider policy = InvitationProviders.withPolicy(rich, ProviderConfig.defaults());

    @Nested
    @DisplayName("of email addresses")
    class Emails {

        static Stream<Arguments> badEmails() {
            String local65 = "a".repeat(65);
            String tooLong = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62) + ".com";
            return Stream.of(
                    arguments(named("null", null)),
                    arguments(named("empty", "")),
                    arguments(named("blank", "   \t ")),
                    arguments(named("no @", "ada.example.com")),
                    arguments(named("two @", "ada@lovelace@example.com")),
                    arguments(named("a space inside", "ada lovelace@example.com")),
                    arguments(named("a tab inside", "ada\t@example.com")),
                    arguments(named("a no-break space inside", "ada\u00a0@example.com")),
                    arguments(named("a line break inside", "ada@example.com\nBcc:eve@example.com")),
                    arguments(named("a NUL character", "ada\u0000@example.com")),
                    arguments(named("a zero-width format character", "ada\u200b@example.com")),
                    arguments(named("more than 254 characters", tooLong)),
                    arguments(named("255 characters, one over the limit",
                            "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62))),
                    arguments(named("two @ in a row", "two@@example.com")),
                    arguments(named("a bell character", "ctrl\u0007@example.com")),
                    arguments(named("no dot in the domain", "ada@localhost")),
                    arguments(named("an empty domain", "ada@")),
                    arguments(named("an empty local part", "@example.com")),
                    arguments(named("an empty domain label", "ada@example..com")),
                    arguments(named("a trailing dot", "ada@example.com.")),
                    arguments(named("a label with a leading hyphen", "ada@-example.com")),
                    arguments(named("a label with a trailing hyphen", "ada@example-.com")),
                    arguments(named("a label of 64 characters", "ada@" + "x".repeat(64) + ".com")),
                    arguments(named("a domain label with an underscore", "ada@ex_ample.com")),
                    arguments(named("a local part of 65 characters", local65 + "@example.com")));
        }

        @ParameterizedTest(name = "rejects an address with {0}")
        @MethodSource("badEmails")
        @DisplayName("rejects a malformed address when the request is built")
        void rejectsMalformedAddresses(String email) {
            assertThatThrownBy(() -> InvitationRequest.builder(email).build())
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("Invalid email address");
        }

        @ParameterizedTest(name = "rejects an address with {0}")
        @MethodSource("badEmails")
        @DisplayName("rejects a malformed address in findByEmail without calling the adapter")
        void findByEmailRejectsMalformedAddresses(String email) {
            assertThatThrownBy(() -> policy.findByEmail(email)).isExactlyInstanceOf(InvalidRequestException.class);
            assertThat(rich.calls()).isEmpty();
        }

        @Test
        @DisplayName("accepts addresses at the limits: 254 characters, a 64-character local part, 63-character labels")
        void acceptsAddressesAtTheLimits() {
            String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
            assertThat(longest).hasSize(254);

            assertThat(InvitationRequest.of(longest).email()).isEqualTo(longest);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"ada@example.com", "ada.lovelace+roster@sub.example.co.uk", "ada@my-company.example",
                "ada@bücher.example", "ADA@EXAMPLE.COM", "a@b.c"})
        @DisplayName("accepts ordinary addresses")
        void acceptsOrdinaryAddresses(String email) {
            assertThat(InvitationRequest.of(email).email()).isEqualTo(email);
        }

        @Test
        @DisplayName("names the offending address in the message")
        void namesTheAddress() {
            assertThatThrownBy(() -> InvitationRequest.of("ada@localhost"))
                    .hasMessageContaining("'ada@localhost'")
                    .hasMessageContaining("dot");
        }

        @Test
        @DisplayName("shows control characters escaped in the message, so a value cannot forge a log line")
        void escapesControlCharacters() {
            assertThatThrownBy(() -> InvitationRequest.of("ada\r\n[INFO] forged@example.com"))
                    .hasMessageContaining("ada\\u000d\\u000a[INFO] forged@example.com")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n"));
        }

        @Test
        @DisplayName("shortens a very long address in the message")
        void shortensLongValues() {
            String huge = "a".repeat(10_000) + "@example.com";
            assertThatThrownBy(() -> InvitationRequest.of(huge))
                    .hasMessageContaining("(10012 characters)")
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        }
    }

    @Nested
    @DisplayName("of invitation ids")
    class InvitationIds {

        static Stream<Arguments> badIds() {
            return Stream.of(
                    arguments(named("null", null)),
                    arguments(named("empty", "")),
                    arguments(named("a dot", ".")),
                    arguments(named("two dots", "..")),
                    arguments(named("a path up", "../projects")),
                    arguments(named("a slash", "a/b")),
                    arguments(named("a backslash", "a\\b")),
                    arguments(named("percent-encoded dots", "%2e%2e")),
                    arguments(named("a query", "x?y=1")),
                    arguments(named("a fragment", "x#y")),
                    arguments(named("a space", "a b")),
                    arguments(named("a line break", "a\r\nb")),
                    arguments(named("256 characters", "i".repeat(256))));
        }

        @ParameterizedTest(name = "find rejects an id with {0}")
        @MethodSource("badIds")
        @DisplayName("find rejects a malformed id without calling the adapter")
        void findRejects(String id) {
            assertThatThrownBy(() -> policy.find(id)).isExactlyInstanceOf(InvalidRequestException.class);
            assertThat(rich.calls()).isEmpty();
        }

        @ParameterizedTest(name = "revoke rejects an id with {0}")
        @MethodSource("badIds")
        @DisplayName("revoke rejects a malformed id without calling the adapter")
        void revokeRejects(String id) {
            assertThatThrownBy(() -> policy.revoke(id)).isExactlyInstanceOf(InvalidRequestException.class);
            assertThat(rich.calls()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"invite-abc123", "dlz-f4e5d6", "u_1.2:3", "...", "i"})
        @DisplayName("passes a well-formed id to the adapter unchanged")
        void passesGoodIds(String id) {
            assertThat(policy.find(id)).isEmpty();
            assertThat(policy.revoke(id)).isTrue();
            // The second find is revoke's look-up before the delete (PolicyInvitationProvider.revoke).
            assertThat(rich.calls()).containsExactly("find " + id, "find " + id, "revoke " + id);
        }

        @Test
        @DisplayName("accepts an id of exactly 255 characters")
        void longestId() {
            String id = "i".repeat(255);
            assertThat(policy.find(id)).isEmpty();
            assertThat(rich.calls()).containsExactly("find " + id);
        }

        @Test
        @DisplayName("names the offending id in the message, with control characters escaped")
        void namesTheId() {
            assertThatThrownBy(() -> policy.revoke("../projects"))
                    .hasMessageContaining("'../projects'");
            assertThatThrownBy(() -> policy.find("a\r\nb"))
                    .hasMessageContaining("'a\\u000d\\u000ab'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n"));
        }
    }

    @Nested
    @DisplayName("of what the provider can do")
    class CapabilityChecks {

        private final RecordingProvider bare = new RecordingProvider(BARE);
        private final InvitationProvider barePolicy = InvitationProviders.withPolicy(bare, ProviderConfig.defaults());

        @Test
        @DisplayName("passes a request the provider supports to the adapter unchanged")
        void supportedRequest() {
            InvitationRequest request = InvitationRequest.builder("ada@example.com")
                    .role("owner")
                    .project("proj_1", "member")
                    .attribute("auth_type", "AUTH_TYPE_SSO")
                    .attribute("note", "anything goes")
                    .build();

            policy.invite(request);

            assertThat(rich.inviteRequests()).containsExactly(request);
        }

        @Test
        @DisplayName("refuses a role the provider does not have, naming it and the roles there are")
        void unknownRole() {
            assertThatThrownBy(() -> policy.invite(InvitationRequest.builder("ada@example.com").role("admin").build()))
                    .isExactlyInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("'admin'")
                    .hasMessageContaining("[owner, reader]")
                    .hasMessageContaining("default: reader")
                    .satisfies(e -> assertThat(((UnsupportedCapabilityException) e).providerId()).contains("fake"));
            assertThat(rich.calls()).isEmpty();
        }

        @Test
        @DisplayName("refuses any role when the provider has no roles")
        void roleWithoutRoles() {
            assertThatThrownBy(() -> barePolicy.invite(InvitationRequest.builder("ada@example.com").role("reader").build()))
                    .isExactlyInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("takes no role")
                    .hasMessageContaining("'reader'");
            assertThat(bare.calls()).isEmpty();
        }

        @Test
        @DisplayName("refuses project grants when the provider has no projects")
        void projectsWithoutProjects() {
            assertThatThrownBy(() -> barePolicy.invite(
                    InvitationRequest.builder("ada@example.com").project("proj_1", "member").build()))
                    .isExactlyInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("cannot grant projects");
            assertThat(bare.calls()).isEmpty();
        }

        @Test
        @DisplayName("lets an explicit 'no projects' through to a provider without projects")
        void noProjectsWithoutProjects() {
            InvitationRequest request = InvitationRequest.builder("ada@example.com").noProjects().build();

            barePolicy.invite(request);

            assertThat(bare.inviteRequests()).containsExactly(request);
        }

        @Test
        @DisplayName("refuses a project role the provider does not have, naming the project and the roles there are")
        void unknownProjectRole() {
            assertThatThrownBy(() -> policy.invite(
                    InvitationRequest.builder("ada@example.com").project("proj_1", "member").project("proj_2", "admin").build()))
                    .isExactlyInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("'admin'")
                    .hasMessageContaining("proj_2")
                    .hasMessageContaining("[member, owner]");
            assertThat(rich.calls()).isEmpty();
        }

        @Test
        @DisplayName("refuses a vendor attribute the provider does not know, naming the known ones")
        void unknownAttribute() {
            assertThatThrownBy(() -> policy.invite(
                    InvitationRequest.builder("ada@example.com").attribute("colour", "blue").build()))
                    .isExactlyInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("'colour'")
                    .hasMessageContaining("[auth_type, note]");
            assertThat(rich.calls()).isEmpty();
        }

        @Test
        @DisplayName("rejects an attribute value outside its allowed set as an invalid request, naming the allowed values")
        void attributeValueNotAllowed() {
            assertThatThrownBy(() -> policy.invite(
                    InvitationRequest.builder("ada@example.com").attribute("auth_type", "AUTH_TYPE_MAGIC").build()))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("'AUTH_TYPE_MAGIC'")
                    .hasMessageContaining("[AUTH_TYPE_LOCAL, AUTH_TYPE_SSO]");
            assertThat(rich.calls()).isEmpty();
        }

        @Test
        @DisplayName("shows control characters in a refused value escaped, so it cannot forge a log line")
        void escapesRefusedValues() {
            assertThatThrownBy(() -> policy.invite(
                    InvitationRequest.builder("ada@example.com").role("admin\r\n[INFO] granted").build()))
                    .hasMessageContaining("admin\\u000d\\u000a[INFO] granted")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n"));
            assertThatThrownBy(() -> policy.invite(
                    InvitationRequest.builder("ada@example.com").attribute("auth_type", "SSO\n[INFO] ok").build()))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(rich.calls()).isEmpty();
        }
    }

    @Nested
    @DisplayName("of page requests")
    class Paging {

        @Test
        @DisplayName("lowers a page size above the provider's maximum to that maximum, keeping the cursor")
        void lowersThePageSize() {
            policy.list(PageRequest.after(1_000, "cursor-7"));

            assertThat(rich.pageRequests()).containsExactly(new PageRequest(50, Optional.of("cursor-7")));
        }

        @ParameterizedTest(name = "size {0}")
        @ValueSource(ints = {1, 49, 50})
        @DisplayName("leaves a page size up to the maximum as it is")
        void keepsSmallerSizes(int size) {
            policy.list(PageRequest.first(size));

            assertThat(rich.pageRequests()).containsExactly(PageRequest.first(size));
        }
    }

    @Nested
    @DisplayName("of missing arguments")
    class NullArguments {

        @Test
        @DisplayName("rejects null for every operation without calling the adapter")
        void rejectsNulls() {
            assertThatThrownBy(() -> policy.invite(null)).isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("InvitationRequest.of");
            assertThatThrownBy(() -> policy.list(null)).isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("PageRequest.first");
            assertThatThrownBy(() -> policy.find(null)).isExactlyInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> policy.revoke(null)).isExactlyInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> policy.findByEmail(null)).isExactlyInstanceOf(InvalidRequestException.class);
            assertThat(rich.calls()).isEmpty();
        }
    }
}
