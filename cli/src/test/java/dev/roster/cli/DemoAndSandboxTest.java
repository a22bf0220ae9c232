package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code roster demo} and {@code roster sandbox}, as a newcomer runs them. */
class DemoAndSandboxTest {

    @Test
    @DisplayName("roster demo runs every step of the main job against the simulators and ends with what to try next")
    void demo() {
        Cli.Result result = Cli.bare().run("demo");
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("$ roster vendors", "$ roster invite ada@example.com grace@example.com linus@example.com",
                        "$ roster list", "$ roster find grace@example.com", "$ roster revoke --email ada@example.com --yes",
                        "$ roster invite --vendor openai --role admin margaret@example.com")
                .containsPattern("openai +ada@example.com +already pending +invite-")
                .containsPattern("github +ada@example.com +already pending +[1-9][0-9]*")
                .contains("ada@example.com: 3 before, 3 after")
                .containsPattern("github +[1-9][0-9]* +ada@example.com +pending +direct_member")
                .containsPattern("openai +invite-\\S+ +grace@example.com +accepted")
                .contains("error: openai: invite: invalid input: openai has no role 'admin'", "(exit 2)",
                        "Requests the simulators received for it: 0.")
                .containsPattern("OpenAI (answered 1 request with 429|answered ([2-9]|[1-9]\\d+) requests with 429|refused none)")
                .contains("# Next: run ./roster sandbox");
        assertThat(result.out()).doesNotContain("failed");
    }

    @Test
    @DisplayName("roster sandbox prints the exports; the other commands work with them until it is stopped")
    void sandbox() throws Exception {
        PipedWriter pipe = new PipedWriter();
        BufferedReader printed = new BufferedReader(new PipedReader(pipe, 1 << 16));
        CountDownLatch stop = new CountDownLatch(1);
        Terminal terminal = new Terminal(new PrintWriter(pipe, true), new PrintWriter(new StringWriter(), true),
                new BufferedReader(new StringReader("")), Map.of(), false, stop);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> sandbox = runner.submit(() -> Main.commandLine(terminal).execute("sandbox"));
            Map<String, String> exports = new HashMap<>();
            Pattern export = Pattern.compile("export ([A-Z_]+)=(.*)");
            for (String line = printed.readLine(); line != null && !line.startsWith("# ./roster invite"); line = printed.readLine()) {
                Matcher m = export.matcher(line);
                if (m.matches()) {
                    exports.put(m.group(1), m.group(2).replaceAll("^'|'$", ""));
                }
            }
            assertThat(exports).containsKeys("ROSTER_OPENAI_BASE_URI", "ROSTER_CONFLUENT_BASE_URI", "OPENAI_ADMIN_KEY",
                    "CONFLUENT_CLOUD_API_KEY", "CONFLUENT_CLOUD_API_SECRET", "ROSTER_GITHUB_BASE_URI", "GITHUB_TOKEN", "GITHUB_ORG");
            assertThat(exports.get("ROSTER_OPENAI_BASE_URI")).startsWith("http://127.0.0.1:");
            Cli second = Cli.bare();
            exports.forEach(second::env);
            assertThat(second.run("invite", "ada@example.com").code()).isZero();
            Cli.Result list = second.run("list", "-o", "csv");
            assertThat(list.out().lines().filter(line -> line.contains("ada@example.com")).count()).isEqualTo(3);
            assertThat(second.run("vendors").out()).containsPattern("github +GitHub +set +admin,billing_manager,direct_member");
            stop.countDown();
            assertThat(sandbox.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            stop.countDown();
            runner.shutdownNow();
        }
    }
}
