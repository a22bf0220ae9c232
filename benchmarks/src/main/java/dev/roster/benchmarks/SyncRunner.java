package dev.roster.benchmarks;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.sync.Access;
import dev.roster.sync.ApplyReport;
import dev.roster.sync.ConnectionSpec;
import dev.roster.sync.DesiredState;
import dev.roster.sync.Outcome;
import dev.roster.sync.Person;
import dev.roster.sync.Plan;
import dev.roster.sync.RosterSync;
import dev.roster.testkit.simulator.ConfluentSimulator;
import dev.roster.testkit.simulator.OpenAiSimulator;
import dev.roster.testkit.simulator.VendorSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plan and apply for 1,000 people at two vendors (OpenAI and Confluent), each a testkit simulator in
 * this process limited to 50 requests a second, through the sync engine's Java API ({@link RosterSync}),
 * starting from empty vendors; then a second plan, which must find nothing to change. What is measured
 * is requests and wall time against the rate limit, not CPU: the requests each vendor received by kind
 * (listing pages, creates, anything else) against the floor (one listing pass, one create per
 * invitation), its 429s, and the wall time against the bound (1,000 creates at 50/s = 20 s, the vendors
 * in parallel). Writes {@code sync.md} to the results folder.
 */
public final class SyncRunner {

    private static final int PEOPLE = 1000;
    private static final int RATE = 50;

    private SyncRunner() {}

    /** What one vendor's simulator received in one phase. */
    private record Traffic(long listings, long creates, long other, long throttled) {
        long total() {
            return listings + creates + other;
        }

        Traffic minus(Traffic before) {
            return new Traffic(listings - before.listings, creates - before.creates, other - before.other,
                    throttled - before.throttled);
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param args the results folder
     * @throws Exception if a vendor simulator cannot start
     */
    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        Map<String, VendorSimulator> simulators = new LinkedHashMap<>();
        simulators.put("openai", new OpenAiSimulator());
        simulators.put("confluent", new ConfluentSimulator());
        Map<String, InvitationProvider> providers = new LinkedHashMap<>();
        List<ConnectionSpec> connections = new ArrayList<>();
        for (Map.Entry<String, VendorSimulator> vendor : simulators.entrySet()) {
            VendorSimulator simulator = vendor.getValue().start();
            simulator.rateLimit(RATE);
            providers.put(vendor.getKey(), InvitationProviders.load(vendor.getKey(), simulator.config()));
            connections.add(ConnectionSpec.of(vendor.getKey(), vendor.getKey())
                    .withDefaults(vendor.getKey().equals("openai") ? Access.none().withRole("reader") : Access.none()));
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(Person.of("sync" + i + "@example.com").at("openai").at("confluent"));
        }
        DesiredState state = new DesiredState(connections, people);
        RosterSync sync = RosterSync.of(providers);

        Map<String, Traffic> start = traffic(simulators);
        long t0 = System.nanoTime();
        Plan plan = sync.plan(state);
        long t1 = System.nanoTime();
        Map<String, Traffic> planned = traffic(simulators);
        ApplyReport report = sync.apply(plan, state);
        long t2 = System.nanoTime();
        Map<String, Traffic> applied = traffic(simulators);
        Plan again = sync.plan(state);
        long t3 = System.nanoTime();
        Map<String, Traffic> replanned = traffic(simulators);
        for (InvitationProvider provider : providers.values()) {
            provider.close();
        }
        for (VendorSimulator simulator : simulators.values()) {
            simulator.close();
        }

        double bound = (double) PEOPLE / RATE;
        StringBuilder md = new StringBuilder();
        md.append(Results.f("### Plan and apply: %,d people at 2 vendors, each limited to %d requests/s (`SyncRunner`)%n%n",
                PEOPLE, RATE));
        md.append(Results.f("The sync engine's Java API (`RosterSync`) against the testkit's OpenAI and Confluent simulators in "
                + "process (a sliding one-second window of %d requests, with each vendor's rate-limit headers), starting from "
                + "empty vendors, `ApplyOptions.defaults()`. Floor per vendor: one listing pass and one create per person; "
                + "bound: %,d creates at %d/s = %.0f s, the vendors in parallel. Counted at the simulators.%n%n", RATE, PEOPLE,
                RATE, bound));
        md.append("| phase | vendor | listing requests | creates | other requests | requests vs floor | 429s | wall time | vs bound |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        row(md, "plan (" + plan.summary().describe() + ")", planned, start, 0, (t1 - t0) / 1e9, Double.NaN);
        row(md, "apply (" + report.describe() + ")", applied, planned, PEOPLE, (t2 - t1) / 1e9, bound);
        row(md, "plan again (" + again.summary().describe() + ")", replanned, applied, 0, (t3 - t2) / 1e9, Double.NaN);
        long done = report.count(Outcome.DONE);
        md.append(Results.f("%nApply: %,d of %,d steps done, %s. The second plan %s.%n%n", done, 2L * PEOPLE,
                report.anyFailed() ? "SOME FAILED" : "none failed",
                again.summary().changes() == 0 ? "finds no changes" : "still finds " + again.summary().changes() + " changes"));
        Results.write(results, "sync.md", md.toString());
        System.err.println(md);
        System.exit(0);
    }

    private static void row(StringBuilder md, String phase, Map<String, Traffic> after, Map<String, Traffic> before, int creates,
            double seconds, double bound) {
        for (Map.Entry<String, Traffic> vendor : after.entrySet()) {
            Traffic t = vendor.getValue().minus(before.get(vendor.getKey()));
            long floor = 1 + creates;
            md.append(Results.f("| %s | %s | %,d | %,d | %,d | %,d / %,d = %s | %,d | %.2f s | %s |%n", phase, vendor.getKey(),
                    t.listings, t.creates, t.other, t.total(), floor, Results.ratio(t.total(), floor), t.throttled, seconds,
                    Double.isNaN(bound) ? "-" : Results.ratio(seconds, bound)));
        }
    }

    /** What each simulator has received so far, by kind: a GET of the collection is a listing page, a POST a create. */
    private static Map<String, Traffic> traffic(Map<String, VendorSimulator> simulators) {
        Map<String, Traffic> out = new LinkedHashMap<>();
        for (Map.Entry<String, VendorSimulator> vendor : simulators.entrySet()) {
            long listings = 0;
            long creates = 0;
            long other = 0;
            for (ServeEvent event : vendor.getValue().server().getAllServeEvents()) {
                String method = event.getRequest().getMethod().getName();
                String path = event.getRequest().getUrl().split("\\?", 2)[0];
                boolean collection = path.endsWith("/invites") || path.endsWith("/invitations");
                if (method.equals("GET") && collection) {
                    listings++;
                } else if (method.equals("POST") && collection) {
                    creates++;
                } else {
                    other++;
                }
            }
            out.put(vendor.getKey(), new Traffic(listings, creates, other, vendor.getValue().answeredWith(429)));
        }
        return out;
    }
}
