package dev.roster.testkit.openapi;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Says once, when a test run ends, how many simulated exchanges were not checked against the
 * vendors' OpenAPI contracts because no specs folder is set ({@link VendorSpecs}), and how to turn
 * the checks on. Silent when everything was checked, or nothing needed to be.
 *
 * <p>The JUnit Platform finds it by itself: the testkit registers it in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}, so any test run with
 * the testkit and the JUnit launcher on its class path (Maven Surefire, Gradle, an IDE) gets the
 * line. It writes to the process's own standard error, not to {@code System.err}: Surefire
 * redirects the latter into per-class report files, where nobody would read it; the process's
 * standard error reaches the console. Under Surefire, which runs a module's test classes as one
 * test plan, that is one line per module.
 */
public final class SpecCheckSummary implements TestExecutionListener {

    private final UncheckedExchanges unchecked;
    private final Consumer<String> console;

    /** The listener the JUnit Platform creates: this JVM's count, to the process's standard error. */
    public SpecCheckSummary() {
        this(UncheckedExchanges.JVM, SpecCheckSummary::toProcessStandardError);
    }

    SpecCheckSummary(UncheckedExchanges unchecked, Consumer<String> console) {
        this.unchecked = Objects.requireNonNull(unchecked, "unchecked");
        this.console = Objects.requireNonNull(console, "console");
    }

    /**
     * Prints the line if any exchange went unchecked since the last test plan ended.
     *
     * @param testPlan the plan that ended (not read)
     */
    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        unchecked.take().map(SpecCheckSummary::line).ifPresent(console);
    }

    static String line(UncheckedExchanges.Summary summary) {
        return "[INFO] Roster testkit, in " + moduleName() + ": " + summary.exchanges() + " simulated HTTP exchange"
                + (summary.exchanges() == 1 ? " was" : "s were") + " NOT checked against the vendors' OpenAPI specs ("
                + String.join(", ", summary.specFiles()) + "): no specs folder is set. To check them, run with -D"
                + VendorSpecs.PROPERTY + "=/absolute/path/to/specs or " + VendorSpecs.ENVIRONMENT_VARIABLE
                + " (the README's \"Running the tests\" says where each file comes from).";
    }

    /** The folder the tests run in: under Maven, the module's own, so each module's line says whose it is. */
    private static String moduleName() {
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath().getFileName();
        return here == null ? "this module" : here.toString();
    }

    private static void toProcessStandardError(String line) {
        // Not closed: closing it would close the process's standard error.
        @SuppressWarnings("resource")
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        stderr.println(line);
        stderr.flush();
    }
}
