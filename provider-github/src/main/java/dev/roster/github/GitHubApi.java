package dev.roster.github;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;

/**
 * The operations of GitHub's REST API on organization invitations and memberships, relative to the base URI
 * ({@code https://api.github.com}). The lists answer the raw {@link Response}, since their page
 * links travel in the {@code Link} header: {@link GitHubInvitationProvider} reads status, headers
 * and body itself, through {@link GitHubErrors} for anything but a success. Create and cancel are
 * decoded by Feign, their errors by {@link GitHubErrors} as Feign's error decoder. The organization
 * and ids reach the path only after they were checked (an organization login, a positive number, a
 * member id by {@link dev.roster.spi.InputRules#memberId}), so nothing can steer a request to another endpoint.
 */
@Headers({"Accept: application/vnd.github+json", "X-GitHub-Api-Version: " + GitHubProviderFactory.API_VERSION})
interface GitHubApi {

    /**
     * One page of the pending invitations.
     *
     * @param org the organization login
     * @param perPage 1 to 100
     * @param page from 1
     * @return the answer: 200 with a JSON array, and a {@code Link} header when there are more pages
     */
    @RequestLine(value = "GET /orgs/{org}/invitations?per_page={perPage}&page={page}", decodeSlash = false)
    Response pending(@Param("org") String org, @Param("perPage") int perPage, @Param("page") int page);

    /**
     * One page of the failed (expired) invitations.
     *
     * @param org the organization login
     * @param perPage 1 to 100
     * @param page from 1
     * @return the answer, as for {@link #pending}
     */
    @RequestLine(value = "GET /orgs/{org}/failed_invitations?per_page={perPage}&page={page}", decodeSlash = false)
    Response failed(@Param("org") String org, @Param("perPage") int perPage, @Param("page") int page);

    /**
     * Creates an invitation by email.
     *
     * @param org the organization login
     * @param request the email, role and teams
     * @return the invitation (201)
     */
    @RequestLine(value = "POST /orgs/{org}/invitations", decodeSlash = false)
    @Headers("Content-Type: application/json")
    GitHubJson.Invitation create(@Param("org") String org, GitHubJson.CreateRequest request);

    /**
     * Cancels an invitation.
     *
     * @param org the organization login
     * @param id the invitation's number
     */
    @RequestLine(value = "DELETE /orgs/{org}/invitations/{id}", decodeSlash = false)
    void cancel(@Param("org") String org, @Param("id") long id);

    /**
     * One page of the organization's members ({@code simple-user} items).
     *
     * @param org the organization login
     * @param perPage 1 to 100
     * @param page from 1
     * @return the answer: 200 with a JSON array, and a {@code Link} header when there are more pages
     */
    @RequestLine(value = "GET /orgs/{org}/members?per_page={perPage}&page={page}", decodeSlash = false)
    Response members(@Param("org") String org, @Param("perPage") int perPage, @Param("page") int page);

    /**
     * A user's membership of the organization: active, or pending while they are only invited.
     *
     * @param org the organization login
     * @param username a checked login
     * @return the membership (200); 404 when the user has none
     */
    @RequestLine(value = "GET /orgs/{org}/memberships/{username}", decodeSlash = false)
    GitHubJson.Membership membership(@Param("org") String org, @Param("username") String username);

    /**
     * Removes a user's membership (for a pending invitee GitHub cancels the invitation instead).
     *
     * @param org the organization login
     * @param username a checked login
     */
    @RequestLine(value = "DELETE /orgs/{org}/memberships/{username}", decodeSlash = false)
    void removeMembership(@Param("org") String org, @Param("username") String username);
}
