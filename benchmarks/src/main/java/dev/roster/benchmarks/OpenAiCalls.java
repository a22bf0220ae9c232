package dev.roster.benchmarks;

import com.openai.client.OpenAIClient;
import com.openai.models.admin.organization.invites.Invite;
import com.openai.models.admin.organization.invites.InviteListParams;
import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.Page;
import dev.roster.PageRequest;
import java.util.List;
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
 * Per call against OpenAI-shaped answers: {@code find} (one invite) and {@code list} (a page of 100,
 * more to come), through Roster, the hand-written JDK client and the official SDK, plus the floor (a
 * raw socket: the loopback server's own cost). Every method checks what it got, so a broken client
 * fails the run instead of measuring an error path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class OpenAiCalls {

    private static final String TENANT = "s_none_1000_calls";
    private static final String ID = Tenant.openAiId(42);

    private ServerProcess server;
    private InvitationProvider roster;
    private RawOpenAiClient raw;
    private OpenAIClient sdk;
    private FloorClient floorFind;
    private FloorClient floorList;

    /** Starts the loopback server in its own process and builds every client. */
    @Setup(Level.Trial)
    public void start() {
        server = ServerProcess.start();
        String root = server.tenantRoot(TENANT);
        roster = Clients.rosterOpenAi(root);
        raw = Clients.rawOpenAi(root);
        sdk = Clients.sdk(root);
        String auth = "Bearer " + LoopbackServer.ADMIN_KEY;
        floorFind = new FloorClient(root + "/v1/organization/invites/" + ID, auth);
        floorList = new FloorClient(root + "/v1/organization/invites?limit=100", auth);
    }

    /** Closes the clients and stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
        roster.close();
        sdk.close();
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
     * @return the invite
     */
    @Benchmark
    public Object rawFind() {
        RawOpenAiClient.Invite invite = raw.find(ID).orElseThrow();
        return Checks.id(invite.id(), ID, invite);
    }

    /**
     * The official SDK: one invitation by id.
     *
     * @return the invite
     */
    @Benchmark
    public Object sdkFind() {
        Invite invite = sdk.admin().organization().invites().retrieve(ID);
        return Checks.id(invite.id(), ID, invite);
    }

    /**
     * The floor: the same request on a raw socket, the answer not parsed.
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
        RawOpenAiClient.InviteList page = raw.list(100, null);
        return Checks.size(page.data(), page);
    }

    /**
     * The official SDK: the first page of 100.
     *
     * @return the page's invites
     */
    @Benchmark
    public List<Invite> sdkList() {
        List<Invite> data = sdk.admin().organization().invites().list(InviteListParams.builder().limit(100L).build()).data();
        return Checks.size(data, data);
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
