package dev.roster.openai;

import dev.roster.ProviderConfig;
import dev.roster.Secret;
import dev.roster.testkit.security.SecretLeakContract;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("OpenAI: the admin key never leaks, with every log at its most verbose")
class OpenAiSecretLeakTest extends SecretLeakContract {

    /** Distinctive, so that it cannot appear by chance. */
    private static final String ADMIN_KEY = "sk-admin-LeakCanary7QwErTy0penAi9ZxCvB";

    @RegisterExtension
    static final OpenAiSimulator openai = new OpenAiSimulator(ADMIN_KEY).validatedAgainstSpec();

    @Override
    protected String providerId() {
        return "openai";
    }

    @Override
    protected VendorSimulator simulator() {
        return openai;
    }

    @Override
    protected ProviderConfig credentials() {
        return ProviderConfig.builder().credential(ProviderConfig.OPENAI_ADMIN_KEY, Secret.of(ADMIN_KEY)).build();
    }

    @Override
    protected ProviderConfig config(URI root, ProviderConfig credentials) {
        ProviderConfig.Builder builder = ProviderConfig.builder().baseUri(root + "/v1").property(OpenAiHttp.LOG_LEVEL_PROPERTY, "FULL");
        credentials.credential(ProviderConfig.OPENAI_ADMIN_KEY).ifPresent(key -> builder.credential(ProviderConfig.OPENAI_ADMIN_KEY, key));
        return builder.build();
    }

    @Override
    protected Map<String, String> secretForms(ProviderConfig credentials) {
        return Map.of("the OpenAI admin key", credentials.credential(ProviderConfig.OPENAI_ADMIN_KEY).orElseThrow().reveal());
    }
}
