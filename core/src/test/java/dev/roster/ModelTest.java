package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The domain model")
class ModelTest {

    @Nested
    @DisplayName("InvitationRequest")
    class Requests {

        @Test
        @DisplayName("trims the email and keeps its case")
        void trimsAndKeepsCase() {
            assertThat(InvitationRequest.of("  Ada.Lovelace@Example.COM\t\n").email()).isEqualTo("Ada.Lovelace@Example.COM");
        }

        @Test
        @DisplayName("leaves role, projects and attributes unspecified by default")
        void defaults() {
            InvitationRequest request = InvitationRequest.of("ada@example.com");

            assertThat(request.role()).isEmpty();
            assertThat(request.projects()).isEmpty();
            assertThat(request.attributes()).isEmpty();
        }

        @Test
        @DisplayName("tells 'no projects at all' apart from 'projects unspecified'")
        void noProjectsIsNotUnspecified() {
            InvitationRequest none = InvitationRequest.builder("ada@example.com").noProjects().build();

            assertThat(none.projects()).isPresent().contains(List.of());
            assertThat(none).isNotEqualTo(InvitationRequest.of("ada@example.com"));
        }

        @Test
        @DisplayName("keeps exactly the projects added, in order")
        void projects() {
            InvitationRequest request = InvitationRequest.builder("ada@example.com")
                    .project("proj_b", "owner").project("proj_a", "member").build();

            assertThat(request.projects()).contains(List.of(ProjectGrant.of("proj_b", "owner"), ProjectGrant.of("proj_a", "member")));
        }

        @Test
        @DisplayName("is not changed by later changes to the list it was built from")
        void immutable() {
            List<ProjectGrant> grants = new ArrayList<>(List.of(ProjectGrant.of("proj_a", "member")));
            InvitationRequest request = InvitationRequest.builder("ada@example.com").projects(grants).build();
            grants.add(ProjectGrant.of("proj_b", "owner"));

            assertThat(request.projects()).contains(List.of(ProjectGrant.of("proj_a", "member")));
            assertThatThrownBy(() -> request.projects().orElseThrow().add(ProjectGrant.of("x", "y")))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> request.attributes().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("takes a null role as the provider's default, and refuses a blank one")
        void roles() {
            assertThat(InvitationRequest.builder("ada@example.com").role(null).build().role()).isEmpty();
            assertThat(InvitationRequest.builder("ada@example.com").role("owner").build().role()).contains("owner");
            assertThatThrownBy(() -> InvitationRequest.builder("ada@example.com").role(" ").build())
                    .isInstanceOf(InvalidRequestException.class);
        }

        @Test
        @DisplayName("refuses a vendor attribute without a name or value")
        void attributes() {
            InvitationRequest.Builder builder = InvitationRequest.builder("ada@example.com");

            assertThatThrownBy(() -> builder.attribute(" ", "x")).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> builder.attribute("auth_type", null)).isInstanceOf(InvalidRequestException.class);
            assertThat(builder.attribute("auth_type", "AUTH_TYPE_SSO").build().attributes())
                    .containsExactly(Map.entry("auth_type", "AUTH_TYPE_SSO"));
        }

        @Test
        @DisplayName("refuses a project grant without a project id or role")
        void projectGrants() {
            assertThatThrownBy(() -> ProjectGrant.of(null, "member")).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> ProjectGrant.of("proj_a", "")).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("proj_a");
        }
    }

    @Nested
    @DisplayName("Invitation")
    class Invitations {

        private final Invitation full = Invitation.builder().id("inv_1").email("ada@example.com").role("reader")
                .status(InvitationStatus.ACCEPTED).createdAt(Instant.parse("2025-01-01T00:00:00Z"))
                .acceptedAt(Instant.parse("2025-01-02T00:00:00Z")).projects(List.of(ProjectGrant.of("p", "member")))
                .provider("openai").attribute("auth_type", "AUTH_TYPE_SSO").attribute("skipped", null).build();

        @Test
        @DisplayName("survives a round trip through toBuilder()")
        void roundTrip() {
            assertThat(full.toBuilder().build()).isEqualTo(full);
            assertThat(full.toBuilder().status(InvitationStatus.REVOKED).build().status()).isEqualTo(InvitationStatus.REVOKED);
        }

        @Test
        @DisplayName("leaves unset optional values empty and skips null attributes")
        void optionals() {
            assertThat(full.expiresAt()).isEmpty();
            assertThat(full.attributes()).containsOnlyKeys("auth_type");
            assertThat(full.isPending()).isFalse();
        }

        @Test
        @DisplayName("needs an id, an email and a provider: without one the vendor's answer is unreadable, not an input error")
        void required() {
            assertThatThrownBy(() -> Invitation.builder().email("a@b.c").provider("x").build())
                    .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("id");
            assertThatThrownBy(() -> Invitation.builder().id("i").provider("x").build())
                    .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("email");
            assertThatThrownBy(() -> Invitation.builder().id("i").email("a@b.c").build())
                    .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("provider");
            assertThatThrownBy(() -> Invitation.builder().id(null)).isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("id");
        }

        @Test
        @DisplayName("refuses null keys, values and elements inside a request's collections with a typed error naming them")
        void nullsInside() {
            Map<String, String> nullKey = new java.util.HashMap<>();
            nullKey.put(null, "x");
            Map<String, String> nullValue = new java.util.HashMap<>();
            nullValue.put("auth_type", null);
            java.util.List<ProjectGrant> nullGrant = new ArrayList<>();
            nullGrant.add(null);
            assertThatThrownBy(() -> new InvitationRequest("ada@example.com", Optional.empty(), Optional.empty(), nullKey))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("attributes").hasMessageContaining("key");
            assertThatThrownBy(() -> new InvitationRequest("ada@example.com", Optional.empty(), Optional.empty(), nullValue))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("attributes").hasMessageContaining("auth_type");
            assertThatThrownBy(() -> new InvitationRequest("ada@example.com", Optional.empty(), Optional.of(nullGrant), Map.of()))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("projects").hasMessageContaining("element 0");
            assertThatThrownBy(() -> InvitationRequest.builder("ada@example.com").projects(nullGrant))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("project grants");
            java.util.Set<String> nullRole = new java.util.HashSet<>();
            nullRole.add(null);
            assertThatThrownBy(() -> new Capabilities(nullRole, Optional.empty(), false, Set.of(), false, 10, Map.of()))
                    .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("roles");
            assertThatThrownBy(() -> Page.last(nullGrant)).isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("items");
        }

        @Test
        @DisplayName("carries a vendor's project id as given, even one the caller-input rules would refuse")
        void vendorProjectIds() {
            Invitation invitation = Invitation.builder().id("i").email("a@b.c").provider("x").status(InvitationStatus.PENDING)
                    .projects(List.of(ProjectGrant.of("proj with space", "member"), ProjectGrant.of("p\u00e9/../x", "owner")))
                    .build();
            assertThat(invitation.projects()).extracting(ProjectGrant::projectId).containsExactly("proj with space", "p\u00e9/../x");
            assertThatThrownBy(() -> ProjectGrant.of(" ", "member")).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("project id");
            assertThatThrownBy(() -> InvitationRequest.builder("ada@example.com").project("proj with space", "member"))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Invalid project id");
            assertThatThrownBy(() -> InvitationRequest.builder("ada@example.com")
                    .projects(List.of(ProjectGrant.of("proj with space", "member"))))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Invalid project id");
            assertThatThrownBy(() -> new InvitationRequest("ada@example.com", Optional.empty(),
                    Optional.of(List.of(ProjectGrant.of("proj with space", "member"))), Map.of()))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Invalid project id");
        }

        @Test
        @DisplayName("is UNKNOWN, not pending, when no status is set")
        void unknownStatus() {
            Invitation invitation = Invitation.builder().id("i").email("a@b.c").provider("x").build();

            assertThat(invitation.status()).isEqualTo(InvitationStatus.UNKNOWN);
            assertThat(invitation.isPending()).isFalse();
        }
    }

    @Nested
    @DisplayName("PageRequest and Page")
    class Paging {

        @ParameterizedTest(name = "size {0}")
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        @DisplayName("refuses a page size below one")
        void sizeBelowOne(int size) {
            assertThatThrownBy(() -> PageRequest.first(size))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining(Integer.toString(size));
        }

        @Test
        @DisplayName("refuses a cursor that is null, blank, too long or has whitespace or control characters")
        void badCursors() {
            for (String cursor : new String[] {null, "", "   ", "a b", "a\nb", "a\u0000b", "c".repeat(4097)}) {
                assertThatThrownBy(() -> PageRequest.after(10, cursor))
                        .as("cursor %s", cursor == null ? "null" : cursor.length() > 20 ? "of 4097 characters" : "'" + cursor + "'")
                        .isInstanceOf(InvalidRequestException.class);
            }
            // The constructor checks structure only: core also builds requests from vendors' cursors, passed back as given.
            assertThat(new PageRequest(10, Optional.of("a b")).cursor()).contains("a b");
            assertThatThrownBy(() -> new PageRequest(10, Optional.of("  "))).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> new PageRequest(10, null)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("cursor");
        }

        @Test
        @DisplayName("accepts an opaque cursor up to 4096 characters and keeps it when resized")
        void goodCursors() {
            String longest = "c".repeat(4096);

            assertThat(PageRequest.after(10, longest).cursor()).contains(longest);
            assertThat(PageRequest.after(10, "eyJpZCI6Mn0=").withSize(3)).isEqualTo(new PageRequest(3, Optional.of("eyJpZCI6Mn0=")));
            assertThat(PageRequest.first(5).cursor()).isEmpty();
        }

        @Test
        @DisplayName("has a next page exactly when it has a cursor")
        void pages() {
            assertThat(Page.of(List.of("a"), "next").hasNext()).isTrue();
            assertThat(Page.of(List.of("a"), null).hasNext()).isFalse();
            assertThat(Page.last(List.of("a"))).isEqualTo(Page.of(List.of("a"), null));
        }
    }

    @Nested
    @DisplayName("Capabilities")
    class CapabilitiesBuilder {

        @Test
        @DisplayName("supports nothing by default, with pages of 100")
        void defaults() {
            Capabilities none = Capabilities.builder().build();

            assertThat(none.supportsRoles()).isFalse();
            assertThat(none.roles()).isEmpty();
            assertThat(none.defaultRole()).isEmpty();
            assertThat(none.projectGrants()).isFalse();
            assertThat(none.revokeAccepted()).isFalse();
            assertThat(none.vendorAttributes()).isEmpty();
            assertThat(none.maxPageSize()).isEqualTo(100);
        }

        @Test
        @DisplayName("takes the first role as the default and derives project support from the project roles")
        void declared() {
            Capabilities caps = Capabilities.builder().roles("reader", "owner").projectGrants("member", "owner")
                    .revokeAccepted(true).maxPageSize(7).vendorAttribute("auth_type", "SSO", "LOCAL").vendorAttribute("note")
                    .build();

            assertThat(caps.supportsRoles()).isTrue();
            assertThat(caps.roles()).containsExactlyInAnyOrder("reader", "owner");
            assertThat(caps.defaultRole()).contains("reader");
            assertThat(caps.projectGrants()).isTrue();
            assertThat(caps.projectRoles()).containsExactlyInAnyOrder("member", "owner");
            assertThat(caps.revokeAccepted()).isTrue();
            assertThat(caps.maxPageSize()).isEqualTo(7);
            assertThat(caps.vendorAttributes()).containsOnlyKeys("auth_type", "note");
            assertThat(caps.vendorAttributes().get("auth_type")).containsExactlyInAnyOrder("SSO", "LOCAL");
            assertThat(caps.vendorAttributes().get("note")).isEmpty();
        }

        @Test
        @DisplayName("declares accepted invitations observable unless told otherwise, and the older constructor keeps that")
        void acceptedObservable() {
            assertThat(Capabilities.builder().build().acceptedObservable()).isTrue();
            assertThat(Capabilities.builder().acceptedObservable(false).build().acceptedObservable()).isFalse();
            assertThat(new Capabilities(Set.of(), Optional.empty(), false, Set.of(), false, 10, Map.of()).acceptedObservable())
                    .isTrue();
        }

        @Test
        @DisplayName("refuses a page size below one and a default role that is not a role")
        void invalid() {
            assertThatThrownBy(() -> Capabilities.builder().maxPageSize(0).build())
                    .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("maxPageSize");
            assertThatThrownBy(() -> new Capabilities(Set.of("reader"), Optional.of("owner"), false,
                    Set.of(), false, 10, Map.of())).isInstanceOf(ProviderConfigurationException.class)
                    .hasMessageContaining("defaultRole");
        }
    }

    @Nested
    @DisplayName("RetryPolicy")
    class Retries {

        @Test
        @DisplayName("has sane defaults and a no-retry policy")
        void presets() {
            assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(4);
            assertThat(RetryPolicy.defaults().rateLimitBudget()).isEqualTo(Duration.ofMinutes(1));
            assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
            assertThat(RetryPolicy.none().rateLimitBudget()).isZero();
        }

        @Test
        @DisplayName("paces rate limits for a minute unless it makes one attempt only, when built without a budget")
        void fourArgumentConstructor() {
            Duration second = Duration.ofSeconds(1);
            assertThat(new RetryPolicy(3, second, second, second).rateLimitBudget()).isEqualTo(RetryPolicy.DEFAULT_RATE_LIMIT_BUDGET);
            assertThat(new RetryPolicy(1, second, second, second).rateLimitBudget()).isZero();
            assertThat(new RetryPolicy(3, second, second, second).withRateLimitBudget(Duration.ZERO).rateLimitBudget()).isZero();
        }

        @Test
        @DisplayName("refuses fewer than one attempt, negative waits, and a cap below the first wait")
        void validation() {
            Duration second = Duration.ofSeconds(1);
            assertThatThrownBy(() -> new RetryPolicy(0, second, second, second))
                    .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("maxAttempts");
            assertThatThrownBy(() -> new RetryPolicy(3, second.negated(), second, second))
                    .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("negative");
            assertThatThrownBy(() -> new RetryPolicy(3, second, second, second.negated()))
                    .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("negative");
            assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), second, second))
                    .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("maxBackoff");
            assertThatThrownBy(() -> new RetryPolicy(3, second, second, second, second.negated()))
                    .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("negative");
        }

        @Test
        @DisplayName("refuses a null duration with a configuration error naming the component, not a NullPointerException")
        void nullComponents() {
            Duration second = Duration.ofSeconds(1);
            assertThatThrownBy(() -> new RetryPolicy(3, null, second, second))
                    .isExactlyInstanceOf(ProviderConfigurationException.class).hasMessageContaining("RetryPolicy.baseBackoff");
            assertThatThrownBy(() -> new RetryPolicy(3, second, null, second))
                    .isExactlyInstanceOf(ProviderConfigurationException.class).hasMessageContaining("RetryPolicy.maxBackoff");
            assertThatThrownBy(() -> new RetryPolicy(3, second, second, null))
                    .isExactlyInstanceOf(ProviderConfigurationException.class).hasMessageContaining("RetryPolicy.maxHonouredWait");
            assertThatThrownBy(() -> new RetryPolicy(3, second, second, second, null))
                    .isExactlyInstanceOf(ProviderConfigurationException.class).hasMessageContaining("RetryPolicy.rateLimitBudget");
            assertThatThrownBy(() -> RetryPolicy.defaults().withRateLimitBudget(null))
                    .isExactlyInstanceOf(ProviderConfigurationException.class).hasMessageContaining("RetryPolicy.rateLimitBudget");
        }
    }

    @Nested
    @DisplayName("RosterException")
    class Errors {

        @Test
        @DisplayName("adds the provider, status, vendor code and request id to its message")
        void messageWithDetails() {
            ErrorDetails details = ErrorDetails.of("openai").withHttpStatus(409).withVendorCode("invite_exists")
                    .withRequestId("req_123");
            RosterException e = new ConflictException(ConflictException.Reason.ALREADY_INVITED, "Already invited.", details, null);

            assertThat(e).hasMessage("Already invited. [provider=openai, status=409, code=invite_exists, requestId=req_123]");
            assertThat(e.providerId()).contains("openai");
            assertThat(e.httpStatus()).hasValue(409);
            assertThat(e.vendorCode()).contains("invite_exists");
            assertThat(e.requestId()).contains("req_123");
            assertThat(e.details()).isSameAs(details);
        }

        @Test
        @DisplayName("keeps the message as it is when nothing else is known")
        void messageWithoutDetails() {
            RosterException e = new RosterException("Something failed.");

            assertThat(e).hasMessage("Something failed.");
            assertThat(e.providerId()).isEmpty();
            assertThat(e.httpStatus()).isEmpty();
        }

        @Test
        @DisplayName("makes every failure a RosterException, and a missing provider a configuration problem")
        void hierarchy() {
            assertThat(new ProviderNotFoundException("x")).isInstanceOf(ProviderConfigurationException.class);
            assertThat(List.of(new NotFoundException("x"), new InvalidRequestException("x"), new AuthenticationException("x"),
                    new PermissionDeniedException("x"), new ProviderUnavailableException("x"),
                    new UnsupportedCapabilityException("x"), new ProviderConfigurationException("x"),
                    new RateLimitedException("x", Optional.empty(), ErrorDetails.none(), null),
                    new ConflictException(ConflictException.Reason.OTHER, "x")))
                    .allSatisfy(e -> assertThat(e).isInstanceOf(RosterException.class));
        }

        @Test
        @DisplayName("carries the vendor's Retry-After on a rate limit, and a reason on a conflict")
        void extras() {
            assertThat(new RateLimitedException("slow down", Optional.of(Duration.ofSeconds(7)), ErrorDetails.none(), null)
                    .retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(new ConflictException(ConflictException.Reason.ALREADY_MEMBER, "member").reason())
                    .isEqualTo(ConflictException.Reason.ALREADY_MEMBER);
            // Reporting a failure never fails itself: nulls are taken as "not known".
            assertThat(new ConflictException(null, "x").reason()).isEqualTo(ConflictException.Reason.OTHER);
            assertThat(new RateLimitedException("x", null, null, null).retryAfter()).isEmpty();
            assertThat(new RosterException("x", null, null).details()).isEqualTo(ErrorDetails.none());
        }
    }
}
