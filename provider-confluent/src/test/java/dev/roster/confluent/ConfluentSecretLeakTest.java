package dev.roster.confluent;

import dev.roster.ProviderConfig;
import dev.roster.Secret;
import dev.roster.testkit.security.SecretLeakContract;
import dev.roster.testkit.simulator.ConfluentSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Confluent Cloud: the API key and secret never leak, with every log at its most verbose")
class ConfluentSecretLeakTest extends SecretLeakContract {

    private static final String API_KEY = "LEAKCANARYKEY7QW";
    /** With +, / and =, so that every encoding of it differs from it. */
    private static final String API_SECRET = "leak+Canary/Secret=7QwErTyConfluent9Zx";

    @RegisterExtension
    static final ConfluentSimulator confluent = new ConfluentSimulator(API_KEY, API_SECRET).validatedAgainstSpec();

    @Override
    protected String providerId() {
        return ConfluentCloud.ID;
    }

    @Override
    protected VendorSimulator simulator() {
        return confluent;
    }

    @Override
    protected ProviderConfig credentials() {
        return ProviderConfig.builder()
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_KEY, Secret.of(API_KEY))
                .credential(ProviderConfig.CONFLUENT_CLOUD_API_SECRET, Secret.of(API_SECRET))
                .build();
    }

    @Override
    protected ProviderConfig config(URI root, ProviderConfig credentials) {
        ProviderConfig.Builder builder = ProviderConfig.builder().baseUri(root).property(ConfluentCloud.HTTP_LOG_PROPERTY, "FULL");
        for (String name : ProviderConfig.KNOWN_CREDENTIALS) {
            credentials.credential(name).ifPresent(secret -> builder.credential(name, secret));
        }
        return builder.build();
    }

    @Override
    protected Map<String, String> secretForms(ProviderConfig credentials) {
        String key = credentials.credential(ProviderConfig.CONFLUENT_CLOUD_API_KEY).orElseThrow().reveal();
        String secret = credentials.credential(ProviderConfig.CONFLUENT_CLOUD_API_SECRET).orElseThrow().reveal();
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("the Confluent API key", key);
        forms.put("the Confluent API secret", secret);
        forms.put("Base64 of key:secret", Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        return forms;
    }
}
