import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Tests Install.java, the JDK-only installer behind ./mvnw, without touching the real ~/.m2 or the
 * network: each case runs Install.java in its own JVM with a throwaway user.home, fetching a fake
 * distribution from a local server that also plays an HTTP proxy. Run it from the project root:
 *
 * <pre>java .mvn/wrapper/InstallTest.java</pre>
 *
 * It exits non-zero, naming the case, if any fails. Single-file and JDK-only, like Install.java.
 */
public class InstallTest {

    private static final String NAME = "apache-maven-0.0.1";
    /** A host that does not resolve: only a request sent through the proxy can reach the fake distribution. */
    private static final String URL = "http://maven.invalid/dist/" + NAME + "-bin.zip";

    private static final List<String> proxied = Collections.synchronizedList(new ArrayList<>());
    private static volatile byte[] served;

    public static void main(String[] args) throws Exception {
        Path install = Path.of(".mvn", "wrapper", "Install.java").toAbsolutePath();
        if (!Files.isRegularFile(install)) {
            throw new IllegalStateException("Run from the project root: no " + install);
        }
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            proxied.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, served.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(served);
            }
        });
        proxy.start();
        List<String> failures = new ArrayList<>();
        try {
            int port = proxy.getAddress().getPort();
            run(failures, "downloads through the configured proxy, installs, and leaves no staging directory",
                    () -> installsThroughTheProxy(install, port));
            run(failures, "reuses an existing install without downloading", () -> reusesTheInstall(install, port));
            run(failures, "deletes the staging directory when unpacking fails", () -> cleansUpAFailedUnpack(install, port));
            run(failures, "deletes the staging directory when another install won the race",
                    () -> cleansUpAfterLosingARace(install, port));
            run(failures, "refuses a distribution whose SHA-256 differs, leaving nothing behind",
                    () -> refusesAWrongChecksum(install, port));
        } finally {
            proxy.stop(0);
        }
        if (!failures.isEmpty()) {
            System.err.println(failures.size() + " failed:\n  " + String.join("\n  ", failures));
            System.exit(1);
        }
        System.out.println("Install.java: all cases passed");
    }

    private interface Case {
        void run() throws Exception;
    }

    private static void run(List<String> failures, String name, Case test) {
        try {
            test.run();
            System.out.println("ok   " + name);
        } catch (Exception | AssertionError e) {
            System.out.println("FAIL " + name + ": " + e.getMessage());
            failures.add(name + ": " + e.getMessage());
        }
    }

    private static void installsThroughTheProxy(Path install, int port) throws Exception {
        Path home = Files.createTempDirectory("roster-install-test");
        served = distribution(NAME + "/bin/mvn", NAME + "/lib/core.jar");
        proxied.clear();
        Result result = install(install, home, sha256(served), port);
        Path mavenHome = base(home).resolve(NAME);

        check(result.exit == 0, "exit " + result.exit + ": " + result.err);
        check(result.out.strip().equals(mavenHome.toString()), "printed " + result.out.strip() + ", not " + mavenHome);
        check(Files.isExecutable(mavenHome.resolve("bin/mvn")), "bin/mvn is not executable");
        check(Files.isRegularFile(mavenHome.resolve("lib/core.jar")), "lib/core.jar is missing");
        check(proxied.equals(List.of(URL)), "the proxy saw " + proxied + ", not one request for " + URL);
        check(leftovers(home).isEmpty(), "left behind " + leftovers(home));
        deleteRecursively(home);
    }

    private static void reusesTheInstall(Path install, int port) throws Exception {
        Path home = Files.createTempDirectory("roster-install-test");
        served = distribution(NAME + "/bin/mvn");
        check(install(install, home, sha256(served), port).exit == 0, "the first install failed");
        proxied.clear();
        Result again = install(install, home, sha256(served), port);

        check(again.exit == 0, "exit " + again.exit + ": " + again.err);
        check(again.out.strip().equals(base(home).resolve(NAME).toString()), "printed " + again.out.strip());
        check(proxied.isEmpty(), "downloaded again: " + proxied);
        deleteRecursively(home);
    }

    private static void cleansUpAFailedUnpack(Path install, Path home, int port, byte[] zip) throws Exception {
        served = zip;
        Result result = install(install, home, sha256(served), port);

        check(result.exit != 0, "a distribution with an entry outside its folder was installed");
        check(result.err.contains("Refusing zip entry"), "failed otherwise: " + result.err);
        check(leftovers(home).isEmpty(), "left behind " + leftovers(home));
        check(!Files.exists(base(home).resolve(NAME)), "installed a broken distribution");
    }

    private static void cleansUpAFailedUnpack(Path install, int port) throws Exception {
        Path home = Files.createTempDirectory("roster-install-test");
        // Unpacking writes the first entries, then refuses the escaping one: a partial staging directory.
        cleansUpAFailedUnpack(install, home, port, distribution(NAME + "/bin/mvn", NAME + "/lib/core.jar", "../escape.txt"));
        check(!Files.exists(base(home).resolve("escape.txt")) && !Files.exists(base(home).getParent().resolve("escape.txt")),
                "an entry escaped the staging directory");
        deleteRecursively(home);
    }

    private static void cleansUpAfterLosingARace(Path install, int port) throws Exception {
        Path home = Files.createTempDirectory("roster-install-test");
        // Another ./mvnw moved its copy in first, and has not yet made bin/mvn executable.
        Path winner = Files.createDirectories(base(home).resolve(NAME).resolve("bin"));
        Files.writeString(winner.resolve("mvn"), "#!/bin/sh\n");
        served = distribution(NAME + "/bin/mvn");
        Result result = install(install, home, sha256(served), port);

        check(result.exit == 0, "exit " + result.exit + ": " + result.err);
        check(result.out.strip().equals(base(home).resolve(NAME).toString()), "printed " + result.out.strip());
        check(leftovers(home).isEmpty(), "left behind " + leftovers(home));
        deleteRecursively(home);
    }

    private static void refusesAWrongChecksum(Path install, int port) throws Exception {
        Path home = Files.createTempDirectory("roster-install-test");
        served = distribution(NAME + "/bin/mvn");
        Result result = install(install, home, "0".repeat(64), port);

        check(result.exit != 0, "installed a distribution with the wrong SHA-256");
        check(result.err.contains("SHA-256"), "failed otherwise: " + result.err);
        check(leftovers(home).isEmpty(), "left behind " + leftovers(home));
        deleteRecursively(home);
    }

    /** Where Install.java puts the distribution under a user.home, as it computes it. */
    private static Path base(Path userHome) throws Exception {
        return userHome.resolve(".m2/wrapper/dists").resolve(NAME).resolve(sha256(served).substring(0, 12));
    }

    /** Anything in the dists folder besides the installed Maven: staging directories and downloads. */
    private static List<String> leftovers(Path userHome) throws Exception {
        Path base = base(userHome);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(base)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(NAME)).collect(Collectors.toList());
        }
    }

    private record Result(int exit, String out, String err) {}

    private static Result install(Path install, Path userHome, String sha256, int proxyPort) throws Exception {
        Path properties = Files.createTempFile(userHome, "maven", ".properties");
        Files.writeString(properties, "distributionUrl=" + URL + "\ndistributionSha256=" + sha256 + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Duser.home=" + userHome, "-Dhttp.proxyHost=127.0.0.1",
                "-Dhttp.proxyPort=" + proxyPort, install.toString(), properties.toString()).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("Install.java did not finish");
        }
        Files.delete(properties);
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static byte[] distribution(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(("#!/bin/sh\necho " + entry + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
