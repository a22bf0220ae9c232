import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Installs the Maven that ./mvnw runs, needing nothing but a JDK: downloads the distribution named
 * in maven.properties, checks its SHA-256, unpacks it, and prints the Maven home. Run by mvnw as
 * a single-file source program; an existing install is reused.
 *
 * <p>Behind a proxy, pass the JDK's proxy properties through the launcher, which reads
 * JDK_JAVA_OPTIONS: {@code JDK_JAVA_OPTIONS="-Dhttps.proxyHost=proxy -Dhttps.proxyPort=3128" ./mvnw ...}
 * (or {@code -Djava.net.useSystemProxies=true}).
 */
public class Install {
    public static void main(String[] args) throws Exception {
        Path properties = Path.of(args[0]);
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            settings.load(in);
        }
        URI url = URI.create(settings.getProperty("distributionUrl"));
        String expectedSha256 = settings.getProperty("distributionSha256");
        String zipName = Path.of(url.getPath()).getFileName().toString();
        String name = zipName.replace("-bin.zip", "");
        Path base = Path.of(System.getProperty("user.home"), ".m2", "wrapper", "dists", name, expectedSha256.substring(0, 12));
        Path home = base.resolve(name);
        if (Files.isExecutable(home.resolve("bin").resolve("mvn"))) {
            System.out.println(home);
            return;
        }
        Files.createDirectories(base);
        Path zip = Files.createTempFile(base, name, ".zip");
        try {
            System.err.println("mvnw: downloading " + url);
            // The JDK's default selector (what a builder uses when given none; named here so that it stays
            // so): it honours -Dhttps.proxyHost, -Dhttp.proxyHost, http.nonProxyHosts, java.net.useSystemProxies.
            HttpResponse<Path> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .proxy(ProxySelector.getDefault()).build()
                    .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofFile(zip));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + url);
            }
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
            if (!actual.equalsIgnoreCase(expectedSha256)) {
                throw new IOException("SHA-256 of " + url + " is " + actual + ", expected " + expectedSha256);
            }
            Path staging = Files.createTempDirectory(base, "unpack");
            try {
                unzip(zip, staging);
                Path unpacked = staging.resolve(name);
                unpacked.resolve("bin").resolve("mvn").toFile().setExecutable(true);
                try {
                    Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    if (!Files.isDirectory(home)) {
                        throw raced;
                    }
                }
            } finally {
                // Empty after the move; a partial unpack after a failure, or the loser of a race.
                deleteRecursively(staging);
            }
            System.out.println(home);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            // Deepest first, so each directory is empty when its turn comes. walk does not follow links.
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Refusing zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
