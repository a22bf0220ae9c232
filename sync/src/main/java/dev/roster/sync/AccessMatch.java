package dev.roster.sync;

import dev.roster.Capabilities;
import dev.roster.ProjectGrant;
import java.util.Optional;
import java.util.Set;
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
                .map(projects -> projects.stream().map(p -> p.id() + "\u0000" + p.role()).collect(Collectors.toSet())
                        .equals(keys(seen)))
                .orElse(true);
    }

    private static Set<String> keys(SeenInvitation seen) {
        return seen.projects().stream().map((ProjectGrant g) -> g.projectId() + "\u0000" + g.role()).collect(Collectors.toSet());
    }
}
