package dev.roster.confluent.internal;

import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.ProviderUnavailableException;
import dev.roster.confluent.ConfluentCloud;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Confluent's invitation JSON into Roster's {@link Invitation} without losing anything:
 * what has no neutral home goes into {@link Invitation#attributes()} (see {@link ConfluentCloud}).
 *
 * <p>Tolerates what Confluent really sends: {@code metadata} null or absent (the creation time is
 * then unknown), {@code accepted_at} absent, null or Go's zero time, RFC 3339 timestamps with or
 * without fractional seconds, and status values added after this adapter was written
 * ({@link InvitationStatus#UNKNOWN}, the raw value kept).
 */
final class InvitationMapper {

    private static final Map<String, InvitationStatus> STATUSES = Map.of(
            "INVITE_STATUS_SENT", InvitationStatus.PENDING,
            "INVITE_STATUS_STAGED", InvitationStatus.PENDING,
            "INVITE_STATUS_ACCEPTED", InvitationStatus.ACCEPTED,
            "INVITE_STATUS_EXPIRED", InvitationStatus.EXPIRED,
            "INVITE_STATUS_DEACTIVATED", InvitationStatus.REVOKED);

    /** Go's zero {@code time.Time}, which Go services send for "never". */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private InvitationMapper() {}

    /**
     * Maps one invitation.
     *
     * @param wire the vendor's JSON
     * @return the invitation
     * @throws ProviderUnavailableException if the vendor sent no invitation or one without id
     */
    static Invitation invitation(Wire.Invitation wire) {
        if (wire == null || wire.id() == null || wire.id().isBlank()) {
            throw new ProviderUnavailableException("Confluent Cloud answered with an invitation that has no id"
                    + (wire == null ? " (an empty body)" : "") + "; this is not an invitation Roster can work with. "
                    + "Check that the base URI points at Confluent Cloud's API.", ErrorDetails.of(ConfluentCloud.ID), null);
        }
        Invitation.Builder out = Invitation.builder()
                .id(wire.id())
                .email(wire.email() == null ? "" : wire.email())
                .status(status(wire.status()))
                .provider(ConfluentCloud.ID)
                .attribute(ConfluentCloud.VENDOR_STATUS, wire.status())
                .attribute(ConfluentCloud.AUTH_TYPE, wire.authType());
        Wire.ObjectMeta meta = wire.metadata();
        if (meta != null) {
            out.createdAt(time(meta.createdAt(), "metadata.created_at", out))
                    .attribute(ConfluentCloud.RESOURCE_NAME, meta.resourceName());
        }
        out.expiresAt(time(wire.expiresAt(), "expires_at", out));
        out.acceptedAt(time(wire.acceptedAt(), "accepted_at", out));
        if (wire.user() != null) {
            out.attribute(ConfluentCloud.USER_ID, wire.user().id());
        }
        if (wire.creator() != null) {
            out.attribute(ConfluentCloud.CREATOR_ID, wire.creator().id());
        }
        return out.build();
    }

    /**
     * Maps one page; the next cursor is the {@code page_token} of {@code metadata.next}.
     *
     * @param wire the vendor's list, or null for an empty body
     * @return the page
     */
    static Page<Invitation> page(Wire.InvitationList wire) {
        if (wire == null) {
            return Page.last(List.of());
        }
        List<Invitation> items = new ArrayList<>();
        if (wire.data() != null) {
            for (Wire.Invitation item : wire.data()) {
                items.add(invitation(item));
            }
        }
        Optional<String> next = wire.metadata() == null ? Optional.empty() : QueryValues.pageToken(wire.metadata().next());
        return new Page<>(items, next);
    }

    /**
     * Confluent's status in Roster's terms.
     *
     * @param raw such as {@code INVITE_STATUS_SENT}, or null
     * @return the status; {@link InvitationStatus#UNKNOWN} for a value Roster does not know
     */
    static InvitationStatus status(String raw) {
        if (raw == null) {
            return InvitationStatus.UNKNOWN;
        }
        return STATUSES.getOrDefault(raw.strip().toUpperCase(Locale.ROOT), InvitationStatus.UNKNOWN);
    }

    /**
     * Reads an RFC 3339 timestamp: any number of fractional digits (Confluent sends microseconds),
     * {@code Z} or an offset, {@code T} in either case. A value that cannot be read is kept as an
     * attribute under its field name instead of failing the whole response.
     */
    static Instant time(String raw, String field, Invitation.Builder unreadable) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            String text = raw.strip().toUpperCase(Locale.ROOT);
            if (text.length() > 10 && text.charAt(10) == ' ') {
                text = text.substring(0, 10) + 'T' + text.substring(11); // RFC 3339 allows a space there
            }
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return instant.equals(GO_ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            unreadable.attribute(field, raw);
            return null;
        }
    }
}
