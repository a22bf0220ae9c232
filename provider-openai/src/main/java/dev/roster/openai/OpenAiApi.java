package dev.roster.openai;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * The operations of OpenAI's Admin API on organization invites and users, relative to the base URI
 * ({@code https://api.openai.com/v1}). Ids reach the path only after
 * {@link dev.roster.spi.InputRules#invitationId(String)} (or {@code memberId}) accepted them: Feign keeps {@code /} and
 * {@code ..} in path parameters. Every request line says {@code decodeSlash = false}: by default
 * Feign turns a {@code %2F} back into {@code /} in the whole URL, query included, so a cursor's
 * slash would reach OpenAI unencoded.
 */
@Headers("Accept: application/json")
interface OpenAiApi {

    /**
     * Lists invites.
     *
     * @param limit 1 to 100
     * @param after the id to continue after, already percent-encoded by
     *     {@link dev.roster.spi.HttpEndpoints#percentEncode(String)} (Feign would keep a {@code %XX}
     *     found in the value as it is), or null for the first page (Feign then leaves the parameter out)
     * @return the page
     */
    @RequestLine(value = "GET /organization/invites?limit={limit}&after={after}", decodeSlash = false)
    OpenAiJson.InviteList list(@Param("limit") int limit, @Param(value = "after", encoded = true) String after);

    /**
     * Creates an invite.
     *
     * @param request the email, role and optional projects
     * @return the invite
     */
    @RequestLine(value = "POST /organization/invites", decodeSlash = false)
    @Headers("Content-Type: application/json")
    OpenAiJson.Invite create(OpenAiJson.InviteRequest request);

    /**
     * Retrieves an invite.
     *
     * @param id a checked invite id
     * @return the invite
     */
    @RequestLine(value = "GET /organization/invites/{id}", decodeSlash = false)
    OpenAiJson.Invite retrieve(@Param("id") String id);

    /**
     * Deletes an invite that was not accepted.
     *
     * @param id a checked invite id
     * @return the confirmation
     */
    @RequestLine(value = "DELETE /organization/invites/{id}", decodeSlash = false)
    OpenAiJson.Deleted delete(@Param("id") String id);

    /**
     * Lists the organization's users.
     *
     * @param limit 1 to 100
     * @param after the user id to continue after, already percent-encoded, or null for the first page
     * @param emails addresses to filter by, each already percent-encoded, or null for every user
     *     (Feign sends one {@code emails} parameter per element)
     * @return the page
     */
    @RequestLine(value = "GET /organization/users?limit={limit}&after={after}&emails={emails}", decodeSlash = false)
    OpenAiJson.UserList listUsers(@Param("limit") int limit, @Param(value = "after", encoded = true) String after,
            @Param(value = "emails", encoded = true) java.util.List<String> emails);

    /**
     * Retrieves a user.
     *
     * @param id a checked user id
     * @return the user
     */
    @RequestLine(value = "GET /organization/users/{id}", decodeSlash = false)
    OpenAiJson.User retrieveUser(@Param("id") String id);

    /**
     * Removes a user from the organization.
     *
     * @param id a checked user id
     * @return the confirmation
     */
    @RequestLine(value = "DELETE /organization/users/{id}", decodeSlash = false)
    OpenAiJson.Deleted deleteUser(@Param("id") String id);
}
