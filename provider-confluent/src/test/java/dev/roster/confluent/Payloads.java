package dev.roster.confluent;

/** JSON as Confluent Cloud sends it, for stub tests. */
final class Payloads {

    static final String ID = "i-gxxn1";

    private Payloads() {}

    /** A complete invitation, with microsecond timestamps as Confluent's are. */
    static String invitation(String id, String email, String status) {
        return "{\"api_version\":\"iam/v2\",\"kind\":\"Invitation\",\"id\":\"" + id + "\","
                + "\"metadata\":{\"self\":\"https://api.confluent.cloud/iam/v2/invitations/" + id + "\","
                + "\"resource_name\":\"crn://confluent.cloud/organization=9bb441c4/invitation=" + id + "\","
                + "\"created_at\":\"2024-05-06T07:08:09.123456Z\",\"updated_at\":\"2024-05-06T07:08:09.123456Z\"},"
                + "\"email\":\"" + email + "\",\"auth_type\":\"AUTH_TYPE_SSO\",\"status\":\"" + status + "\","
                + "\"expires_at\":\"2024-06-05T07:08:09.654321Z\","
                + "\"user\":{\"id\":\"u-j93dy8\",\"related\":\"https://api.confluent.cloud/iam/v2/users/u-j93dy8\","
                + "\"resource_name\":\"crn://confluent.cloud/organization=9bb441c4/user=u-j93dy8\"},"
                + "\"creator\":{\"id\":\"u-m2r9o7\",\"related\":\"https://api.confluent.cloud/iam/v2/users/u-m2r9o7\","
                + "\"resource_name\":\"crn://confluent.cloud/organization=9bb441c4/user=u-m2r9o7\"}}";
    }

    static String invitation() {
        return invitation(ID, "ada@example.com", "INVITE_STATUS_SENT");
    }

    /** A list page holding the items, with the given {@code next} link (JSON, so quoted or null). */
    static String list(String nextJson, String... items) {
        return "{\"api_version\":\"iam/v2\",\"kind\":\"InvitationList\",\"metadata\":{"
                + "\"first\":\"https://api.confluent.cloud/iam/v2/invitations\""
                + (nextJson == null ? "" : ",\"next\":" + nextJson)
                + ",\"total_size\":" + items.length + "},\"data\":[" + String.join(",", items) + "]}";
    }

    /** Confluent's error body. */
    static String failure(int status, String code, String title, String detail) {
        return "{\"errors\":[{\"id\":\"ed42afdc-f0d5-4c0d-b428-9fc6ed6e279d\",\"status\":\"" + status + "\""
                + (code == null ? "" : ",\"code\":\"" + code + "\"")
                + ",\"title\":\"" + title + "\""
                + (detail == null ? "" : ",\"detail\":\"" + detail + "\"") + "}]}";
    }
}
