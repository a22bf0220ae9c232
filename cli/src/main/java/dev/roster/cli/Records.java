package dev.roster.cli;

import dev.roster.Invitation;
import dev.roster.Member;
import dev.roster.ProjectGrant;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records the commands print, with their documented, stable column names (also the JSON
 * field names and the CSV header). Times are ISO-8601 in UTC, exactly as the vendor gave them.
 */
final class Records {

    /** An invitation's columns. */
    static final List<String> INVITATION = List.of("vendor", "id", "email", "status", "role", "projects", "created_at",
            "expires_at", "accepted_at", "attributes");
    /** The invitation columns a table shows. */
    static final List<String> INVITATION_TABLE = List.of("vendor", "id", "email", "status", "role", "created_at",
            "expires_at");

    /** A member's columns. */
    static final List<String> MEMBER = List.of("vendor", "id", "email", "role", "joined_at", "service_account",
            "attributes");
    /** The member columns a table shows. */
    static final List<String> MEMBER_TABLE = List.of("vendor", "id", "email", "role", "joined_at", "service_account");

    /** The columns of one offboarding step. */
    static final List<String> OFFBOARDING = List.of("vendor", "email", "outcome", "id", "reason", "request_id", "message");
    /** The offboarding columns a table shows. */
    static final List<String> OFFBOARDING_TABLE = List.of("vendor", "email", "outcome", "id", "reason");

    /** The columns of one invite or revoke outcome. */
    static final List<String> OUTCOME = List.of("vendor", "email", "outcome", "id", "reason", "request_id", "message");
    /** The outcome columns a table shows. */
    static final List<String> OUTCOME_TABLE = List.of("vendor", "email", "outcome", "id", "reason");

    private Records() {}

    /** A project grant: JSON {@code {"id": ..., "role": ...}}, text {@code id:role}. */
    record Grant(String id, String role) {
        @Override
        public String toString() {
            return id + ":" + role;
        }
    }

    static Map<String, Object> invitation(Invitation invitation) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("vendor", invitation.provider());
        record.put("id", invitation.id());
        record.put("email", invitation.email());
        record.put("status", status(invitation));
        record.put("role", invitation.role().orElse(null));
        record.put("projects", invitation.projects().stream().map(Records::grant).toList());
        record.put("created_at", time(invitation.createdAt()));
        record.put("expires_at", time(invitation.expiresAt()));
        record.put("accepted_at", time(invitation.acceptedAt()));
        record.put("attributes", new TreeMap<>(invitation.attributes()));
        return record;
    }

    static Map<String, Object> member(Member member) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("vendor", member.provider());
        record.put("id", member.id());
        record.put("email", member.email().orElse(null));
        record.put("role", member.role().orElse(null));
        record.put("joined_at", time(member.joinedAt()));
        record.put("service_account", member.serviceAccount() ? "yes" : "no");
        record.put("attributes", new TreeMap<>(member.attributes()));
        return record;
    }

    static String status(Invitation invitation) {
        return invitation.status().name().toLowerCase(Locale.ROOT);
    }

    private static Grant grant(ProjectGrant grant) {
        return new Grant(grant.projectId(), grant.role());
    }

    static String time(Optional<Instant> time) {
        return time.map(Instant::toString).orElse(null);
    }

    /**
     * One outcome of an invite or a revoke.
     *
     * @param vendor the vendor
     * @param email the address, or null
     * @param outcome such as {@code "invited"}
     * @param id the invitation's id, or null
     * @param failure the failure, or null
     * @return the record
     */
    static Map<String, Object> outcome(String vendor, String email, String outcome, String id, Throwable failure) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("vendor", vendor);
        record.put("email", email);
        record.put("outcome", outcome);
        record.put("id", id);
        record.put("reason", failure == null ? null : ExitCodes.reason(failure));
        record.put("request_id", failure instanceof dev.roster.RosterException roster ? roster.requestId().orElse(null) : null);
        record.put("message", failure == null ? null : Reporter.line(null, null, failure).substring("error: ".length()));
        return record;
    }
}
