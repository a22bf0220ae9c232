package dev.roster.openai;

import dev.roster.Member;
import dev.roster.Page;
import java.time.Instant;

/**
 * Turns OpenAI's user JSON into Roster's {@link Member}, as strictly as {@link InviteMapping} reads
 * invites: what the users contract requires ({@code id}, {@code added_at}; a list's {@code data} and
 * {@code has_more}; a deletion's {@code deleted}) must be there, or the answer is unreadable, an
 * unknown outcome. What the contract lets be null stays optional: {@code email} and {@code role} are
 * {@code string | null} in it, so a member without them is read, not refused. {@code name} and
 * {@code is_scim_managed} are kept as attributes; {@code is_service_account} is
 * {@link Member#serviceAccount()}.
 */
final class UserMapping {

    /** The attribute holding the user's display name. */
    static final String NAME = "name";
    /** The attribute holding whether SCIM manages the user ({@code "true"}/{@code "false"}). */
    static final String SCIM_MANAGED = "is_scim_managed";

    private UserMapping() {}

    static Member member(OpenAiJson.User user) {
        OpenAiJson.User read = InviteMapping.require(user, "a user", "a body");
        return Member.builder()
                .id(InviteMapping.requireText(read.id(), "a user", "an id"))
                .email(InviteMapping.isBlank(read.email()) ? null : read.email())
                .role(InviteMapping.isBlank(read.role()) ? null : read.role())
                .joinedAt(Instant.ofEpochSecond(InviteMapping.require(read.addedAt(), "a user", "an added_at")))
                .serviceAccount(Boolean.TRUE.equals(read.serviceAccount()))
                .provider(OpenAiProviderFactory.ID)
                .attribute(NAME, read.name())
                .attribute(SCIM_MANAGED, read.scimManaged() == null ? null : read.scimManaged().toString())
                .build();
    }

    static Page<Member> page(OpenAiJson.UserList list) {
        OpenAiJson.UserList read = InviteMapping.require(list, "a list of users", "a body");
        return InviteMapping.page("a list of users", read.data(), read.hasMore(), read.lastId(), UserMapping::member, Member::id);
    }

    static boolean deleted(OpenAiJson.Deleted deleted) {
        return InviteMapping.deleted(deleted, "a user removal");
    }
}
