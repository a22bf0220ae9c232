package dev.roster.sync;

import dev.roster.Capabilities;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether an invitation carries what the state asks for: the same role (the provider's default when
 * the state names none; ignored where the vendor has no roles), and the same projects in any order
 * (when the state names them; the vendor's default projects cannot be known, so they are not
 * compared). Vendor attributes are not compared: vendors report their own values there.
 */
final class AccessMatch {

    private AccessMatch() {}

    static boolean same(SeenInvitation seen, Access wanted, Capabilities capabilities) {
        if (capabilities.supportsRoles()) {
            Optional<String> role = wanted.role().or(capabilities::defaultRole);
            if (!role.equals(seen.role())) {
                return false;
            }
        }
        return wanted.projects()
                .map(projects -> projects.stream().map(p -> key(p.id(), p.role())).collect(Collectors.toSet())
                        .equals(seen.projects().stream().map(g -> key(g.projectId(), g.role())).collect(Collectors.toSet())))
                .orElse(true);
    }

    private static List<String> key(String projectId, String role) {
        return List.of(projectId, role);
    }
}
