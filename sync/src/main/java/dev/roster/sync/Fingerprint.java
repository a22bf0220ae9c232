package dev.roster.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A desired state's fingerprint: SHA-256 over a canonical form of everything in it (connections with
 * their provider ids, endpoints, defaults and prune settings; people with their overrides), so that a
 * saved plan is refused for another file or vendor set. The order of connections, people, projects
 * and attributes does not count; every value is length-prefixed, so no two states share a form.
 */
final class Fingerprint {

    private Fingerprint() {}

    static String of(DesiredState state) {
        StringBuilder out = new StringBuilder("roster-sync/").append(Plan.FORMAT_VERSION).append('\n');
        state.connections().stream().sorted(Comparator.comparing(ConnectionSpec::name)).forEach(c -> {
            out.append("connection");
            field(out, c.name());
            field(out, c.providerId());
            field(out, c.endpoint().map(Object::toString));
            field(out, c.prune().name());
            access(out, c.defaults());
            out.append('\n');
        });
        state.people().stream()
                .sorted(Comparator.comparing((Person p) -> p.email() == null ? "" : Checks.emailKey(p.email()))
                        .thenComparing(p -> String.valueOf(p.email())))
                .forEach(p -> {
                    out.append("person");
                    field(out, Optional.ofNullable(p.email()).map(String::strip));
                    new TreeMap<>(p.connections()).forEach((name, access) -> {
                        field(out, name);
                        access(out, access);
                    });
                    out.append('\n');
                });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static void access(StringBuilder out, Access access) {
        field(out, access.role());
        out.append(access.projects().isPresent() ? "[" : "-");
        access.projects().ifPresent(projects -> projects.stream()
                .map(p -> List.of(String.valueOf(p.id()), String.valueOf(p.role())))
                .sorted(Comparator.comparing((List<String> p) -> p.get(0)).thenComparing(p -> p.get(1)))
                .forEach(p -> p.forEach(value -> field(out, value))));
        out.append('{');
        new TreeMap<>(access.attributes()).forEach((key, value) -> {
            field(out, key);
            field(out, value);
        });
        out.append('}');
    }

    private static void field(StringBuilder out, Optional<String> value) {
        if (value.isEmpty()) {
            out.append("|-");
        } else {
            field(out, value.get());
        }
    }

    private static void field(StringBuilder out, String value) {
        String shown = value == null ? "\u0000null" : value;
        out.append('|').append(shown.length()).append(':').append(shown);
    }
}
