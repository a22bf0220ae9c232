package dev.roster.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Where a run of {@code roster} reads and writes: its output and error streams, its environment,
 * whether it talks to a person (a terminal) and how it waits to be stopped. {@link #system()} is the
 * real process; tests build their own with captured streams and a fixed environment.
 *
 * @param out where results go (stdout)
 * @param err where errors and progress go (stderr)
 * @param in what a person types, for confirmations
 * @param environment the variables to read configuration from
 * @param interactive whether a person is at a terminal: confirmations are asked, progress and colour shown
 * @param stopped counted down when the process should stop (Ctrl-C), for {@code roster sandbox}
 */
public record Terminal(
        PrintWriter out, PrintWriter err, BufferedReader in, Map<String, String> environment, boolean interactive,
        CountDownLatch stopped) {

    /**
     * Checks that nothing is null and copies the environment.
     *
     * @param out where results go (stdout)
     * @param err where errors and progress go (stderr)
     * @param in what a person types, for confirmations
     * @param environment the variables to read configuration from
     * @param interactive whether a person is at a terminal
     * @param stopped counted down when the process should stop
     */
    public Terminal {
        java.util.Objects.requireNonNull(out, "out");
        java.util.Objects.requireNonNull(err, "err");
        java.util.Objects.requireNonNull(in, "in");
        environment = Map.copyOf(environment);
        java.util.Objects.requireNonNull(stopped, "stopped");
    }

    /**
     * The real process: stdout, stderr, stdin, the process environment. A person is taken to be there
     * when the JVM has a console (stdin and stdout are a terminal), which is picocli's own test for
     * colour too; {@code ROSTER_INTERACTIVE=0} or {@code =1} overrides it.
     *
     * @return the process's terminal
     */
    public static Terminal system() {
        Map<String, String> env = System.getenv();
        String forced = env.get("ROSTER_INTERACTIVE");
        boolean interactive = forced != null && !forced.isBlank() ? forced.strip().equals("1") : System.console() != null;
        Charset charset = Charset.defaultCharset();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "roster-stop"));
        Reader stdin = new InputStreamReader(System.in, charset);
        return new Terminal(new PrintWriter(System.out, true), new PrintWriter(System.err, true), new BufferedReader(stdin),
                env, interactive, stopped);
    }

    /**
     * An environment variable.
     *
     * @param name its name
     * @return its value, if set and not blank
     */
    public Optional<String> variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * Whether tables may be coloured: a person is there and {@code NO_COLOR} is not set
     * (see no-color.org).
     *
     * @return true for colour
     */
    public boolean colour() {
        return interactive && !environment.containsKey("NO_COLOR");
    }

    /**
     * Asks a person on stderr and reads one line: only {@code yes} (any case, spaces around) goes
     * ahead; anything else, no answer or a broken input is a no, and then {@code declined} is said.
     *
     * @param question the question, ending where the answer is typed
     * @param declined what is said when the answer is no, such as "Nothing changed."
     * @return true only for yes
     */
    public boolean confirm(String question, String declined) {
        err.print(question + " Only 'yes' goes ahead: ");
        err.flush();
        try {
            String answer = in.readLine();
            if (answer != null && answer.strip().toLowerCase(Locale.ROOT).equals("yes")) {
                return true;
            }
        } catch (IOException e) {
            // No answer is a no.
        }
        err.println(declined);
        err.flush();
        return false;
    }

    /**
     * The same terminal with another environment, for the commands the demo runs.
     *
     * @param variables the environment
     * @return the terminal
     */
    public Terminal withEnvironment(Map<String, String> variables) {
        return new Terminal(out, err, in, variables, interactive, stopped);
    }
}
