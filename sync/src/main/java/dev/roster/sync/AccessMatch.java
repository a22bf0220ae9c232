package dev.roster.sync;

import dev.roster.Capabilities;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether an invitation carries what the state asks for: the same role (the provider's default when
 * the state names none; ignored where the vendor has no roles), and the same projects in any order
 * (when the state names them; the vendor's default projects cannot be known, so they are not
 * compared). A member is compared by role alone ({@link #sameRole}). Vendor attributes are not
 * compared: vendors report their own values there.
 */
final class AccessMatch {

    private AccessMatch() {}

    static boolean same(SeenInvitation seen, Access wanted, Capabilities capabilities) {
        if (capabilities.supportsRoles() && !wanted.role().or(capabilities::defaultRole).equals(seen.role())) {
            return false;
        }
        return wanted.projects()
                .map(projects -> projects.stream().map(p -> key(p.id(), p.role())).collect(Collectors.toSet())
                        .equals(seen.projects().stream().map(g -> key(g.projectId(), g.role())).collect(Collectors.toSet())))
                .orElse(true);
    }

    /**
     * Whether a member's role is the one the state asks for (the provider's default when it names none).
     * A member whose role the vendor does not tell, or a vendor without roles, counts as the same: there
     * is nothing to tell them apart by. Projects are not compared: a member's are not in the member list.
     */
    static boolean sameRole(Optional<String> memberRole, Access wanted, Capabilities capabilities) {
        return !capabilities.supportsRoles() || memberRole.isEmpty()
                || wanted.role().or(capabilities::defaultRole).equals(memberRole);
    }

    private static List<String> key(String projectId, String role) {
        return List.of(projectId, role);
    }
}
