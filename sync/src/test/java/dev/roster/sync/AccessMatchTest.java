package dev.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Capabilities;
import dev.roster.InvitationStatus;
import dev.roster.ProjectGrant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Whether a pending invitation carries what the state asks for")
class AccessMatchTest {

    private static final Capabilities ROLES = Capabilities.builder().roles("reader", "owner").projectGrants("member", "owner")
            .build();
    private static final Capabilities NO_ROLES = Capabilities.builder().vendorAttribute("auth_type").build();

    private static SeenInvitation seen(String role, ProjectGrant... projects) {
        return new SeenInvitation("inv-1", InvitationStatus.PENDING, Optional.ofNullable(role), List.of(projects));
    }

    @Test
    @DisplayName("no role in the state means the provider's default role")
    void defaultRole() {
        assertThat(AccessMatch.same(seen("reader"), Access.none(), ROLES)).isTrue();
        assertThat(AccessMatch.same(seen("owner"), Access.none(), ROLES)).isFalse();
        assertThat(AccessMatch.same(seen("owner"), Access.none().withRole("owner"), ROLES)).isTrue();
        assertThat(AccessMatch.same(seen("reader"), Access.none().withRole("owner"), ROLES)).isFalse();
    }

    @Test
    @DisplayName("roles are not compared where the vendor has none")
    void noRoles() {
        assertThat(AccessMatch.same(seen(null), Access.none(), NO_ROLES)).isTrue();
    }

    @Test
    @DisplayName("projects compare as sets of (id, role); unnamed projects (the vendor's default) are not compared")
    void projects() {
        SeenInvitation two = seen("reader", ProjectGrant.of("p1", "member"), ProjectGrant.of("p2", "owner"));
        Access same = Access.none().withProjects(List.of(ProjectAccess.of("p2", "owner"), ProjectAccess.of("p1", "member")));
        Access otherRole = Access.none().withProjects(List.of(ProjectAccess.of("p2", "member"), ProjectAccess.of("p1", "member")));
        Access fewer = Access.none().withProjects(List.of(ProjectAccess.of("p1", "member")));

        assertThat(AccessMatch.same(two, same, ROLES)).isTrue();
        assertThat(AccessMatch.same(two, otherRole, ROLES)).isFalse();
        assertThat(AccessMatch.same(two, fewer, ROLES)).isFalse();
        assertThat(AccessMatch.same(two, Access.none().withProjects(List.of()), ROLES)).isFalse();
        assertThat(AccessMatch.same(two, Access.none(), ROLES)).isTrue();
    }
}
