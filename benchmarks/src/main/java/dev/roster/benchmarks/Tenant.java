package dev.roster.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One organisation on the loopback server, named by the first path segment of a request:
 * {@code <kind>_<limiter>_<seed>_<tag>}. Kind {@code s} is static (its answers are rendered once and
 * cached; it takes no creates), kind {@code m} is mutable (it takes creates, refusing a second pending
 * invitation for an address with 409, as OpenAI and Confluent do). Limiter: {@code none}, {@code bursty},
 * {@code shut} or {@code strict} (see {@link RateLimiter}). Seed: how many pending invitations it starts
 * with, listed in creation order (oldest first, as Roster's simulators list them: neither vendor documents
 * its order, see the README). Tag: anything, to make a fresh one.
 */
final class Tenant {

    /** 2026-01-01T00:00:00Z: invitation i was created i seconds later. */
    static final long EPOCH = 1_767_225_600L;
    private static final long WEEK = 7 * 24 * 3600L;

    record Stored(String id, String email, long createdAt, String status) {}

    final String name;
    final boolean mutable;
    final RateLimiter limiter;
    private final List<Stored> invites = new ArrayList<>();
    private final Map<String, Integer> indexById = new HashMap<>();
    private final Map<String, Integer> pendingByEmail = new HashMap<>();
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    final AtomicLong requests = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong created = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong lists = new AtomicLong();
    final AtomicLong finds = new AtomicLong();

    private Tenant(String name, boolean mutable, RateLimiter limiter, int seed) {
        this.name = name;
        this.mutable = mutable;
        this.limiter = limiter;
        for (int i = 0; i < seed; i++) {
            add("person" + i + "@example.com", EPOCH + i);
        }
    }

    static Tenant parse(String name) {
        String[] parts = name.split("_", 4);
        if (parts.length != 4 || !(parts[0].equals("s") || parts[0].equals("m"))) {
            throw new IllegalArgumentException("tenant names are <s|m>_<none|bursty|strict|shut>_<seed>_<tag>, not " + name);
        }
        return new Tenant(name, parts[0].equals("m"), RateLimiter.named(parts[1]), Integer.parseInt(parts[2]));
    }

    static String openAiId(int index) {
        return String.format(Locale.ROOT, "invite-%07d", index);
    }

    static String confluentId(int index) {
        return String.format(Locale.ROOT, "i-%07d", index);
    }

    private Stored add(String email, long createdAt) {
        int index = invites.size();
        Stored stored = new Stored(openAiId(index), email, createdAt, "pending");
        invites.add(stored);
        indexById.put(stored.id(), index);
        indexById.put(confluentId(index), index);
        pendingByEmail.put(email.toLowerCase(Locale.ROOT), index);
        return stored;
    }

    /** Creates an invitation; empty when the address already has a pending one (a duplicate). */
    byte[] create(String email) {
        Integer index = createIndex(email);
        return index == null ? null : bytes(openAiInvite(stored(index), new StringBuilder()));
    }

    /** Creates an invitation, answering its index; null when the address already has a pending one (a duplicate). */
    synchronized Integer createIndex(String email) {
        if (pendingByEmail.containsKey(email.toLowerCase(Locale.ROOT))) {
            duplicates.incrementAndGet();
            return null;
        }
        created.incrementAndGet();
        add(email, EPOCH + invites.size());
        return invites.size() - 1;
    }

    /** The index of the address's pending invitation (compared ignoring case), or null. */
    synchronized Integer pendingIndex(String email) {
        return pendingByEmail.get(email.toLowerCase(Locale.ROOT));
    }

    private synchronized Integer index(String id) {
        return indexById.get(id);
    }

    // ------------------------------------------------------------------ OpenAI

    byte[] openAiFind(String id) {
        Integer index = index(id);
        if (index == null) {
            return null;
        }
        if (!mutable) {
            return cache.computeIfAbsent("f" + id, k -> bytes(openAiInvite(stored(index), new StringBuilder())));
        }
        return bytes(openAiInvite(stored(index), new StringBuilder()));
    }

    byte[] openAiList(int limit, String after) {
        int from = 0;
        if (after != null) {
            Integer index = index(after);
            from = index == null ? Integer.MAX_VALUE : index + 1;
        }
        int start = from;
        if (!mutable) {
            return cache.computeIfAbsent("l" + limit + ":" + start, k -> renderOpenAiList(limit, start));
        }
        return renderOpenAiList(limit, start);
    }

    private synchronized Stored stored(int index) {
        return invites.get(index);
    }

    private synchronized byte[] renderOpenAiList(int limit, int from) {
        int to = (int) Math.min((long) from + limit, invites.size());
        StringBuilder json = new StringBuilder(256 * Math.max(0, to - from) + 128).append("{\"object\":\"list\",\"data\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                json.append(',');
            }
            openAiInvite(invites.get(i), json);
        }
        json.append("],\"first_id\":");
        appendIdOrNull(json, from < to ? invites.get(from).id() : null);
        json.append(",\"last_id\":");
        appendIdOrNull(json, from < to ? invites.get(to - 1).id() : null);
        json.append(",\"has_more\":").append(to < invites.size()).append('}');
        return bytes(json);
    }

    private static void appendIdOrNull(StringBuilder json, String id) {
        if (id == null) {
            json.append("null");
        } else {
            json.append('"').append(id).append('"');
        }
    }

    private static StringBuilder openAiInvite(Stored s, StringBuilder json) {
        return json.append("{\"object\":\"organization.invite\",\"id\":\"").append(s.id())
                .append("\",\"email\":\"").append(s.email())
                .append("\",\"role\":\"reader\",\"status\":\"").append(s.status())
                .append("\",\"created_at\":").append(s.createdAt())
                .append(",\"expires_at\":").append(s.createdAt() + WEEK)
                .append(",\"accepted_at\":null,\"projects\":[{\"id\":\"proj_default\",\"role\":\"member\"}]}");
    }

    // ------------------------------------------------------------------ Confluent

    byte[] confluentFind(String id, String root) {
        Integer index = index(id);
        if (index == null) {
            return null;
        }
        return cache.computeIfAbsent("cf" + id, k -> {
            StringBuilder json = new StringBuilder(700).append("{\"api_version\":\"iam/v2\",\"kind\":\"Invitation\",");
            return bytes(confluentInvite(stored(index), index, root, json));
        });
    }

    byte[] confluentList(int size, int from, String root) {
        if (!mutable) {
            return cache.computeIfAbsent("cl" + size + ":" + from, k -> renderConfluentList(size, from, root));
        }
        return renderConfluentList(size, from, root);
    }

    /**
     * Confluent's {@code email} filter: an exact match, case included, as its spec says ("Filter the
     * results by exact match for email"). An address holds a handful of invitations at most here, so
     * every match comes on one page.
     */
    synchronized byte[] confluentListByEmail(String email, int size, String root) {
        String collection = root + "/iam/v2/invitations";
        StringBuilder json = new StringBuilder(1024).append("{\"api_version\":\"iam/v2\",\"kind\":\"InvitationList\",\"metadata\":{\"first\":\"")
                .append(collection).append("?page_size=").append(size).append('"');
        StringBuilder data = new StringBuilder();
        int matches = 0;
        for (int i = 0; i < invites.size(); i++) {
            if (invites.get(i).email().equals(email)) {
                data.append(matches++ > 0 ? "," : "").append("{\"api_version\":\"iam/v2\",\"kind\":\"Invitation\",");
                confluentInvite(invites.get(i), i, root, data);
            }
        }
        return bytes(json.append(",\"total_size\":").append(matches).append("},\"data\":[").append(data).append("]}"));
    }

    private synchronized byte[] renderConfluentList(int size, int from, String root) {
        int to = (int) Math.min((long) from + size, invites.size());
        String collection = root + "/iam/v2/invitations";
        StringBuilder json = new StringBuilder(700 * Math.max(0, to - from) + 256)
                .append("{\"api_version\":\"iam/v2\",\"kind\":\"InvitationList\",\"metadata\":{\"first\":\"")
                .append(collection).append("?page_size=").append(size).append('"');
        if (to < invites.size()) {
            json.append(",\"next\":\"").append(collection).append("?page_size=").append(size)
                    .append("&page_token=tok").append(to).append('"');
        }
        json.append(",\"total_size\":").append(invites.size()).append("},\"data\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                json.append(',');
            }
            json.append("{\"api_version\":\"iam/v2\",\"kind\":\"Invitation\",");
            confluentInvite(invites.get(i), i, root, json);
        }
        return bytes(json.append("]}"));
    }

    private static StringBuilder confluentInvite(Stored s, int index, String root, StringBuilder json) {
        String id = confluentId(index);
        String created = Instant.ofEpochSecond(s.createdAt()).toString();
        return json.append("\"id\":\"").append(id)
                .append("\",\"metadata\":{\"self\":\"").append(root).append("/iam/v2/invitations/").append(id)
                .append("\",\"resource_name\":\"crn://confluent.cloud/organization=bench/invitation=").append(id)
                .append("\",\"created_at\":\"").append(created).append("\",\"updated_at\":\"").append(created)
                .append("\"},\"email\":\"").append(s.email())
                .append("\",\"auth_type\":\"AUTH_TYPE_LOCAL\",\"status\":\"INVITE_STATUS_SENT\",\"expires_at\":\"")
                .append(Instant.ofEpochSecond(s.createdAt() + WEEK))
                .append("\",\"user\":{\"id\":\"u-").append(index).append("\",\"related\":\"").append(root)
                .append("/iam/v2/users/u-").append(index)
                .append("\",\"resource_name\":\"crn://confluent.cloud/organization=bench/user=u-").append(index)
                .append("\"},\"creator\":{\"id\":\"sa-bench\",\"related\":\"").append(root)
                .append("/iam/v2/service-accounts/sa-bench\",\"resource_name\":\"crn://confluent.cloud/organization=bench/service-account=sa-bench\"}}");
    }

    private static byte[] bytes(StringBuilder json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    String statsJson() {
        return "{\"requests\":" + requests + ",\"throttled\":" + throttled + ",\"created\":" + created
                + ",\"duplicates\":" + duplicates + ",\"lists\":" + lists + ",\"finds\":" + finds + "}";
    }
}
