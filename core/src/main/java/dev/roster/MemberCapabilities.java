package dev.roster;

/**
 * What a provider can do with members ({@link InvitationProvider#members()}). Core's policy refuses a
 * member call the provider does not declare with an {@link UnsupportedCapabilityException}, before
 * any I/O.
 *
 * @param list whether members can be listed, streamed and found by id
 * @param findByEmail whether a member can be found by email address (false where the vendor does not
 *     reveal members' addresses, as GitHub does not); {@link InvitationProvider#offboard} then cannot
 *     check membership
 * @param remove whether a member can be removed
 */
public record MemberCapabilities(boolean list, boolean findByEmail, boolean remove) {

    /**
     * No member support at all: the default of {@link Capabilities#builder()}.
     *
     * @return the capabilities of a provider that knows only invitations
     */
    public static MemberCapabilities none() {
        return new MemberCapabilities(false, false, false);
    }

    /**
     * Everything: list, find by email, remove.
     *
     * @return full member support
     */
    public static MemberCapabilities all() {
        return new MemberCapabilities(true, true, true);
    }

    /**
     * Whether the provider supports any member call.
     *
     * @return true if one of the flags is set
     */
    public boolean any() {
        return list || findByEmail || remove;
    }
}
