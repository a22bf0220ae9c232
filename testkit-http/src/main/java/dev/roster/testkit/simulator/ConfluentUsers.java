package dev.roster.testkit.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The users behind {@link ConfluentSimulator}, as {@code confluent-iam-users.openapi.yaml} describes
 * them: Confluent creates a user when it invites an address (the invitation's {@code user.id}), so a
 * user exists whether or not the person accepted; who is a member is the simulator's to say (see
 * {@link ConfluentSimulator}). One user per mailbox, compared in any case. Not thread-safe on its own:
 * the simulator guards it.
 */
final class ConfluentUsers {

    /** One user; times as Confluent renders them, with microseconds. */
    record User(String id, String email, String authType, Instant createdAt) {}

    private final Map<String, User> byId = new LinkedHashMap<>();
    private long sequence;

    /** The user of an address, creating it (as inviting does) when there is none. */
    User forEmail(String email, String authType, Instant now) {
        return byEmail(email).orElseGet(() -> {
            User user = new User(String.format("u-%05d", ++sequence), email, authType, now);
            byId.put(user.id(), user);
            return user;
        });
    }

    Optional<User> byEmail(String email) {
        String key = email.toLowerCase(Locale.ROOT);
        return byId.values().stream().filter(u -> u.email().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    Optional<User> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Deletes a user, as {@code DELETE /iam/v2/users/{id}} does. */
    boolean delete(String id) {
        return byId.remove(id) != null;
    }

    /** Every user in creation order. */
    List<User> all() {
        return new ArrayList<>(byId.values());
    }

    void clear() {
        byId.clear();
    }

    /** A user as {@code GET /iam/v2/users/{id}} and the list's {@code data} render it. */
    static ObjectNode render(ObjectMapper json, User user, String rootUri, String organization) {
        ObjectNode node = json.createObjectNode();
        node.put("api_version", "iam/v2");
        node.put("kind", "User");
        node.put("id", user.id());
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("self", rootUri + "/iam/v2/users/" + user.id());
        metadata.put("resource_name", "crn://confluent.cloud/organization=" + organization + "/user=" + user.id());
        metadata.put("created_at", user.createdAt().toString());
        metadata.put("updated_at", user.createdAt().toString());
        node.put("email", user.email());
        node.put("full_name", user.email().substring(0, user.email().indexOf('@')));
        node.put("auth_type", user.authType());
        return node;
    }
}
