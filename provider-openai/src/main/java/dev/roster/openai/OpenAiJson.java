package dev.roster.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * OpenAI's wire format for organization invites and users, as its OpenAPI contracts name the fields. Every
 * field may be absent (Jackson leaves it null) and unknown fields are ignored, so older and newer
 * payloads both bind; {@link InviteMapping} decides what absence means.
 */
final class OpenAiJson {

    private OpenAiJson() {}

    /** An {@code organization.invite}. {@code invited_at} is the older name of {@code created_at}. */
    record Invite(
            String object,
            String id,
            String email,
            String role,
            String status,
            @JsonProperty("created_at") Long createdAt,
            @JsonProperty("invited_at") Long invitedAt,
            @JsonProperty("expires_at") Long expiresAt,
            @JsonProperty("accepted_at") Long acceptedAt,
            List<Project> projects) {}

    /** A project grant, on an invite or in a create request. */
    record Project(String id, String role) {}

    /** A page of invites. */
    record InviteList(
            String object,
            List<Invite> data,
            @JsonProperty("first_id") String firstId,
            @JsonProperty("last_id") String lastId,
            @JsonProperty("has_more") Boolean hasMore) {}

    /**
     * The create request. {@code projects} null is left out of the JSON (OpenAI then grants the
     * organization's default project); an empty list is sent as {@code []} (no project at all).
     */
    record InviteRequest(
            String email,
            String role,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Project> projects) {}

    /** An {@code organization.user}: a member. Only {@code object}, {@code id} and {@code added_at} are required. */
    record User(
            String object,
            String id,
            String name,
            String email,
            String role,
            @JsonProperty("added_at") Long addedAt,
            @JsonProperty("is_service_account") Boolean serviceAccount,
            @JsonProperty("is_scim_managed") Boolean scimManaged) {}

    /** A page of users. */
    record UserList(
            String object,
            List<User> data,
            @JsonProperty("first_id") String firstId,
            @JsonProperty("last_id") String lastId,
            @JsonProperty("has_more") Boolean hasMore) {}

    /** The answer to a delete (of an invite or a user). */
    record Deleted(String object, String id, Boolean deleted) {}

    /** OpenAI's error envelope, {@code {"error": {...}}}. */
    record ErrorEnvelope(ErrorBody error) {}

    /** The error itself: every part may be missing or null. */
    record ErrorBody(String message, String type, String param, String code) {}
}
