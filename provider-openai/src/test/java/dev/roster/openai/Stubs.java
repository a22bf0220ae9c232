package dev.roster.openai;

import dev.roster.InvitationProvider;
import dev.roster.ProviderConfig;
import dev.roster.RetryPolicy;
import dev.roster.Secret;
import java.time.Duration;

/** Builds the bare adapter against a WireMock stub, and OpenAI-shaped JSON for stubs to answer. */
final class Stubs {

    static final String KEY = "sk-admin-stub-test-key-0123456789abcdef";
    static final String REQUEST_ID = "req_0123456789abcdef0123456789abcdef";

    private Stubs() {}

    static ProviderConfig config(String rootUrl) {
        return ProviderConfig.builder()
                .baseUri(rootUrl + "/v1")
                .credential(ProviderConfig.OPENAI_ADMIN_KEY, Secret.of(KEY))
                .retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** The adapter without core's policy, so each HTTP answer reaches the test as the adapter maps it. */
    static InvitationProvider bare(String rootUrl) {
        return new OpenAiProviderFactory().create(config(rootUrl));
    }

    /** An invite exactly as the contract describes it. */
    static String invite(String id, String email, String status) {
        return "{\"object\":\"organization.invite\",\"id\":\"" + id + "\",\"email\":\"" + email + "\",\"role\":\"reader\","
                + "\"status\":\"" + status + "\",\"created_at\":1711471533,\"expires_at\":1712076333,\"accepted_at\":null,"
                + "\"projects\":[{\"id\":\"proj_abc\",\"role\":\"member\"}]}";
    }

    static String list(String firstId, String lastId, boolean hasMore, String... invites) {
        return "{\"object\":\"list\",\"data\":[" + String.join(",", invites) + "],\"first_id\":" + quoted(firstId)
                + ",\"last_id\":" + quoted(lastId) + ",\"has_more\":" + hasMore + "}";
    }

    /** OpenAI's error envelope. */
    static String error(String message, String type, String param, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":" + quoted(param)
                + ",\"code\":" + quoted(code) + "}}";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
