package dev.roster.confluent.internal;

import dev.roster.Member;
import dev.roster.Page;
import dev.roster.confluent.ConfluentCloud;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns Confluent's {@code iam.v2.User} into Roster's {@link Member}, as strictly as
 * {@link InvitationMapper} reads invitations: a user without {@code id} or {@code email} (both
 * required by the users contract), a list without {@code data} or {@code metadata}, or a
 * {@code metadata.next} without a usable {@code page_token}, is an unreadable answer. Confluent has no
 * organisation roles on users (access is role bindings), so {@link Member#role()} is empty; when the
 * person joined is the accepted invitation's {@code accepted_at} where there is one, else the user's
 * {@code metadata.created_at}. {@code auth_type}, {@code full_name} and {@code metadata.resource_name}
 * are kept as attributes.
 */
final class UserMapper {

    /** The attribute holding the user's full name. */
    static final String FULL_NAME = "full_name";

    private UserMapper() {}

    /** The wire user, checked: what {@link #member} needs is there. */
    static Wire.User user(Wire.User wire) {
        Wire.User read = InvitationMapper.require(wire, "a user", "a body");
        InvitationMapper.requireText(read.id(), "a user", "an id");
        InvitationMapper.requireText(read.email(), "a user", "an email");
        return read;
    }

    /**
     * The member a user is.
     *
     * @param wire a user read by {@link #user}
     * @param acceptedAt when its invitation was accepted, if Roster knows
     */
    static Member member(Wire.User wire, Optional<Instant> acceptedAt) {
        Wire.User read = user(wire);
        Member.Builder out = Member.builder()
                .id(read.id())
                .email(read.email())
                .provider(ConfluentCloud.ID)
                .attribute(ConfluentCloud.AUTH_TYPE, read.authType())
                .attribute(FULL_NAME, read.fullName());
        Instant created = null;
        if (read.metadata() != null) {
            created = InvitationMapper.time(read.metadata().createdAt(), "metadata.created_at", out::attribute);
            out.attribute(ConfluentCloud.RESOURCE_NAME, read.metadata().resourceName());
        }
        return out.joinedAt(acceptedAt.orElse(created)).build();
    }

    /** One page of users, each checked, with the next page's token. */
    static Page<Wire.User> page(Wire.UserList wire) {
        Wire.UserList read = InvitationMapper.require(wire, "a list of users", "a body");
        List<Wire.User> data = InvitationMapper.require(read.data(), "a list of users", "its data");
        Wire.ListMeta meta = InvitationMapper.require(read.metadata(), "a list of users",
                "its metadata (where the next page's link is)");
        return new Page<>(data.stream().map(UserMapper::user).toList(), InvitationMapper.nextToken(meta.next()));
    }
}
