package dev.roster.testkit.openapi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the vendors' published OpenAPI contracts are, if the build says: the folder named by the
 * system property {@value #PROPERTY}, else by the environment variable {@value #ENVIRONMENT_VARIABLE}
 * (the property wins). Nothing is guessed: no directory above the working directory is searched, so
 * a clone of a project builds the same wherever it sits.
 *
 * <p>Not set: simulators and stub tests run without checking their traffic against the vendors'
 * contracts (see {@link OpenApiValidation#vendorSpec(String)}), and the test run ends with one line
 * saying how many exchanges went unchecked and how to turn the checks on ({@link SpecCheckSummary}).
 * Set: every contract asked for must be in that folder; a missing file is an error naming the file
 * and the folder, never a silent skip.
 *
 * <p>The folder must be given as an absolute path: Maven runs each module's tests in that module's
 * folder, so a relative path would name a different folder in every module.
 */
public final class VendorSpecs {

    /** The system property naming the folder of vendor contracts; it wins over the environment variable. */
    public static final String PROPERTY = "roster.specs.dir";

    /** The environment variable naming the folder of vendor contracts, read when the property is not set. */
    public static final String ENVIRONMENT_VARIABLE = "ROSTER_SPECS_DIR";

    private final Optional<Path> folder;
    private final String setBy;

    private VendorSpecs(Optional<Path> folder, String setBy) {
        this.folder = folder;
        this.setBy = setBy;
    }

    /**
     * The setting of this JVM: system property {@value #PROPERTY}, else environment variable
     * {@value #ENVIRONMENT_VARIABLE}.
     *
     * @return the lookup
     * @throws IllegalStateException if the setting is blank, relative or not a folder
     */
    public static VendorSpecs fromSystem() {
        String property = System.getProperty(PROPERTY);
        return of(property == null ? Map.of() : Map.of(PROPERTY, property), System.getenv());
    }

    /**
     * The setting given explicitly, as {@link #fromSystem()} reads it from the JVM: for tests, or a
     * tool that keeps its own settings.
     *
     * @param systemProperties where {@value #PROPERTY} may be; other entries are ignored
     * @param environment where {@value #ENVIRONMENT_VARIABLE} may be; other entries are ignored
     * @return the lookup; with neither set, one that finds no folder
     * @throws IllegalStateException if the setting is blank, relative or not a folder
     */
    public static VendorSpecs of(Map<String, String> systemProperties, Map<String, String> environment) {
        Objects.requireNonNull(systemProperties, "systemProperties");
        Objects.requireNonNull(environment, "environment");
        if (systemProperties.get(PROPERTY) != null) {
            return configured(systemProperties.get(PROPERTY), "-D" + PROPERTY);
        }
        if (environment.get(ENVIRONMENT_VARIABLE) != null) {
            return configured(environment.get(ENVIRONMENT_VARIABLE), ENVIRONMENT_VARIABLE);
        }
        return new VendorSpecs(Optional.empty(), "nothing");
    }

    private static VendorSpecs configured(String value, String setBy) {
        if (value.isBlank()) {
            throw new IllegalStateException(setBy + " is set but empty. Give the absolute path of the folder that holds "
                    + "the vendors' OpenAPI files, or leave it unset to run without checking traffic against them.");
        }
        Path path;
        try {
            path = Path.of(value.strip());
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalStateException(setBy + " is not a path: " + e.getMessage(), e);
        }
        if (!path.isAbsolute()) {
            throw new IllegalStateException(setBy + "=" + value + " is a relative path; give an absolute one (Maven runs "
                    + "each module's tests in that module's folder, so a relative path would differ per module).");
        }
        Path normalized = path.normalize();
        if (!Files.isDirectory(normalized)) {
            throw new IllegalStateException(setBy + " names " + normalized + ", which is not a folder. Point it at the "
                    + "folder that holds the vendors' OpenAPI files, or leave it unset to run without checking "
                    + "traffic against them.");
        }
        return new VendorSpecs(Optional.of(normalized), setBy);
    }

    /**
     * The folder of vendor contracts, if one is set.
     *
     * @return the absolute, normalised folder; empty when neither setting is there
     */
    public Optional<Path> folder() {
        return folder;
    }

    /**
     * A contract file in the folder.
     *
     * @param fileName such as {@code "openai-invites.openapi.yaml"}
     * @return the file; empty when no folder is set (the checks are off)
     * @throws IllegalStateException if a folder is set but the file is not in it, naming both
     */
    public Optional<Path> file(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path file = folder.get().resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The vendor contract " + fileName + " is not in " + folder.get() + " (set by "
                    + setBy + "). Put the file there (the README's \"Running the tests\" says where each one comes "
                    + "from), or unset " + PROPERTY + " and " + ENVIRONMENT_VARIABLE + " to run without the checks.");
        }
        return Optional.of(file);
    }

    @Override
    public String toString() {
        return folder.map(f -> "VendorSpecs[" + f + ", set by " + setBy + "]").orElse("VendorSpecs[not set]");
    }
}
