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

/**
 * Turns OpenAI's invite JSON into Roster's model without losing anything OpenAI said: a status
 * Roster does not know becomes {@link InvitationStatus#UNKNOWN} with the raw value kept in the
 * attributes under {@value #RAW_STATUS}; {@code created_at} falls back to the older
 * {@code invited_at}; absent or null timestamps and projects are simply absent.
 */
final class InviteMapping {

    /** The attribute holding OpenAI's raw status when Roster does not know it. */
    static final String RAW_STATUS = "status";

    private InviteMapping() {}

    static Invitation invitation(OpenAiJson.Invite invite) {
        if (invite == null || isBlank(invite.id()) || isBlank(invite.email())) {
            throw malformed("an invite without " + (invite == null ? "a body" : isBlank(invite.id()) ? "an id" : "an email"));
        }
        Invitation.Builder builder = Invitation.builder()
                .id(invite.id())
                .email(invite.email())
                .role(isBlank(invite.role()) ? null : invite.role())
                .status(status(invite.status()))
                .createdAt(instant(invite.createdAt() != null ? invite.createdAt() : invite.invitedAt()))
                .expiresAt(instant(invite.expiresAt()))
                .acceptedAt(instant(invite.acceptedAt()))
                .projects(projects(invite.projects()))
                .provider(OpenAiProviderFactory.ID);
        if (status(invite.status()) == InvitationStatus.UNKNOWN) {
            builder.attribute(RAW_STATUS, invite.status() == null ? "(absent)" : invite.status());
        }
        return builder.build();
    }

    /**
     * One page: the next cursor is {@code last_id} while {@code has_more} is true (the last item's id
     * if OpenAI left {@code last_id} out), and none otherwise.
     */
    static Page<Invitation> page(OpenAiJson.InviteList list) {
        if (list == null) {
            throw malformed("an empty answer to a list request");
        }
        List<Invitation> items = new ArrayList<>();
        if (list.data() != null) {
            list.data().forEach(invite -> items.add(invitation(invite)));
        }
        String next = null;
        if (Boolean.TRUE.equals(list.hasMore())) {
            next = !isBlank(list.lastId()) ? list.lastId() : items.isEmpty() ? null : items.get(items.size() - 1).id();
        }
        return Page.of(items, next);
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

    /** Grants with an id; a grant without a role (which the contract forbids) keeps its project as "unknown". */
    private static List<ProjectGrant> projects(List<OpenAiJson.Project> projects) {
        List<ProjectGrant> grants = new ArrayList<>();
        if (projects != null) {
            for (OpenAiJson.Project project : projects) {
                if (project != null && !isBlank(project.id())) {
                    grants.add(ProjectGrant.of(project.id(), isBlank(project.role()) ? "unknown" : project.role()));
                }
            }
        }
        return grants;
    }

    private static Instant instant(Long unixSeconds) {
        return unixSeconds == null ? null : Instant.ofEpochSecond(unixSeconds);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static ProviderUnavailableException malformed(String what) {
        return new ProviderUnavailableException("OpenAI answered with " + what + ", which its API contract does not allow. "
                + "This is a fault on OpenAI's side or in a proxy between; try again later.", ErrorDetails.of(OpenAiProviderFactory.ID), null);
    }
}
