package dev.roster.cli.demo;

import dev.roster.Invitation;
import dev.roster.InvitationProvider;
import dev.roster.InvitationProviders;
import dev.roster.cli.ExitCodes;
import dev.roster.cli.Main;
import dev.roster.cli.RosterCommand;
import dev.roster.cli.Terminal;
import dev.roster.testkit.simulator.VendorSimulator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParentCommand;

/**
 * {@code roster demo}: the main job end to end on the vendor simulators, with no keys and no
 * network. Every step is a real {@code roster} command, run as a person would type it, against
 * the real adapters over HTTP on 127.0.0.1.
 */
@Command(mixinStandardHelpOptions = true, name = "demo",
        description = {"The main job end to end, with no keys and no network.",
            "Starts a simulator of every vendor on the class path on 127.0.0.1 and runs real roster commands against "
                    + "them, showing each command and its output."},
        footerHeading = "%nExamples:%n",
        footer = {"  roster demo", "  roster demo | less -R"})
public final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    RosterCommand root;

    private PrintWriter out;
    private Terminal terminal;
    private Terminal simulated;

    /** Creates the command; picocli calls it. */
    public DemoCommand() {
        // Nothing to set up before the options are parsed.
    }

    @Override
    public Integer call() {
        terminal = root.terminal();
        out = terminal.out();
        try (Simulators simulators = Simulators.start()) {
            Map<String, String> environment = new HashMap<>(simulators.environment());
            terminal.variable("NO_COLOR").ifPresent(value -> environment.put("NO_COLOR", value));
            // Only the simulators' variables: a person's real keys are never used by the demo.
            // Their error lines go to the same stream as the rest of the tour, so they show in place.
            simulated = new Terminal(out, out, terminal.in(), environment, terminal.interactive(), terminal.stopped());
            tour(simulators);
        }
        return ExitCodes.OK;
    }

    private void tour(Simulators sims) {
        List<String> where = new ArrayList<>();
        sims.all().forEach((id, simulator) -> where.add(displayName(id, simulator) + " at "
                + simulator.config().baseUri().orElseThrow()));
        say(sims.all().size() + " vendor simulators run on 127.0.0.1 (" + String.join(", ", where) + "),");
        say("with fake keys in the environment. Every step below is a real roster command, run against them.");

        step("Which vendors are here, and configured?", "vendors");

        step("Invite three people at every configured vendor.",
                "invite", "ada@example.com", "grace@example.com", "linus@example.com");

        int before = sims.created("ada@example.com");
        step("Invite Ada again: the same invitation is reported, nothing is sent twice.", "invite", "ada@example.com");
        say("Invitations the " + sims.all().size() + " vendors ever created for ada@example.com: " + before + " before, "
                + sims.created("ada@example.com") + " after (one each).");

        step("Everything, across vendors.", "list");

        accept(sims.get("openai").orElseThrow(), "openai", "grace@example.com");
        expire(sims.get("confluent").orElseThrow(), "confluent", "linus@example.com");
        out.println();
        say("Grace accepts her OpenAI invitation; Linus's Confluent invitation expires.");

        step("Find a person everywhere.", "find", "grace@example.com");

        step("Revoke Ada's pending invitations at every vendor (one each, so --yes confirms it).",
                "revoke", "--email", "ada@example.com", "--yes");

        step("Only what is still pending: Ada was revoked, Grace accepted at OpenAI, Linus expired at Confluent.",
                "list", "--status", "pending");

        int requests = sims.requestsReceived();
        step("An unknown role is refused before any request.", "invite", "--vendor", "openai", "--role", "admin",
                "margaret@example.com");
        say("Requests the simulators received for it: "
                + (sims.requestsReceived() - requests) + ".");

        VendorSimulator openai = sims.get("openai").orElseThrow();
        openai.rateLimit(4);
        long started = System.nanoTime();
        step("OpenAI now allows 4 requests a second; inviting five people at once needs more, and Roster keeps to its limit.",
                "invite", "--vendor", "openai", "--concurrency", "5", "alan@example.com", "barbara@example.com",
                "edsger@example.com", "frances@example.com", "john@example.com");
        long millis = (System.nanoTime() - started) / 1_000_000;
        int refused = openai.answeredWith(429);
        // Whether any request is refused depends on timing: the pacer may learn the limit from the rate-limit
        // headers of the first answers before the rest go.
        say(refused > 0
                ? String.format(Locale.ROOT, "OpenAI answered %d %s with 429 (rate limited); core waited %s out: "
                        + "no failure, %.1f s in all.", refused, refused == 1 ? "request" : "requests",
                        refused == 1 ? "it" : "them", millis / 1000.0)
                : String.format(Locale.ROOT, "OpenAI refused none: core paced the requests by its rate-limit headers: "
                        + "no failure, %.1f s in all.", millis / 1000.0));
        openai.rateLimit(0);

        out.println();
        say("Next: run ./roster sandbox, paste its export lines into a second terminal, and try any command there "
                + "(./roster --help).");
        out.flush();
    }

    private void step(String why, String... args) {
        out.println();
        say(why);
        String typed = "$ roster " + String.join(" ", quoted(args));
        out.println(terminal.colour() ? Ansi.ON.string("@|bold " + typed + "|@") : typed);
        out.flush();
        int code = Main.commandLine(simulated).execute(args);
        out.flush();
        terminal.err().flush();
        if (code != ExitCodes.OK) {
            out.println("(exit " + code + ")");
        }
    }

    private void say(String text) {
        String line = "# " + text;
        out.println(terminal.colour() ? Ansi.ON.string("@|faint " + line.replace("|@", "| @") + "|@") : line);
    }

    private static List<String> quoted(String... args) {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            out.add(SandboxCommand.shellQuote(arg));
        }
        return out;
    }

    /** The vendor's display name, read from its provider as a person's roster vendors would show it. */
    private static String displayName(String id, VendorSimulator simulator) {
        try (InvitationProvider provider = InvitationProviders.load(id, simulator.config())) {
            return provider.info().displayName();
        }
    }

    private static void accept(VendorSimulator simulator, String id, String email) {
        simulator.accept(idOf(simulator, id, email));
    }

    private static void expire(VendorSimulator simulator, String id, String email) {
        simulator.expire(idOf(simulator, id, email));
    }

    /** Acting as the invitee needs the invitation's id: looked up through the adapter, as a person's browser would have it. */
    private static String idOf(VendorSimulator simulator, String id, String email) {
        try (InvitationProvider provider = InvitationProviders.load(id, simulator.config())) {
            return provider.findByEmail(email).map(Invitation::id).orElseThrow(() -> new IllegalStateException(
                    "The demo could not find the invitation of " + email + " at " + id + "."));
        }
    }

}
