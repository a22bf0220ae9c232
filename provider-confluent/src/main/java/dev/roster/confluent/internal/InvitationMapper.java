package dev.roster.confluent.internal;

import dev.roster.ErrorDetails;
import dev.roster.Invitation;
import dev.roster.InvitationStatus;
import dev.roster.Page;
import dev.roster.ProviderUnavailableException;
import dev.roster.confluent.ConfluentCloud;
import dev.roster.provider.support.Rfc3339;
import java.time.Instant;
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
 * <p><b>Strict where Confluent's contract is.</b> An invitation needs its {@code id} and
 * {@code email}; a list its {@code data} (every item an invitation) and its {@code metadata} (where
 * the next page's link lives). A body without them (no body, {@code null}, {@code {}}, an error
 * body sent with a 2xx, a proxy's JSON) is not an answer Roster can trust: {@link #require} makes
 * it a {@link ProviderUnavailableException}, an unknown outcome that core retries and, after an
 * invite, looks up; never an empty page or a default value. The type tags ({@code api_version},
 * {@code kind}) are not checked: they carry nothing Roster reads.
 *
 * <p><b>Tolerant where Confluent really differs.</b> An invitation's {@code metadata} null or
 * absent (the creation time is then unknown), {@code accepted_at} absent, null or Go's zero time,
 * RFC 3339 timestamps with or without fractional seconds, {@code status} absent (the spec does not
 * require it) or added after this adapter was written ({@link InvitationStatus#UNKNOWN}, the raw
 * value kept).
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
     * @throws ProviderUnavailableException if the vendor sent no invitation, or one without id or email
     */
    static Invitation invitation(Wire.Invitation wire) {
        Wire.Invitation read = require(wire, "an invitation", "a body");
        String id = requireText(read.id(), "an invitation", "an id");
        String email = requireText(read.email(), "an invitation", "an email");
        Invitation.Builder out = Invitation.builder()
                .id(id)
                .email(email)
                .status(status(wire.status()))
                .provider(ConfluentCloud.ID)
                .attribute(ConfluentCloud.VENDOR_STATUS, wire.status())
                .attribute(ConfluentCloud.AUTH_TYPE, wire.authType());
        Wire.ObjectMeta meta = wire.metadata();
        if (meta != null) {
            out.createdAt(time(meta.createdAt(), "metadata.created_at", out::attribute))
                    .attribute(ConfluentCloud.RESOURCE_NAME, meta.resourceName());
        }
        out.expiresAt(time(wire.expiresAt(), "expires_at", out::attribute));
        out.acceptedAt(time(wire.acceptedAt(), "accepted_at", out::attribute));
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
     * @throws ProviderUnavailableException if the list, its data or its metadata is missing, an item
     *     is not an invitation, or a {@code metadata.next} link holds no {@code page_token} or one
     *     longer than Confluent's own limit
     */
    static Page<Invitation> page(Wire.InvitationList wire) {
        Wire.InvitationList read = require(wire, "a list of invitations", "a body");
        List<Wire.Invitation> data = require(read.data(), "a list of invitations", "its data");
        Wire.ListMeta meta = require(read.metadata(), "a list of invitations", "its metadata (where the next page's link is)");
        List<Invitation> items = new ArrayList<>(data.size());
        for (Wire.Invitation item : data) {
            items.add(invitation(item));
        }
        return new Page<>(items, nextToken(meta.next()));
    }

    /**
     * The {@code page_token} of a {@code metadata.next} link. No link (null or blank) is the last
     * page; a link without a usable token (none, an empty one, or one over Confluent's own
     * {@value ConfluentCloud#MAX_PAGE_TOKEN_LENGTH}-character limit, which could not be sent back)
     * does not say where the next page is, so the answer is unreadable rather than a silent last page
     * that would hide the rest, or a cursor that would later be blamed on the caller.
     */
    static Optional<String> nextToken(String next) {
        if (next == null || next.isBlank()) {
            return Optional.empty();
        }
        String token = require(QueryValues.pageToken(next).orElse(null), "a list of invitations whose metadata.next "
                + "link points to a further page", "a page_token in that link");
        int length = token.codePointCount(0, token.length());
        if (length > ConfluentCloud.MAX_PAGE_TOKEN_LENGTH) {
            // Sent back, it would be refused (a 400, or the caller-side check in list) as if the caller had made it up.
            throw new ProviderUnavailableException("Confluent Cloud returned a page_token of " + length + " characters, over "
                    + "its own " + ConfluentCloud.MAX_PAGE_TOKEN_LENGTH + "-character limit, so the next page cannot be asked "
                    + "for. Nothing is wrong with your request: this is a fault on Confluent's side or in a proxy between; "
                    + "try again later, and report it if it persists.", ErrorDetails.of(ConfluentCloud.ID), null);
        }
        return Optional.of(token);
    }

    /**
     * Whether a delete took effect: Confluent answers 204 without a body. A body that lists errors is
     * an error sent with a success status: whether the invitation was deleted is unknown.
     *
     * @param body the answer's body read as Confluent's error format, or null when there was none
     * @return true
     * @throws ProviderUnavailableException if the body lists errors
     */
    static boolean deleted(Wire.Failure body) {
        if (body != null && body.errors() != null) {
            require(null, "an error body to a delete, with a success status,", "a clear outcome");
        }
        return true;
    }

    /** A required text: present and not blank. */
    static String requireText(String value, String in, String what) {
        return require(value == null || value.isBlank() ? null : value, in, what);
    }

    /**
     * The one place an answer is found unreadable: a value Confluent's contract requires, or Roster
     * cannot do without, is missing or null.
     */
    static <T> T require(T value, String in, String what) {
        if (value == null) {
            throw new ProviderUnavailableException("Confluent Cloud answered with " + in + " without " + what + ", which its "
                    + "API contract requires, so Roster cannot trust the answer (an empty, truncated or foreign body, or an "
                    + "error sent as a success). Check that the base URI points at Confluent Cloud's API; otherwise this is "
                    + "a fault on Confluent's side or in a proxy between: try again later (core does, after checking "
                    + "whether an invite took effect).", ErrorDetails.of(ConfluentCloud.ID), null);
        }
        return value;
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
    static Instant time(String raw, String field, java.util.function.BiConsumer<String, String> unreadable) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            // Rfc3339 takes T or a space (RFC 3339 allows both) in either case, without java.time's parse state.
            Instant instant = Rfc3339.parse(raw.strip());
            return instant.equals(GO_ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            unreadable.accept(field, raw);
            return null;
        }
    }
}
