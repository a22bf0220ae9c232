package dev.roster.confluent;

/**
 * The names that Confluent Cloud invitations use in Roster: the provider id, the default endpoint,
 * and the keys of {@link dev.roster.Invitation#attributes()} and
 * {@link dev.roster.InvitationRequest#attributes()}.
 *
 * <pre>{@code
 * InvitationRequest request = InvitationRequest.builder("ada@example.com")
 *         .attribute(ConfluentCloud.AUTH_TYPE, ConfluentCloud.AUTH_TYPE_SSO)
 *         .build();
 * Invitation sent = confluent.invite(request);
 * String userId = sent.attributes().get(ConfluentCloud.USER_ID); // for role bindings
 * }</pre>
 */
public final class ConfluentCloud {

    /** The provider id: {@code InvitationProviders.load("confluent", config)}. */
    public static final String ID = "confluent";

    /** The name shown in messages. */
    public static final String DISPLAY_NAME = "Confluent Cloud";

    /** The endpoint used unless {@code ProviderConfig.baseUri} overrides it. */
    public static final String DEFAULT_BASE_URI = "https://api.confluent.cloud";

    /**
     * The invitee's authentication type: a request attribute (sent as {@code auth_type}) and an
     * invitation attribute. Without it, Confluent picks {@value #AUTH_TYPE_SSO} in organizations
     * with single sign-on and {@value #AUTH_TYPE_LOCAL} otherwise.
     */
    public static final String AUTH_TYPE = "auth_type";

    /** A user who signs in with a Confluent password. Only an OrganizationAdmin may invite these into SSO organizations. */
    public static final String AUTH_TYPE_LOCAL = "AUTH_TYPE_LOCAL";

    /** A user who signs in through the organization's single sign-on. */
    public static final String AUTH_TYPE_SSO = "AUTH_TYPE_SSO";

    /**
     * The longest page cursor Confluent accepts, in characters: its {@code page_token} parameter is a
     * string of at most 255 ({@code maxLength: 255} in Confluent's spec). A longer cursor, which no
     * Confluent page ever handed out, is refused before any request with
     * {@link dev.roster.InvalidRequestException}, although core accepts cursors of up to
     * {@link dev.roster.spi.InputRules#MAX_CURSOR_LENGTH} for any vendor.
     */
    public static final int MAX_PAGE_TOKEN_LENGTH = 255;

    /** Invitation attribute: the id of the invited user ({@code user.id}, such as {@code u-j93dy8}), for role bindings. */
    public static final String USER_ID = "user.id";

    /** Invitation attribute: the id of the user or service account that sent the invitation ({@code creator.id}). */
    public static final String CREATOR_ID = "creator.id";

    /** Invitation attribute: the invitation's Confluent Resource Name ({@code metadata.resource_name}). */
    public static final String RESOURCE_NAME = "metadata.resource_name";

    /**
     * Invitation attribute: Confluent's own status, such as {@code INVITE_STATUS_STAGED}, kept
     * because several map onto one {@link dev.roster.InvitationStatus} and new ones may appear.
     */
    public static final String VENDOR_STATUS = "status";

    /**
     * The {@link dev.roster.ProviderConfig#property(String) property} that turns on Feign's HTTP log:
     * {@code NONE} (the default), {@code BASIC}, {@code HEADERS} or {@code FULL}. Lines go to the
     * {@link System.Logger} {@code dev.roster.confluent.http} at DEBUG. Credentials are never
     * written, at any level.
     */
    public static final String HTTP_LOG_PROPERTY = "confluent.httpLogLevel";

    private ConfluentCloud() {}
}
