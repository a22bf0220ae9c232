package dev.roster.benchmarks;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What {@code findByEmail} costs on an organisation of 10,000 pending invitations, listed oldest first
 * (as Roster's simulators and this server list them; neither vendor documents an order), and so what a
 * re-invite costs. At OpenAI core answers the 409 for a duplicate with {@code findByEmail}: OpenAI has
 * no email filter, and its 409 names no invitation, so a client that has not seen the invitation walks
 * the pages up to it, and one that has (a listing, a lookup) reads the id it remembers. At Confluent the 409 names the pending invitation
 * in {@code Location}, which core reads with one {@code find}, whatever spelling of the address was
 * stored. Requests are counted at the server; times are medians of {@value #RUNS} runs after a
 * warm-up, against a fresh invite (one request) at the same vendor measured in the same run. Writes
 * {@code reinvite.md} to the results folder.
 */
public final class ReinviteRunner {

    private static final int SIZE = 10_000;
    private static final int RUNS = 5;

    private ReinviteRunner() {}

    /**
     * Runs the re-invite measurements.
     *
     * @param args the results folder
     */
    public static void main(String[] args) {
        Path results = Path.of(args[0]);
        StringBuilder md = new StringBuilder();
        md.append(Results.f("### `findByEmail` and re-invites on an OpenAI organisation of %,d invitations (median of %d)%n%n", SIZE, RUNS));
        md.append("| operation | requests sent | time | vs a fresh invite |\n|---|---:|---:|---:|\n");
        try (ServerProcess server = ServerProcess.start()) {
            String org = "m_none_" + SIZE + "_reinvite";
            String fresh = "m_none_0_fresh";
            List<InvitationProvider> opened = new ArrayList<>();
            try (InvitationProvider orgProvider = Clients.rosterOpenAi(server.tenantRoot(org));
                    InvitationProvider freshProvider = Clients.rosterOpenAi(server.tenantRoot(fresh))) {
                int[] next = {0};
                Supplier<Object> freshInvite = () -> freshProvider.invite(InvitationRequest.of("fresh" + next[0]++ + "@example.com"));
                String oldest = "person0@example.com";
                String newest = "person" + (SIZE - 1) + "@example.com";
                // Warm-up: JIT and connections, on both tenants.
                for (int i = 0; i < 3; i++) {
                    freshInvite.get();
                    orgProvider.invite(InvitationRequest.of(newest));
                }
                Measure base = measure(server, fresh, freshInvite);
                row(md, "fresh invite (baseline: no conflict)", base, base);
                String root = server.tenantRoot(org);
                row(md, "re-invite, the pending invitation is the oldest (first page), by a client that has not seen it",
                        measure(server, org, expect(unseen(root, opened, client -> client.invite(InvitationRequest.of(oldest))),
                                Tenant.openAiId(0))), base);
                row(md, "re-invite, the pending invitation is the newest (last page), by a client that has not seen it",
                        measure(server, org, expect(unseen(root, opened, client -> client.invite(InvitationRequest.of(newest))),
                                Tenant.openAiId(SIZE - 1))), base);
                row(md, "re-invite, the newest, by a client that has seen it pending (a listing, as a plan before apply, or a lookup)",
                        measure(server, org, expect(() -> orgProvider.invite(InvitationRequest.of(newest)), Tenant.openAiId(SIZE - 1))),
                        base);
                row(md, "`findByEmail`, the newest invitation's address, by a client that has not seen it", measure(server, org,
                        expect(unseen(root, opened, client -> client.findByEmail(newest).orElseThrow()), Tenant.openAiId(SIZE - 1))),
                        base);
                row(md, "`findByEmail`, an address with no invitation", measure(server, org, () -> {
                    Optional<Invitation> none = orgProvider.findByEmail("nobody@example.com");
                    if (none.isPresent()) {
                        throw new IllegalStateException("found " + none.get().id() + " for an address with no invitation");
                    }
                    return none;
                }), base);
            } finally {
                opened.forEach(InvitationProvider::close);
            }
        }
        md.append("\n");
        confluent(md);
        Results.write(results, "reinvite.md", md.toString());
    }

    private static void confluent(StringBuilder md) {
        md.append(Results.f("### Re-invites on a Confluent organisation of %,d invitations (median of %d)%n%n", SIZE, RUNS));
        md.append("| operation | requests sent | time | vs a fresh invite |\n|---|---:|---:|---:|\n");
        try (ServerProcess server = ServerProcess.start()) {
            String org = "m_none_" + SIZE + "_reinvite";
            String fresh = "m_none_0_fresh";
            try (InvitationProvider orgProvider = Clients.rosterConfluent(server.tenantRoot(org));
                    InvitationProvider freshProvider = Clients.rosterConfluent(server.tenantRoot(fresh))) {
                int[] next = {0};
                Supplier<Object> freshInvite = () -> freshProvider.invite(InvitationRequest.of("fresh" + next[0]++ + "@example.com"));
                String newest = "person" + (SIZE - 1) + "@example.com";
                // Stored with capitals: Confluent's email filter is exact, so looking it up in lower case misses it.
                Invitation capitalised = orgProvider.invite(InvitationRequest.of("Ada.Newest@Example.com"));
                for (int i = 0; i < 3; i++) {
                    freshInvite.get();
                    orgProvider.invite(InvitationRequest.of(newest));
                }
                Measure base = measure(server, fresh, freshInvite);
                row(md, "fresh invite (baseline: no conflict)", base, base);
                row(md, "re-invite, the pending invitation is the newest, same spelling", measure(server, org,
                        expect(() -> orgProvider.invite(InvitationRequest.of(newest)), Tenant.confluentId(SIZE - 1))), base);
                row(md, "re-invite as `ada.newest@example.com`, stored as `Ada.Newest@Example.com`", measure(server, org,
                        expect(() -> orgProvider.invite(InvitationRequest.of("ada.newest@example.com")), capitalised.id())), base);
                row(md, "`findByEmail`, an address with no invitation", measure(server, org, () -> {
                    Optional<Invitation> none = orgProvider.findByEmail("Nobody@example.com");
                    if (none.isPresent()) {
                        throw new IllegalStateException("found " + none.get().id() + " for an address with no invitation");
                    }
                    return none;
                }), base);
            }
        }
        md.append("\n");
    }

    private record Measure(double requests, double millis) {}

    /**
     * The call, each run through a client of its own that has read nothing of the organisation, as a new
     * process has (the OpenAI adapter remembers the pending invitations it has seen, so a client's second
     * lookup of an address is one read). The clients are made before the runs: their start is not timed.
     */
    private static Supplier<Invitation> unseen(String root, List<InvitationProvider> opened,
            Function<InvitationProvider, Invitation> call) {
        Iterator<InvitationProvider> clients = IntStream.range(0, RUNS).mapToObj(i -> Clients.rosterOpenAi(root))
                .peek(opened::add).collect(Collectors.toList()).iterator();
        return () -> call.apply(clients.next());
    }

    private static Supplier<Object> expect(Supplier<Invitation> call, String id) {
        return () -> {
            Invitation invitation = call.get();
            if (!invitation.id().equals(id)) {
                throw new IllegalStateException("expected " + id + ", got " + invitation.id());
            }
            return invitation;
        };
    }

    private static Measure measure(ServerProcess server, String tenant, Supplier<Object> operation) {
        List<Long> requests = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long before = server.stats(tenant).get("requests").asLong();
            long start = System.nanoTime();
            operation.get();
            millis.add((System.nanoTime() - start) / 1e6);
            requests.add(server.stats(tenant).get("requests").asLong() - before);
        }
        return new Measure(Results.median(requests), Results.median(millis));
    }

    private static void row(StringBuilder md, String what, Measure m, Measure base) {
        md.append(Results.f("| %s | %.0f | %.2f ms | %s |%n", what, m.requests(), m.millis(), Results.ratio(m.millis(), base.millis())));
    }
}
