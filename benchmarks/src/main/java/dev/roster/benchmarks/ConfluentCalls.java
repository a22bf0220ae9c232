package dev.roster.benchmarks;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.Page;
import dev.roster.PageRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per call against Confluent-shaped answers ({@code iam/v2}): {@code find} and a page of 100, through
 * Roster and a hand-written JDK client (Confluent publishes no Java SDK), plus the raw-socket floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class ConfluentCalls {

    private static final String TENANT = "s_none_1000_calls";
    private static final String ID = Tenant.confluentId(42);

    private ServerProcess server;
    private InvitationProvider roster;
    private RawConfluentClient raw;
    private FloorClient floorFind;
    private FloorClient floorList;

    /** Starts the loopback server in its own process and builds every client. */
    @Setup(Level.Trial)
    public void start() {
        server = ServerProcess.start();
        String root = server.tenantRoot(TENANT);
        roster = Clients.rosterConfluent(root);
        raw = Clients.rawConfluent(root);
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (LoopbackServer.CONFLUENT_KEY + ":" + LoopbackServer.CONFLUENT_SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        floorFind = new FloorClient(root + "/iam/v2/invitations/" + ID, auth);
        floorList = new FloorClient(root + "/iam/v2/invitations?page_size=100", auth);
    }

    /** Closes the clients and stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
        roster.close();
        floorFind.close();
        floorList.close();
        server.close();
    }

    /**
     * Roster: one invitation by id.
     *
     * @return the invitation
     */
    @Benchmark
    public Invitation rosterFind() {
        Invitation invitation = roster.find(ID).orElseThrow();
        return Checks.id(invitation.id(), ID, invitation);
    }

    /**
     * The JDK client: one invitation by id.
     *
     * @return the invitation
     */
    @Benchmark
    public Object rawFind() {
        RawConfluentClient.Invitation invitation = raw.find(ID).orElseThrow();
        return Checks.id(invitation.id(), ID, invitation);
    }

    /**
     * The floor: the same request on a raw socket.
     *
     * @return the body's length
     */
    @Benchmark
    public int floorFind() {
        return floorFind.call();
    }

    /**
     * Roster: the first page of 100.
     *
     * @return the page
     */
    @Benchmark
    public Page<Invitation> rosterList() {
        Page<Invitation> page = roster.list(PageRequest.first(100));
        return Checks.size(page.items(), page);
    }

    /**
     * The JDK client: the first page of 100.
     *
     * @return the page
     */
    @Benchmark
    public Object rawList() {
        RawConfluentClient.InvitationList page = raw.list(100, null);
        return Checks.size(page.data(), page);
    }

    /**
     * The floor: the same list request on a raw socket.
     *
     * @return the body's length
     */
    @Benchmark
    public int floorList() {
        return floorList.call();
    }
}
