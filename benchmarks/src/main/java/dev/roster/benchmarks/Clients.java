package dev.roster.benchmarks;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.ProviderConfig;
import dev.roster.Secret;

/** How each benchmark builds the clients it compares, all pointed at the loopback server. */
final class Clients {

    private Clients() {}

    /** Roster's OpenAI provider, as applications get it: found by id, wrapped in core's policy. */
    static InvitationProvider rosterOpenAi(String tenantRoot) {
        return InvitationProviders.load("openai", ProviderConfig.builder()
                .baseUri(java.net.URI.create(tenantRoot + "/v1"))
                .credential(ProviderConfig.OPENAI_ADMIN_KEY, Secret.of(LoopbackServer.ADMIN_KEY))
                .build());
    }

    /** Roster's Confluent provider, as applications get it. */
    static InvitationProvider rosterConfluent(String tenantRoot) {
        return InvitationProviders.load("confluent", ProviderConfig.builder()
                .baseUri(java.net.URI.create(tenantRoot))
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_KEY, Secret.of(LoopbackServer.CONFLUENT_KEY))
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, Secret.of(LoopbackServer.CONFLUENT_SECRET))
                .build());
    }

    static RawOpenAiClient rawOpenAi(String tenantRoot) {
        return new RawOpenAiClient(tenantRoot + "/v1", LoopbackServer.ADMIN_KEY);
    }

    static RawConfluentClient rawConfluent(String tenantRoot) {
        return new RawConfluentClient(tenantRoot, LoopbackServer.CONFLUENT_KEY, LoopbackServer.CONFLUENT_SECRET);
    }

    /** The official SDK with its defaults (OkHttp, 2 retries), as its README shows it. */
    static OpenAIClient sdk(String tenantRoot) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(tenantRoot + "/v1")
                .adminApiKey(LoopbackServer.ADMIN_KEY)
                .build();
    }
}
