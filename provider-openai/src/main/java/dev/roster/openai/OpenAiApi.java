package dev.roster.openai;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * The four operations of OpenAI's Admin API on organization invites, relative to the base URI
 * ({@code https://api.openai.com/v1}). Ids reach the path only after
 * {@link dev.roster.spi.InputRules#invitationId(String)} accepted them: Feign keeps {@code /} and
 * {@code ..} in path parameters.
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
    @RequestLine("GET /organization/invites?limit={limit}&after={after}")
    OpenAiJson.InviteList list(@Param("limit") int limit, @Param(value = "after", encoded = true) String after);

    /**
     * Creates an invite.
     *
     * @param request the email, role and optional projects
     * @return the invite
     */
    @RequestLine("POST /organization/invites")
    @Headers("Content-Type: application/json")
    OpenAiJson.Invite create(OpenAiJson.InviteRequest request);

    /**
     * Retrieves an invite.
     *
     * @param id a checked invite id
     * @return the invite
     */
    @RequestLine("GET /organization/invites/{id}")
    OpenAiJson.Invite retrieve(@Param("id") String id);

    /**
     * Deletes an invite that was not accepted.
     *
     * @param id a checked invite id
     * @return the confirmation
     */
    @RequestLine("DELETE /organization/invites/{id}")
    OpenAiJson.Deleted delete(@Param("id") String id);
}
