package dev.roster.confluent.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Confluent Cloud IAM v2 JSON, as records Jackson binds to. Every field is optional here, whatever
 * the spec says, and unknown fields are ignored: the mapping decides what a missing field means.
 * Timestamps stay strings so that an unexpected format is kept, not a decoding failure.
 */
final class Wire {

    private Wire() {}

    /** {@code iam.v2.Invitation}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invitation(
            @JsonProperty("api_version") String apiVersion,
            @JsonProperty("kind") String kind,
            @JsonProperty("id") String id,
            @JsonProperty("metadata") ObjectMeta metadata,
            @JsonProperty("email") String email,
            @JsonProperty("auth_type") String authType,
            @JsonProperty("status") String status,
            @JsonProperty("accepted_at") String acceptedAt,
            @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("user") ObjectReference user,
            @JsonProperty("creator") ObjectReference creator) {}

    /** {@code iam.v2.User}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(
            @JsonProperty("api_version") String apiVersion,
            @JsonProperty("kind") String kind,
            @JsonProperty("id") String id,
            @JsonProperty("metadata") ObjectMeta metadata,
            @JsonProperty("email") String email,
            @JsonProperty("full_name") String fullName,
            @JsonProperty("auth_type") String authType) {}

    /** {@code iam.v2.UserList}: one page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserList(
            @JsonProperty("api_version") String apiVersion,
            @JsonProperty("kind") String kind,
            @JsonProperty("metadata") ListMeta metadata,
            @JsonProperty("data") List<User> data) {}

    /** {@code ObjectMeta}: where an object lives and when it was created. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ObjectMeta(
            @JsonProperty("self") String self,
            @JsonProperty("resource_name") String resourceName,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("deleted_at") String deletedAt) {}

    /** {@code GlobalObjectReference}: a user or service account. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ObjectReference(
            @JsonProperty("id") String id,
            @JsonProperty("related") String related,
            @JsonProperty("resource_name") String resourceName) {}

    /** {@code iam.v2.InvitationList}: one page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InvitationList(
            @JsonProperty("api_version") String apiVersion,
            @JsonProperty("kind") String kind,
            @JsonProperty("metadata") ListMeta metadata,
            @JsonProperty("data") List<Invitation> data) {}

    /** {@code ListMeta}: links to other pages, full URLs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListMeta(
            @JsonProperty("first") String first,
            @JsonProperty("last") String last,
            @JsonProperty("prev") String prev,
            @JsonProperty("next") String next,
            @JsonProperty("total_size") Long totalSize) {}

    /** The body of {@code POST /iam/v2/invitations}: only what a client may set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateInvitation(
            @JsonProperty("email") String email,
            @JsonProperty("auth_type") String authType) {}

    /** {@code Failure}: the body of every error response. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Failure(@JsonProperty("errors") List<Error> errors) {}

    /** {@code Error}: one problem. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(
            @JsonProperty("id") String id,
            @JsonProperty("status") String status,
            @JsonProperty("code") String code,
            @JsonProperty("title") String title,
            @JsonProperty("detail") String detail,
            @JsonProperty("source") ErrorSource source) {}

    /** {@code Error_source}: which part of the request was wrong. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorSource(
            @JsonProperty("pointer") String pointer,
            @JsonProperty("parameter") String parameter) {}
}
