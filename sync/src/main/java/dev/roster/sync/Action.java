package dev.roster.sync;

/** What a plan does for one person at one connection. */
public enum Action {
    /** No invitation, or only a revoked one: invite. */
    INVITE("+", "invite"),
    /** The invitation expired: invite again. */
    REINVITE("+", "re-invite"),
    /**
     * A pending invitation with another role or other projects: revoke it, then invite anew (a
     * pending invitation grants nothing yet, so nothing is lost).
     */
    REPLACE("~", "replace"),
    /** A pending invitation of someone not in the state, at a connection that prunes: revoke it. */
    REVOKE("-", "revoke"),
    /**
     * A member not in the state, at a connection that prunes members: revoke their pending invitation
     * (if any) and remove the membership. Never planned without {@link Prune#MEMBERS}, never for a
     * service account.
     */
    REMOVE_MEMBER("x", "remove-member"),
    /** Nothing to do; a note may say why (a member, an unknown status). */
    UNCHANGED(" ", "unchanged");

    private final String mark;
    private final String label;

    Action(String mark, String label) {
        this.mark = mark;
        this.label = label;
    }

    /**
     * The mark a plan shows in front of the step, as Terraform does.
     *
     * @return {@code +}, {@code ~}, {@code -}, {@code x} (a member removed), or a space for unchanged
     */
    public String mark() {
        return mark;
    }

    /**
     * The action in words.
     *
     * @return such as {@code re-invite}
     */
    public String label() {
        return label;
    }

    /**
     * Whether the step changes anything at the vendor.
     *
     * @return false only for {@link #UNCHANGED}
     */
    public boolean changes() {
        return this != UNCHANGED;
    }
}
