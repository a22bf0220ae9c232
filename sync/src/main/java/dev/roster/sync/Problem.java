package dev.roster.sync;

/**
 * One thing wrong with a desired state, where it is and what to do about it.
 *
 * @param path where, in the file's terms: {@code vendors.openai.provider}, {@code defaults.openai.role},
 *     {@code people[3].email}, {@code people[3].vendors.openai.projects[0].role}; the CLI maps it to a
 *     line and column
 * @param message what is wrong and what to do
 */
public record Problem(String path, String message) implements java.io.Serializable {

    /**
     * Checks that nothing is null.
     *
     * @param path where, in the file's terms
     * @param message what is wrong and what to do
     * @throws NullPointerException if either is null
     */
    public Problem {
        java.util.Objects.requireNonNull(path, "path");
        java.util.Objects.requireNonNull(message, "message");
    }

    /** The path, a colon and the message. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
