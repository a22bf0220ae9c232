package dev.roster.benchmarks;

import com.openai.client.OpenAIClient;
import dev.roster.InvitationProvider;

/**
 * A JVM that does one thing, the first {@code find}, then exits: {@link ColdStartRunner} times the
 * whole process, JVM start to exit.
 */
public final class ColdStartChild {

    private ColdStartChild() {}

    /**
     * Finds one invitation and exits 0, or exits 2 if it was not found.
     *
     * @param args {@code roster|raw|sdk}, the tenant's root URI, the invitation id
     */
    public static void main(String[] args) {
        String mode = args[0];
        String root = args[1];
        String id = args[2];
        boolean found;
        switch (mode) {
            case "roster":
                try (InvitationProvider provider = Clients.rosterOpenAi(root)) {
                    found = provider.find(id).isPresent();
                }
                break;
            case "sdk":
                OpenAIClient sdk = Clients.sdk(root);
                found = id.equals(sdk.admin().organization().invites().retrieve(id).id());
                sdk.close();
                break;
            default:
                found = Clients.rawOpenAi(root).find(id).isPresent();
                break;
        }
        System.exit(found ? 0 : 2);
    }
}
