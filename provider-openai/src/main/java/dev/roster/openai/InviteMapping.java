package dev.roster.openai;

import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.ProjectGrant;
import dev.roster.ProviderUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Turns OpenAI's invite JSON into Roster's model, reading it strictly against OpenAI's contract and
 * keeping everything OpenAI said.
 *
 * <p><b>Strict.</b> What the contract requires and Roster needs must be there: an invite's
 * {@code id}, {@code email}, {@code role} and {@code status} and its creation time; a list's
 * {@code data} (every item an invite) and {@code has_more}; a deletion's {@code deleted}. A body
 * without one of them (no body at all, {@code null}, {@code {}}, an error envelope sent with a 2xx,
 * a proxy's JSON) is not an answer Roster can trust: {@link #require} makes it a
 * {@link ProviderUnavailableException}, an unknown outcome that core retries and, after an invite or
 * revoke, looks up; never an empty page or a default value.
 *
 * <p><b>Faithful.</b> Vendor values are kept as given, never judged by the rules for caller input: a
 * status Roster does not know becomes {@link InvitationStatus#UNKNOWN} with the raw value kept in
 * the attributes under {@value #RAW_STATUS}; a role or project id is kept whatever its characters.
 * The documented real-world differences are tolerated: {@code created_at} falls back to the older
 * {@code invited_at}, and {@code projects} may be absent (no grants). The type tags ({@code object})
 * are not checked: they carry nothing Roster reads.
 */
final class InviteMapping {

    /** The attribute holding OpenAI's raw status when Roster does not know it. */
    static final String RAW_STATUS = "status";

    private InviteMapping() {}

    static Invitation invitation(OpenAiJson.Invite invite) {
        OpenAiJson.Invite read = require(invite, "an invite", "a body");
        String id = requireText(read.id(), "an invite", "an id");
        String email = requireText(read.email(), "an invite", "an email");
        String role = requireText(read.role(), "an invite", "a role");
        String raw = requireText(read.status(), "an invite", "a status");
        InvitationStatus status = status(raw);
        Long created = read.createdAt() != null ? read.createdAt() : read.invitedAt();
        Invitation.Builder builder = Invitation.builder()
                .id(id)
                .email(email)
                .role(role)
                .status(status)
                .createdAt(Instant.ofEpochSecond(require(created, "an invite", "a created_at (or the older invited_at)")))
                .expiresAt(instant(read.expiresAt()))
                .acceptedAt(instant(read.acceptedAt()))
                .projects(projects(read.projects()))
                .provider(OpenAiProviderFactory.ID);
        if (status == InvitationStatus.UNKNOWN) {
            builder.attribute(RAW_STATUS, raw);
        }
        return builder.build();
    }

    /**
     * One page: the next cursor is {@code last_id} while {@code has_more} is true (the last item's id
     * if OpenAI left {@code last_id} out), and none otherwise. A page that says there is more but
     * gives neither is unreadable: reading it as the last page would hide invitations.
     */
    static Page<Invitation> page(OpenAiJson.InviteList list) {
        OpenAiJson.InviteList read = require(list, "a list of invites", "a body");
        return page("a list of invites", read.data(), read.hasMore(), read.lastId(), InviteMapping::invitation, Invitation::id);
    }

    /** A page of any of OpenAI's lists, which all page alike (invites and users): see {@link #page(OpenAiJson.InviteList)}. */
    static <J, T> Page<T> page(String in, List<J> data, Boolean hasMore, String lastId, Function<J, T> mapping,
            Function<T, String> id) {
        List<J> read = require(data, in, "its data");
        boolean more = require(hasMore, in, "its has_more");
        List<T> items = new ArrayList<>(read.size());
        read.forEach(item -> items.add(mapping.apply(item)));
        String next = null;
        if (more) {
            next = !isBlank(lastId) ? lastId : items.isEmpty() ? null : id.apply(items.get(items.size() - 1));
            require(next, in, "a last_id (or any item) to continue after, though has_more is true");
        }
        return Page.of(items, next);
    }

    /**
     * Whether a deletion took effect: OpenAI's {@code deleted}, which must be there.
     */
    static boolean deleted(OpenAiJson.Deleted deleted) {
        return deleted(deleted, "an invite deletion");
    }

    /** Whether a deletion took effect: OpenAI's {@code deleted}, which must be there. */
    static boolean deleted(OpenAiJson.Deleted deleted, String in) {
        OpenAiJson.Deleted read = require(deleted, in, "a body");
        return require(read.deleted(), in, "its deleted flag");
    }

    static InvitationStatus status(String raw) {
        if (raw == null) {
            return InvitationStatus.UNKNOWN;
        }
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "pending":
                return InvitationStatus.PENDING;
            case "accepted":
                return InvitationStatus.ACCEPTED;
            case "expired":
                return InvitationStatus.EXPIRED;
            default:
                return InvitationStatus.UNKNOWN;
        }
    }

    /** The grants as OpenAI sent them; absent projects are no grants, a grant without id or role is unreadable. */
    private static List<ProjectGrant> projects(List<OpenAiJson.Project> projects) {
        if (projects == null || projects.isEmpty()) {
            return List.of();
        }
        List<ProjectGrant> grants = new ArrayList<>(projects.size());
        for (OpenAiJson.Project project : projects) {
            OpenAiJson.Project read = require(project, "an invite", "a project grant (it sent null)");
            grants.add(ProjectGrant.of(requireText(read.id(), "a project grant", "its id"),
                    requireText(read.role(), "a project grant", "its role")));
        }
        return grants;
    }

    private static Instant instant(Long unixSeconds) {
        return unixSeconds == null ? null : Instant.ofEpochSecond(unixSeconds);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A required text: present and not blank. */
    static String requireText(String value, String in, String what) {
        return require(isBlank(value) ? null : value, in, what);
    }

    /**
     * The one place an answer is found unreadable: a value OpenAI's contract requires, or Roster
     * cannot do without, is missing or null.
     */
    static <T> T require(T value, String in, String what) {
        if (value == null) {
            throw new ProviderUnavailableException("OpenAI answered with " + in + " without " + what + ", which its API "
                    + "contract requires, so Roster cannot trust the answer (an empty, truncated or foreign body, or an "
                    + "error sent as a success). This is a fault on OpenAI's side or in a proxy between; try again later "
                    + "(core does, after checking whether an invite or revoke took effect).",
                    ErrorDetails.of(OpenAiProviderFactory.ID), null);
        }
        return value;
    }
}
