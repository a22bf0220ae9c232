package dev.roster.confluent.internal;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * The invitation and user operations of Confluent Cloud's IAM v2 API, for Feign. Query values arrive
 * already percent-encoded ({@link QueryValues}), because Feign leaves {@code +} alone in a query,
 * which servers read as a space; path ids arrive already checked against
 * {@link dev.roster.spi.InputRules#invitationId}. Query parameters whose value is null are left out, and
 * {@code decodeSlash = false} keeps an encoded {@code /} in a page token as {@code %2F}.
 */
@Headers("Accept: application/json")
interface ConfluentApi {

    /** {@code listIamV2Invitations}. */
    @RequestLine(value = "GET /iam/v2/invitations?page_size={pageSize}&page_token={pageToken}&email={email}&status={status}", decodeSlash = false)
    Wire.InvitationList list(@Param("pageSize") Integer pageSize,
            @Param(value = "pageToken", encoded = true) String pageToken,
            @Param(value = "email", encoded = true) String email,
            @Param(value = "status", encoded = true) String status);

    /** {@code createIamV2Invitation}: 201 with the invitation. */
    @RequestLine(value = "POST /iam/v2/invitations", decodeSlash = false)
    @Headers("Content-Type: application/json")
    Wire.Invitation create(Wire.CreateInvitation body);

    /** {@code getIamV2Invitation}. */
    @RequestLine(value = "GET /iam/v2/invitations/{id}", decodeSlash = false)
    Wire.Invitation get(@Param("id") String id);

    /**
     * {@code deleteIamV2Invitation}: 204 without a body. Any body is read as an error body, so that an
     * error sent with a 2xx is not taken for a deletion.
     */
    @RequestLine(value = "DELETE /iam/v2/invitations/{id}", decodeSlash = false)
    Wire.Failure delete(@Param("id") String id);

    /** {@code listIamV2Invitations} filtered by the invited user: the invitations behind one user. */
    @RequestLine(value = "GET /iam/v2/invitations?page_size={pageSize}&page_token={pageToken}&user={user}", decodeSlash = false)
    Wire.InvitationList listForUser(@Param("pageSize") Integer pageSize,
            @Param(value = "pageToken", encoded = true) String pageToken,
            @Param(value = "user", encoded = true) String user);

    /** {@code listIamV2Users}: every user, invited or member alike (the list has no filters). */
    @RequestLine(value = "GET /iam/v2/users?page_size={pageSize}&page_token={pageToken}", decodeSlash = false)
    Wire.UserList listUsers(@Param("pageSize") Integer pageSize, @Param(value = "pageToken", encoded = true) String pageToken);

    /** {@code getIamV2User}. */
    @RequestLine(value = "GET /iam/v2/users/{id}", decodeSlash = false)
    Wire.User getUser(@Param("id") String id);

    /** {@code deleteIamV2User}: 204 without a body; any body is read as an error body, as for invitations. */
    @RequestLine(value = "DELETE /iam/v2/users/{id}", decodeSlash = false)
    Wire.Failure deleteUser(@Param("id") String id);
}
