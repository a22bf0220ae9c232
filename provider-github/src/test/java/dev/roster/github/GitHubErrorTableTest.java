package dev.roster.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.ConflictException;
import dev.roster.InvalidRequestException;
import dev.roster.InvitationStatus;
import dev.roster.PermissionDeniedException;
import dev.roster.ProviderUnavailableException;
import dev.roster.RateLimitedException;
import dev.roster.RosterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GitHub's error table, Link header and item mapping, read strictly")
class GitHubErrorTableTest {

    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");
    private static final GitHubErrors ERRORS = new GitHubErrors(dev.roster.provider.support.FeignClients.lenientJson(), Clock.fixed(NOW, ZoneOffset.UTC), "acme", dev.roster.spi.Redactor.of(java.util.List.of("ghp_unit-test-token")));
    private static final String VALIDATION = "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"OrganizationInvitation\","
            + "\"code\":\"%s\",\"field\":\"%s\",\"message\":\"%s\"}],\"documentation_url\":\"https://docs.github.com/rest\"}";

    private static RosterException decode(GitHubErrors.Operation operation, int status, Map<String, String> headers, String body) {
        return ERRORS.decode(operation, status, name -> headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst(), body);
    }

    @Test
    @DisplayName("a 403 or 429 with x-ratelimit-remaining 0 waits until x-ratelimit-reset by the injected clock")
    void primaryRateLimit() {
        String body = "{\"message\":\"API rate limit exceeded for user ID 1.\"}";
        for (int status : new int[] {403, 429}) {
            RosterException e = decode(GitHubErrors.Operation.LIST, status, Map.of("x-ratelimit-remaining", "0",
                    "x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 42), "x-github-request-id", "ABCD:1234"), body);
            assertThat(e).isInstanceOf(RateLimitedException.class).hasMessageContaining("rate limit");
            assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(42));
            assertThat(e.requestId()).contains("ABCD:1234");
        }
        RosterException past = decode(GitHubErrors.Operation.LIST, 403, Map.of("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", Long.toString(NOW.getEpochSecond() - 5)), body);
        assertThat(((RateLimitedException) past).retryAfter()).contains(Duration.ZERO);
    }

    @Test
    @DisplayName("a secondary rate limit waits retry-after, or the minute GitHub asks for when it names none")
    void secondaryRateLimit() {
        String body = "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}";
        RosterException withHeader = decode(GitHubErrors.Operation.CREATE, 403, Map.of("retry-after", "7"), body);
        assertThat(((RateLimitedException) withHeader).retryAfter()).contains(Duration.ofSeconds(7));
        RosterException without = decode(GitHubErrors.Operation.CREATE, 403, Map.of(), body);
        assertThat(((RateLimitedException) without).retryAfter()).contains(Duration.ofMinutes(1));
    }

    @Test
    @DisplayName("any other 403 is a permission problem naming the admin:org scope")
    void forbidden() {
        RosterException e = decode(GitHubErrors.Operation.CREATE, 403, Map.of("x-ratelimit-remaining", "4999"),
                "{\"message\":\"Must have admin rights to Repository.\"}");
        assertThat(e).isInstanceOf(PermissionDeniedException.class).hasMessageContaining("admin:org");
    }

    @Test
    @DisplayName("a 422 names its field, and says whether it is the quota, a member or a pending invitation")
    void validationErrors() {
        assertThat(decode(GitHubErrors.Operation.CREATE, 422, Map.of(), String.format(VALIDATION, "invalid", "email", "bad")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("field email: invalid");
        assertThat(decode(GitHubErrors.Operation.CREATE, 422, Map.of(), String.format(VALIDATION, "custom", "data",
                "Invitee has already been invited"))).isInstanceOfSatisfying(ConflictException.class,
                        c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.ALREADY_INVITED));
        assertThat(decode(GitHubErrors.Operation.CREATE, 422, Map.of(), String.format(VALIDATION, "unprocessable", "data",
                "Over invitation rate limit"))).isInstanceOf(dev.roster.QuotaExceededException.class)
                .hasMessageContaining("500");
    }

    @Test
    @DisplayName("a 5xx is an unknown outcome carrying retry-after; a body that is not GitHub's JSON is quoted, shortened")
    void serverErrors() {
        RosterException e = decode(GitHubErrors.Operation.CREATE, 503, Map.of("retry-after", "3"), "<html>busy</html>");
        assertThat(e).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("<html>busy</html>");
    }

    @Test
    @DisplayName("reads rel=\"next\" from a Link header, and refuses one that is garbled or does not move forward")
    void links() {
        String link = "<https://api.github.com/orgs/acme/invitations?per_page=2&page=3>; rel=\"next\", "
                + "<https://api.github.com/orgs/acme/invitations?per_page=2&page=5>; rel=\"last\"";
        assertThat(GitHubMapping.nextPage(link, 2)).isEqualTo(OptionalInt.of(3));
        assertThat(GitHubMapping.nextPage(null, 1)).isEmpty();
        assertThat(GitHubMapping.nextPage("<https://x/y?page=1>; rel=\"prev\", <https://x/y?page=1>; rel=\"first\"", 2)).isEmpty();
        assertThatThrownBy(() -> GitHubMapping.nextPage("page 3 please", 2)).isInstanceOf(ProviderUnavailableException.class);
        assertThatThrownBy(() -> GitHubMapping.nextPage("<https://x/y?page=2>; rel=\"next\"", 2))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("does not follow");
        assertThatThrownBy(() -> GitHubMapping.nextPage("<https://x/y?per_page=2>; rel=\"next\"", 2))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("no page number");
    }

    @Test
    @DisplayName("leaves login-only invitations out, keeps another failure's reason, and finds an item without id unreadable")
    void items() {
        GitHubJson.Invitation byLogin = new GitHubJson.Invitation(7L, "octocat", null, "direct_member", "2026-12-01T00:00:00Z",
                null, null, 0, "member", "x");
        assertThat(GitHubMapping.listed(byLogin, GitHubCursor.Lists.PENDING)).isEmpty();

        GitHubJson.Invitation failed = new GitHubJson.Invitation(8L, null, "ada@example.com", "direct_member",
                "2016-11-30T06:46:10-08:00", "2016-12-01T00:00:00Z", "The invitee's account was flagged", 0, "member", "x");
        var mapped = GitHubMapping.listed(failed, GitHubCursor.Lists.FAILED).orElseThrow();
        assertThat(mapped.status()).isEqualTo(InvitationStatus.UNKNOWN);
        assertThat(mapped.attributes()).containsEntry("failed_reason", "The invitee's account was flagged");
        assertThat(mapped.createdAt()).contains(Instant.parse("2016-11-30T14:46:10Z"));

        GitHubJson.Invitation noId = new GitHubJson.Invitation(null, null, "ada@example.com", "direct_member",
                "2026-12-01T00:00:00Z", null, null, 0, null, null);
        assertThatThrownBy(() -> GitHubMapping.listed(noId, GitHubCursor.Lists.PENDING))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("an id");
        GitHubJson.Invitation badTime = new GitHubJson.Invitation(9L, null, "ada@example.com", "direct_member",
                "yesterday", null, null, 0, null, null);
        assertThatThrownBy(() -> GitHubMapping.listed(badTime, GitHubCursor.Lists.PENDING))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("created_at");
        assertThat(Optional.of(GitHubCursor.parse("failed:3:100"))).contains(new GitHubCursor(GitHubCursor.Lists.FAILED, 3, 100));
    }
}
