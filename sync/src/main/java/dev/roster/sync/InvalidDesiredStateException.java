package dev.roster.sync;

import dev.roster.InvalidRequestException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A desired state with problems; {@link #problems()} lists every one, with its path. Thrown before
 * any request is sent to a vendor.
 */
public class InvalidDesiredStateException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /** An immutable list of serializable records. */
    private final List<Problem> problems;

    /**
     * A failure listing the problems.
     *
     * @param problems every problem found, at least one
     * @throws IllegalArgumentException if there are none
     */
    public InvalidDesiredStateException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid desired state has at least one problem");
        }
        return "The desired state has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "; fix " + (problems.size() == 1 ? "it" : "them all") + " and try again:"
                + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }

    /**
     * Every problem found, in the state's order: connections first, then people.
     *
     * @return the problems, never empty
     */
    public List<Problem> problems() {
        return problems;
    }
}
